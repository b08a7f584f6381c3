package org.sintraee.runtime.replica;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sintraee.runtime.client.ReplicaState;
import org.sintraee.runtime.client.SintraClient;

/** Four replica processes on loopback, started once for the class. */
class LoopbackClusterTest {
    @TempDir
    static Path dir;
    static LocalCluster cluster;
    static ExecutorService executor;

    @BeforeAll
    static void start() throws Exception {
        executor = Executors.newCachedThreadPool();
        cluster = ClusterKeys.cluster(dir, 41, List.of("--batch", "32"));
        cluster.startAll();
        cluster.awaitReady(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() {
        ClusterKeys.stop(cluster, executor);
    }

    @Test
    void everyReplicaDeliversTheIdenticalSequence() throws Exception {
        List<SintraClient> clients = new ArrayList<>();
        for (int id = 1; id <= 4; id++) {
            clients.add(SintraClient.connect(cluster.clientAddress(id), executor));
        }
        List<CompletableFuture<Long>> done = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            done.add(clients.get(i % 4).submit(("request " + i + " of the identical-sequence test").getBytes()));
        }
        Set<Long> seqs = new HashSet<>();
        for (CompletableFuture<Long> f : done) {
            seqs.add(f.get(60, TimeUnit.SECONDS));
        }
        assertEquals(400, seqs.size(), "every request has its own place in the order");
        long target = seqs.stream().mapToLong(Long::longValue).max().orElseThrow() + 1;
        byte[] reference = null;
        for (SintraClient c : clients) {
            ReplicaState s = awaitDelivered(c, target);
            byte[] chain = c.chain(target).get(10, TimeUnit.SECONDS).orElseThrow();
            if (reference == null) {
                reference = chain;
            } else {
                assertArrayEquals(reference, chain, "replicas differ in the first " + target + " deliveries: " + s);
            }
            c.close();
        }
    }

    static ReplicaState awaitDelivered(SintraClient c, long count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            ReplicaState s = c.status().get(10, TimeUnit.SECONDS);
            if (s.delivered() >= count) {
                return s;
            }
            assertTrue(System.nanoTime() < deadline, "delivered only " + s.delivered() + " of " + count);
            Thread.sleep(50);
        }
    }
}
