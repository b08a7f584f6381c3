package org.sintraee.protocol.scabc;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.quorum.Quorums;
import org.sintraee.protocol.scabc.ScabcAdversaries.CausalityWatch;
import org.sintraee.protocol.scabc.ScabcFixtures.Crypto;
import org.sintraee.protocol.scabc.ScabcFixtures.Workload;
import org.sintraee.protocol.sim.Adversary;
import org.sintraee.protocol.sim.Invariants;
import org.sintraee.protocol.sim.Scheduler;
import org.sintraee.protocol.sim.SimulationFailure;
import org.sintraee.protocol.sim.VirtualNet;

/**
 * One simulated run: every honest server is given the same ordered sequence, each at its own
 * random times interleaved with message deliveries (held back while its layer signals
 * back-pressure), then the network runs until quiet; afterwards every invariant is checked.
 */
final class ScabcHarness {
    static final int BUDGET = 400_000;

    private ScabcHarness() {
    }

    record Run(VirtualNet<ScabcInput, ScabcMessage, ScabcDelivery> net, Workload work, CausalityWatch watch,
               int heldBack) {
    }

    static Set<Integer> drawFaulty(int n, SplittableRandom rnd) {
        Set<Integer> faulty = new TreeSet<>();
        while (faulty.size() < Quorums.optimal(n).t()) {
            faulty.add(rnd.nextInt(1, n + 1));
        }
        return faulty;
    }

    static Scheduler drawScheduler(int n, Set<Integer> faulty, SplittableRandom rnd, long seed) {
        return Scheduler.bySeed(seed, n, faulty, rnd, 20 * n);
    }

    /** Runs the workload and checks every invariant; the run is returned for extra checks. */
    static Run run(int n, long seed, Crypto crypto, List<ServerContext> ctxs, Workload work, int maxPending,
                   SplittableRandom rnd, Function<Workload, Adversary<ScabcMessage>> strategy) {
        Set<Integer> faulty = drawFaulty(n, rnd);
        Scheduler scheduler = drawScheduler(n, faulty, rnd, seed);
        CausalityWatch watch = new CausalityWatch(strategy.apply(work), work);
        VirtualNet<ScabcInput, ScabcMessage, ScabcDelivery> net = VirtualNet.create(n, faulty, seed,
                id -> new ScabcDecryption(ctxs.get(id - 1), ScabcFixtures.TAG, crypto.scheme(), crypto.key(id),
                        maxPending), watch, scheduler);
        int pace = rnd.nextInt(5, 60); // percent of steps that feed an input
        Map<Integer, Integer> next = new TreeMap<>();
        net.honest().forEach(id -> next.put(id, 0));
        int steps = 0;
        int heldBack = 0;
        while (next.values().stream().anyMatch(k -> k < work.size())) {
            if (++steps > BUDGET) {
                throw new SimulationFailure("seed " + seed + ": inputs not all given after " + BUDGET + " steps");
            }
            if (rnd.nextInt(100) < pace || net.pending().isEmpty()) {
                List<Integer> ready = next.keySet().stream()
                        .filter(id -> next.get(id) < work.size() && layer(net, id).acceptsInput()).toList();
                heldBack += next.values().stream().filter(k -> k < work.size()).count() - ready.size();
                if (ready.isEmpty()) {
                    if (!net.crank()) {
                        throw new SimulationFailure("seed " + seed + ": stuck, no layer accepts input and nothing is"
                                + " in flight; outputs " + outputCounts(net));
                    }
                    continue;
                }
                int id = ready.get(rnd.nextInt(ready.size()));
                int k = next.get(id);
                watch.orderedSomewhere = Math.max(watch.orderedSomewhere, k + 1);
                net.input(id, new ScabcInput.Ordered(k, work.entries().get(k).encoded()));
                next.put(id, k + 1);
            } else {
                net.crank();
            }
        }
        net.runUntilQuiet(BUDGET);
        check(net, work);
        return new Run(net, work, watch, heldBack);
    }

    static ScabcDecryption layer(VirtualNet<ScabcInput, ScabcMessage, ScabcDelivery> net, int id) {
        return (ScabcDecryption) net.node(id);
    }

    /** Total order, expected plaintexts and skips, strict order, termination, shares only where allowed, no honest blamed. */
    static void check(VirtualNet<ScabcInput, ScabcMessage, ScabcDelivery> net, Workload work) {
        Invariants.noHonestBlamed(net);
        List<ScabcDelivery> first = null;
        for (int id : net.honest()) {
            List<ScabcDelivery> out = net.outputs(id);
            if (out.size() != work.size()) {
                fail(net, "server " + id + " output " + out.size() + " of " + work.size() + " positions: " + out);
            }
            for (int i = 0; i < out.size(); i++) {
                ScabcDelivery d = out.get(i);
                if (d.seq() != i) {
                    fail(net, "server " + id + " output seq " + d.seq() + " at place " + i + ": " + out);
                }
                byte[] expected = work.plaintexts().get(i);
                if (expected != null) {
                    if (!(d instanceof ScabcDelivery.Delivered del) || !ScabcFixtures.same(expected, del.plaintext().toArray())) {
                        fail(net, "server " + id + " seq " + i + " (" + work.entries().get(i).kind() + "): " + d
                                + ", expected the client's plaintext");
                    }
                } else if (!(d instanceof ScabcDelivery.Skipped s) || !s.reason().startsWith(work.skips().get(i))) {
                    fail(net, "server " + id + " seq " + i + " (" + work.entries().get(i).kind() + "): " + d
                            + ", expected a skip: " + work.skips().get(i));
                }
            }
            if (first == null) {
                first = out;
            } else if (!first.equals(out)) {
                fail(net, "honest servers disagree: " + first + " vs " + out);
            }
            Set<Long> sharedSeqs = new TreeSet<>();
            for (DurableRecord r : net.durable(id)) {
                long seq = Long.parseLong(r.what().substring("dec-share/".length()));
                if (!sharedSeqs.add(seq)) {
                    fail(net, "server " + id + " released two shares for seq " + seq);
                }
            }
            if (!sharedSeqs.equals(work.shared())) {
                fail(net, "server " + id + " shared " + sharedSeqs + ", expected exactly " + work.shared());
            }
            for (long seq = 0; seq < work.size(); seq++) {
                if (layer(net, id).slot(seq).isPresent()) {
                    fail(net, "server " + id + " still holds seq " + seq + " after output");
                }
            }
        }
    }

    private static Map<Integer, Long> outputCounts(VirtualNet<ScabcInput, ScabcMessage, ScabcDelivery> net) {
        Map<Integer, Long> m = new TreeMap<>();
        net.honest().forEach(id -> m.put(id, layer(net, id).outputCount()));
        return m;
    }

    private static void fail(VirtualNet<?, ?, ?> net, String what) {
        throw new SimulationFailure("seed " + net.seed() + ": " + what);
    }
}
