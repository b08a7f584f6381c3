package org.sintraee.runtime.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Up to four PeerLinks on loopback ports found free at start, sharing one executor. */
final class LinkCluster implements AutoCloseable {
    static final long TIMEOUT_MILLIS = 30_000;

    final ExecutorService executor = Executors.newCachedThreadPool();
    final Map<Integer, InetSocketAddress> addresses = new HashMap<>();
    final PeerLinks[] links = new PeerLinks[LinkKeys.N + 1];
    final Recorder[] recorders = new Recorder[LinkKeys.N + 1];
    private final long bound;
    private final Duration minBackoff;
    private final Duration maxBackoff;

    LinkCluster(long bound, Duration minBackoff, Duration maxBackoff) throws IOException {
        this.bound = bound;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
        List<ServerSocket> probes = new ArrayList<>();
        try {
            for (int id = 1; id <= LinkKeys.N; id++) {
                ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                probes.add(s);
                addresses.put(id, new InetSocketAddress(InetAddress.getLoopbackAddress(), s.getLocalPort()));
            }
        } finally {
            for (ServerSocket s : probes) {
                s.close();
            }
        }
    }

    LinkCluster() throws IOException {
        this(LinkSettings.DEFAULT_MAX_QUEUED_BYTES, Duration.ofMillis(10), Duration.ofMillis(200));
    }

    LinkSettings settings(int id) {
        return new LinkSettings(id, addresses, addresses.get(id), bound, minBackoff, maxBackoff);
    }

    /** Opens server {@code id} with a fresh recorder. */
    PeerLinks open(int id) throws IOException {
        recorders[id] = new Recorder(id);
        links[id] = PeerLinks.open(settings(id), LinkKeys.identity(id), LinkKeys.pinned(), executor, recorders[id]);
        return links[id];
    }

    void openAll() throws IOException {
        for (int id = 1; id <= LinkKeys.N; id++) {
            open(id);
        }
    }

    /** Sends payloads [from, to) of {@code epoch} from {@code sender} to {@code receiver}. */
    void send(int epoch, int sender, int receiver, int from, int to, int size) {
        for (int i = from; i < to; i++) {
            links[sender].send(receiver, Recorder.payload(epoch, sender, receiver, i, size));
        }
    }

    /** Asserts {@code receiver} got exactly [from, to) of {@code epoch} from {@code sender}, in order, once each. */
    void assertReceived(int receiver, int sender, int epoch, int from, int to) {
        List<Long> got = recorders[receiver].from(sender).stream()
                .filter(k -> (k >>> 32) == epoch).toList();
        List<Long> expected = new ArrayList<>();
        for (int i = from; i < to; i++) {
            expected.add(Recorder.key(epoch, i));
        }
        assertEquals(expected, got, "server " + receiver + " from " + sender + ", epoch " + epoch);
    }

    void awaitCount(int receiver, int sender, int count) {
        await(() -> recorders[receiver].count(sender) >= count,
                () -> "server " + receiver + " got " + recorders[receiver].count(sender) + " of " + count
                        + " from " + sender);
    }

    /** Waits until {@code receiver} acknowledged everything {@code sender} queued for it. */
    void awaitAcked(int sender, int receiver) {
        await(() -> links[sender].status(receiver).queuedBytes() == 0,
                () -> "acks from " + receiver + " at " + sender + ": " + links[sender].status(receiver));
    }

    static void await(BooleanSupplier condition, java.util.function.Supplier<String> what) {
        long end = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                fail("timed out: " + what.get());
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    /** Closes every server and checks that every task they started has ended. */
    @Override
    public void close() throws InterruptedException {
        for (PeerLinks l : links) {
            if (l != null) {
                l.close();
            }
        }
        executor.shutdown();
        assertTrue(executor.awaitTermination(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS), "link tasks still running");
    }
}
