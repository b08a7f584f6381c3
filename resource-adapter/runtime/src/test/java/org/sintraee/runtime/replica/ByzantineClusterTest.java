package org.sintraee.runtime.replica;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sintraee.runtime.client.SintraClient;

/**
 * Four replica processes on loopback: servers 1..3 honest, server 4 Byzantine with every
 * behaviour of {@link ByzantineOutbox} at once (t = 1). Started once for the class.
 */
class ByzantineClusterTest {
    private static final int BYZANTINE = 4;
    private static final List<Integer> HONEST = List.of(1, 2, 3);

    @TempDir
    static Path dir;
    static LocalCluster cluster;
    static ExecutorService executor;

    @BeforeAll
    static void start() throws Exception {
        executor = Executors.newCachedThreadPool();
        cluster = ClusterKeys.cluster(dir, 43, List.of("--batch", "32", "--fsync", "never"));
        for (int id : HONEST) {
            cluster.start(id);
        }
        cluster.start(BYZANTINE, ByzantineReplica.class.getName(),
                List.of(ByzantineReplica.FLAG, "garbage,replay,equivocate,withhold"));
        cluster.awaitReady(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() {
        ClusterKeys.stop(cluster, executor);
    }

    @Test
    void honestServersDeliverIdenticallyAndBlameOnlyTheByzantineOne() throws Exception {
        deliverAndCompare("byzantine-test", 150);
        // Faults are republished in the status file every 200 ms: await them.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int id : HONEST) {
            Map<Integer, Long> faults;
            while ((faults = StatusFile.faults(cluster.statusFile(id))).getOrDefault(BYZANTINE, 0L) == 0) {
                assertTrue(System.nanoTime() < deadline, "server " + id + " blames nobody: " + faults);
                Thread.sleep(50);
            }
            for (int other : HONEST) {
                if (other != id) {
                    assertEquals(0L, faults.get(other), "server " + id + " blames honest server " + other + ": " + faults);
                }
            }
        }
        assertTrue(cluster.process(BYZANTINE).isAlive(), "the Byzantine server ran throughout");
        assertTrue(Files.readString(cluster.log(BYZANTINE)).contains("byzantine replica 4 running"),
                "server 4 ran the Byzantine main class");
    }

    @Test
    void aStrangerWithASelfMadeCertificateIsRefusedWhileTheClusterDelivers() throws Exception {
        for (int id : HONEST) {
            InetSocketAddress peerPort = new InetSocketAddress("127.0.0.1",
                    cluster.publicKeys().member(id).address().port());
            String outcome = StrangerTls.dial(peerPort);
            assertTrue(outcome.startsWith("refused"), "server " + id + ": " + outcome);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int id : HONEST) {
            while (!Files.readString(cluster.log(id)).contains("rejected link connection")) {
                assertTrue(System.nanoTime() < deadline, "server " + id + " logged no refusal");
                Thread.sleep(50);
            }
        }
        deliverAndCompare("after-the-stranger", 30);
    }

    /** Submits {@code count} requests round-robin to the honest servers; all deliver them in one order. */
    private static void deliverAndCompare(String label, int count) throws Exception {
        List<SintraClient> clients = new ArrayList<>();
        for (int id : HONEST) {
            clients.add(SintraClient.connect(cluster.clientAddress(id), executor));
        }
        try {
            List<CompletableFuture<Long>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                done.add(clients.get(i % clients.size()).submit((label + " request " + i).getBytes()));
            }
            Set<Long> seqs = new HashSet<>();
            for (CompletableFuture<Long> f : done) {
                seqs.add(f.get(60, TimeUnit.SECONDS));
            }
            assertEquals(count, seqs.size(), "every request has its own place in the order");
            long target = seqs.stream().mapToLong(Long::longValue).max().orElseThrow() + 1;
            byte[] reference = null;
            for (SintraClient c : clients) {
                awaitDelivered(c, target);
                byte[] chain = c.chain(target).get(10, TimeUnit.SECONDS).orElseThrow();
                if (reference == null) {
                    reference = chain;
                } else {
                    assertArrayEquals(reference, chain, "honest replicas differ in the first " + target + " deliveries");
                }
            }
        } finally {
            for (SintraClient c : clients) {
                c.close();
            }
        }
    }

    private static void awaitDelivered(SintraClient c, long count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long delivered;
        while ((delivered = c.status().get(10, TimeUnit.SECONDS).delivered()) < count) {
            assertTrue(System.nanoTime() < deadline, "delivered only " + delivered + " of " + count);
            Thread.sleep(50);
        }
    }
}
