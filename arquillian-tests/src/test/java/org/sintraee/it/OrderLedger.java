package org.sintraee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.sintraee.it.ProbeClient.Deliveries;
import org.sintraee.it.ProbeClient.Recorded;

/**
 * What a cluster test committed (by SHA-256, with the seq the submitter's stage completed with)
 * and the checks of what every server's probe recorded: the same requests, in the same order,
 * each exactly once, at seqs 0, 1, 2, ... Shared by ClusterIT and MixedClusterIT.
 */
final class OrderLedger {

    private static final long DEADLINE_MS = 120_000;

    private final ProbeClient probe;
    private final int servers;
    private final Supplier<String> tails;
    private final Map<String, Long> committed = new ConcurrentHashMap<>();

    /** {@code tails} gives the servers' log tails for failure messages. */
    OrderLedger(ProbeClient probe, int servers, Supplier<String> tails) {
        this.probe = probe;
        this.servers = servers;
        this.tails = tails;
    }

    /** Submits in a committed transaction at {@code id}; remembers the request and the seq its stage gave. */
    void commit(int id, String label) throws Exception {
        byte[] request = (label + "-" + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        long seq = probe.submitCommitted(id, request);
        committed.put(ProbeClient.sha256(request), seq);
    }

    /** Remembers a request the test committed itself. */
    void committed(byte[] request, long seq) {
        committed.put(ProbeClient.sha256(request), seq);
    }

    /** How many requests were committed so far. */
    int size() {
        return committed.size();
    }

    /** Each server commits {@code count} requests named {@code prefix-server-k}, all servers at once. */
    void commitAtEveryServerAtOnce(String prefix, int count) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(servers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int id = 1; id <= servers; id++) {
                int server = id;
                done.add(clients.submit(() -> {
                    for (int k = 0; k < count; k++) {
                        commit(server, prefix + "-" + server + "-" + k);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * Waits until every server recorded every committed request, and then checks each server's
     * record: seqs 0, 1, 2, ... without gap or repeat, each request once, each at the seq its
     * submitter's stage completed with, and the same sequence at all servers.
     */
    List<List<Recorded>> awaitSameEverywhere() throws Exception {
        Set<String> expected = Set.copyOf(committed.keySet());
        long deadline = System.currentTimeMillis() + DEADLINE_MS;
        List<List<Recorded>> all = new ArrayList<>();
        for (int id = 1; id <= servers; id++) {
            Deliveries deliveries = probe.deliveries(id);
            while (!deliveries.recorded().stream().map(Recorded::sha256).toList().containsAll(expected)) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("server " + id + " recorded " + deliveries.recorded().size()
                            + " deliveries, not all of the " + expected.size() + " expected" + tails.get());
                }
                Thread.sleep(250);
                deliveries = probe.deliveries(id);
            }
            List<Recorded> recorded = deliveries.recorded();
            assertExactlyOnceInOrder(id, recorded);
            all.add(recorded);
        }
        int common = all.stream().mapToInt(List::size).min().orElseThrow();
        for (List<Recorded> recorded : all) {
            assertEquals(ordered(all.get(0).subList(0, common)), ordered(recorded.subList(0, common)),
                    "the same order at every server");
        }
        return all;
    }

    private void assertExactlyOnceInOrder(int id, List<Recorded> recorded) {
        Map<String, Long> seqOf = new HashMap<>();
        for (int i = 0; i < recorded.size(); i++) {
            Recorded r = recorded.get(i);
            assertEquals(i, r.seq(), "server " + id + ": seqs from 0 without gap or repeat: " + recorded);
            assertNull(seqOf.put(r.sha256(), r.seq()), "server " + id + ": a request delivered twice: " + recorded);
            Long submitted = committed.get(r.sha256());
            if (submitted != null) {
                assertEquals(submitted, r.seq(), "server " + id + ": delivered at the seq its submitter was told");
            }
        }
    }

    /** What every server must agree on (a server replaying its journal after a crash may see a lower round). */
    private static List<String> ordered(List<Recorded> recorded) {
        return recorded.stream().map(r -> r.seq() + " " + r.sha256()).toList();
    }

    /** Seq, round and request of each delivery: servers that never crashed agree on all three. */
    static List<String> withRounds(List<Recorded> recorded) {
        return recorded.stream().map(r -> r.seq() + " " + r.round() + " " + r.sha256()).toList();
    }
}
