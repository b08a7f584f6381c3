package org.sintraee.runtime.replica;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.sintraee.runtime.client.ReplicaState;

/** What the client port serves: the replica behind it (an interface so the port is tested alone). */
interface ClientService {

    /** Completes with the request's seq once delivered here; exceptionally when refused. */
    CompletableFuture<Long> submit(byte[] request);

    ReplicaState state();

    /** The delivery chain after the first {@code count} deliveries, if still held. */
    Optional<byte[]> chainAfter(long count);

    int maxRequestBytes();
}
