package org.sintraee.runtime.replica;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * kill -9 of one replica process under load, then a restart on its data directory: nothing
 * that completed is lost or delivered twice, and the restarted replica catches up to the
 * identical sequence (compared by delivery chains).
 */
class KillRestartClusterTest {
    /** Which replica dies; any one must do, so the seed picks it. Replay with -Dcluster.victim=N. */
    static final int VICTIM = Integer.getInteger("cluster.victim", 1 + (int) (System.nanoTime() % 4));

    @TempDir
    static Path dir;
    static LocalCluster cluster;
    static ExecutorService executor;

    @BeforeAll
    static void start() throws Exception {
        executor = Executors.newCachedThreadPool();
        cluster = ClusterKeys.cluster(dir, 43, List.of("--batch", "32"));
        cluster.startAll();
        cluster.awaitReady(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() {
        ClusterKeys.stop(cluster, executor);
    }

    @Test
    void aKilledReplicaRestartsCatchesUpAndNothingIsLostOrDoubled() throws Exception {
        System.out.println("killing server " + VICTIM + " (replay: -Dcluster.victim=" + VICTIM + ")");
        List<Integer> survivors = new ArrayList<>();
        for (int id = 1; id <= 4; id++) {
            if (id != VICTIM) {
                survivors.add(id);
            }
        }
        List<SintraClient> clients = new ArrayList<>();
        for (int id : survivors) {
            clients.add(SintraClient.connect(cluster.clientAddress(id), executor));
        }
        Map<Integer, CompletableFuture<Long>> done = new TreeMap<>();
        int next = 0;
        for (; next < 300; next++) {
            done.put(next, clients.get(next % 3).submit(request(next)));
        }
        cluster.kill(VICTIM);
        for (; next < 1200; next++) {
            done.put(next, clients.get(next % 3).submit(request(next)));
            if (next % 100 == 0) {
                done.get(next).get(60, TimeUnit.SECONDS); // keeps the load flowing while the victim is down
            }
        }
        cluster.start(VICTIM);
        for (; next < 1500; next++) {
            done.put(next, clients.get(next % 3).submit(request(next)));
        }
        java.util.Set<Long> seqs = new java.util.HashSet<>();
        for (CompletableFuture<Long> f : done.values()) {
            seqs.add(f.get(60, TimeUnit.SECONDS));
        }
        assertEquals(done.size(), seqs.size(), "every request has its own place, none twice");
        long target = seqs.stream().mapToLong(Long::longValue).max().orElseThrow() + 1;
        assertEquals(done.size(), target, "no other request was ordered and no place is empty");

        cluster.awaitReady(Duration.ofSeconds(90));
        SintraClient restarted = SintraClient.connect(cluster.clientAddress(VICTIM), executor);
        clients.add(restarted);
        byte[] reference = null;
        for (SintraClient c : clients) {
            LoopbackClusterTest.awaitDelivered(c, target);
            byte[] chain = c.chain(target).get(10, TimeUnit.SECONDS).orElseThrow();
            if (reference != null) {
                assertArrayEquals(reference, chain, "a replica's first " + target + " deliveries differ");
            }
            reference = chain;
        }
        assertEquals(target, restarted.status().get(10, TimeUnit.SECONDS).delivered(),
                "the restarted replica delivered nothing twice");
        CompletableFuture<Long> after = restarted.submit(request(-1));
        assertTrue(after.get(60, TimeUnit.SECONDS) >= target, "the restarted replica takes part again");
        for (SintraClient c : clients) {
            c.close();
        }
    }

    private static byte[] request(int i) {
        return ("kill-restart request " + i).getBytes();
    }
}
