package org.sintraee.protocol.abc;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.abc.AbcHarness.Sched;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.sim.Contexts;
import org.sintraee.protocol.sim.Invariants;
import org.sintraee.protocol.sim.Seeds;
import org.sintraee.protocol.sim.SimulationFailure;
import org.sintraee.protocol.sim.Twins;
import org.sintraee.protocol.sim.VirtualNet;

/**
 * Regression for honest servers stranded under Twins: each faulty identity (t maximal, the
 * highest ids) runs as two real atomic-broadcast instances with different requests, each
 * talking to its own half of the honest servers. With decided agreements kept for only 2
 * rounds, an honest server left a few rounds behind could no longer fetch the proposals it
 * had decided on (C-REQUEST unanswered) and stayed stuck while the others went on; keeping
 * {@link AtomicBroadcast#KEEP_ROUNDS} = the round window fixes it. 30 seeds per (n, scheduler)
 * cell, mock crypto, about five rounds of work (batch 1, 32-byte requests). At quiescence:
 * every honest server delivered the same sequence (none stranded), every honest request
 * delivered exactly once, only submitted requests delivered, no honest server blamed, and
 * quiescence within a delivery bound.
 */
class AbcTwinsSimulationTest {
    static final int SEEDS = 30;
    static final int BATCH = 1;
    static final int SIZE = 32;
    static final int ROUNDS = 5;

    @Test
    void twinsRandom() {
        cells("twinsRandom", Sched.RANDOM);
    }

    @Test
    void twinsDelaying() {
        cells("twinsDelaying", Sched.DELAYING);
    }

    @Test
    void twinsPartitioned() {
        cells("twinsPartitioned", Sched.PARTITIONED);
    }

    private static void cells(String method, Sched sched) {
        for (int n : new int[] {4, 7, 10}) {
            List<ServerContext> ctxs = Contexts.mock(n, (n - 1) / 3);
            int[] maxDeliveries = {0};
            long[] maxRound = {0};
            Seeds.forEach(AbcTwinsSimulationTest.class, method, SEEDS, seed -> {
                VirtualNet<AbcInput, AbcMessage, AbcDelivery> net = run(seed, ctxs, sched);
                maxDeliveries[0] = Math.max(maxDeliveries[0], net.deliveries());
                maxRound[0] = Math.max(maxRound[0], AbcHarness.node(net, 1).round());
            });
            System.out.printf("ABC Twins n=%d %s: max deliveries %d (bound %d), max rounds %d%n",
                    n, sched, maxDeliveries[0], bound(n), maxRound[0]);
        }
    }

    /** Termination bound: deliveries per run (the longest runs need about a fifth of it). */
    static int bound(int n) {
        return 2_000 * n * n;
    }

    static VirtualNet<AbcInput, AbcMessage, AbcDelivery> run(long seed, List<ServerContext> ctxs, Sched sched) {
        int n = ctxs.size();
        int t = ctxs.get(0).quorums().t();
        Set<Integer> faulty = new TreeSet<>();
        for (int i = 0; i < t; i++) {
            faulty.add(n - i);
        }
        Tag tag = Tag.of("sim", "abc-twins").child(seed); // per seed: the mock coin is predictable from the tag
        int queue = ROUNDS * BATCH + 16;

        // Twins: per faulty id, one instance per world, each submitting its own request.
        Set<Bytes> byzantine = new TreeSet<>();
        List<Set<Integer>> halves = Twins.halves(n, faulty, new SplittableRandom(seed * 31 + 7));
        List<Twins.Twin<AbcInput, AbcMessage>> twins = new ArrayList<>();
        for (int f : faulty) {
            for (int world = 0; world < 2; world++) {
                Bytes r = request(-f, world, seed);
                byzantine.add(r);
                twins.add(new Twins.Twin<>(f, world, new AtomicBroadcast(ctxs.get(f - 1), tag, BATCH, SIZE, queue),
                        new AbcInput.Submit(r), halves.get(world)));
            }
        }
        VirtualNet<AbcInput, AbcMessage, AbcDelivery> net = VirtualNet.create(n, faulty, seed,
                id -> new AtomicBroadcast(ctxs.get(id - 1), tag, BATCH, SIZE, queue), new Twins<>(twins),
                AbcHarness.scheduler(sched, n));

        // A warm-up request each (round 0), then ROUNDS * BATCH more queued while round 0 runs.
        Set<Bytes> honestRequests = new TreeSet<>();
        for (int id : net.honest()) {
            submit(net, id, request(id, -1, seed), honestRequests);
        }
        for (int id : net.honest()) {
            for (int k = 0; k < ROUNDS * BATCH; k++) {
                submit(net, id, request(id, k, seed), honestRequests);
            }
        }
        net.runUntilQuiet(bound(n));
        check(net, sched, honestRequests, byzantine);
        return net;
    }

    private static void submit(VirtualNet<AbcInput, AbcMessage, AbcDelivery> net, int id, Bytes r, Set<Bytes> submitted) {
        submitted.add(r);
        net.input(id, new AbcInput.Submit(r));
    }

    /** The invariants at quiescence. */
    static void check(VirtualNet<AbcInput, AbcMessage, AbcDelivery> net, Sched sched, Set<Bytes> honestRequests,
                      Set<Bytes> byzantine) {
        String cell = "ABC Twins n=" + net.n() + " " + sched + ": ";
        Invariants.noHonestBlamed(net);
        AbcHarness.assertPrefixes(net);
        int lead = net.honest().iterator().next();
        for (int id : net.honest()) {
            if (net.outputs(id).size() > net.outputs(lead).size()) {
                lead = id;
            }
        }
        List<AbcDelivery> longest = net.outputs(lead);
        for (int id : net.honest()) {
            if (net.outputs(id).size() < longest.size()) {
                throw new SimulationFailure("seed " + net.seed() + ": " + cell + "honest server " + id
                        + " stranded in round " + AbcHarness.node(net, id).round() + " with " + net.outputs(id).size()
                        + " deliveries, while server " + lead + " reached round " + AbcHarness.node(net, lead).round()
                        + " with " + longest.size() + "; all: " + state(net));
            }
        }
        Set<Bytes> seen = new HashSet<>();
        for (int i = 0; i < longest.size(); i++) {
            AbcDelivery d = longest.get(i);
            if (d.seq() != i || !seen.add(d.request())) {
                throw new SimulationFailure("seed " + net.seed() + ": " + cell + "delivery " + i + " (seq " + d.seq()
                        + ", " + d.request() + ") is out of sequence or a duplicate");
            }
            if (!honestRequests.contains(d.request()) && !byzantine.contains(d.request())) {
                throw new SimulationFailure("seed " + net.seed() + ": " + cell + d.request() + " was never submitted");
            }
        }
        for (Bytes r : honestRequests) {
            if (!seen.contains(r)) {
                throw new SimulationFailure("seed " + net.seed() + ": " + cell + "honest request " + r
                        + " never delivered; all: " + state(net));
            }
        }
    }

    private static List<String> state(VirtualNet<AbcInput, AbcMessage, AbcDelivery> net) {
        return net.honest().stream().map(h -> AbcHarness.node(net, h) + " delivered " + net.outputs(h).size()).toList();
    }

    /** A distinct 32-byte request: server (negative for a faulty twin's), index and seed up front, then filler. */
    static Bytes request(int server, int k, long seed) {
        byte[] b = new byte[SIZE];
        new SplittableRandom(seed * 1_000_003L + server * 65_537L + k).nextBytes(b);
        ByteBuffer.wrap(b).putInt(server).putInt(k).putInt((int) seed);
        return Bytes.of(b);
    }
}
