package org.sintraee.protocol.abc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sintraee.protocol.abc.AbcPuppets.Byz;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.sim.Invariants;
import org.sintraee.protocol.sim.Scheduler;
import org.sintraee.protocol.sim.SimulationFailure;
import org.sintraee.protocol.sim.VirtualNet;

/**
 * One simulated atomic-broadcast run: client requests reach honest servers at random times
 * interleaved with deliveries (about half of them to t + 1 honest servers, the rest to one),
 * then the network runs until quiet, and every invariant is checked.
 */
final class AbcHarness {
    static final int BATCH = 3;
    static final int MAX_REQUEST = 64;

    enum Sched { RANDOM, DELAYING, PARTITIONED }

    private AbcHarness() {
    }

    /** A run's outcome: the net, rounds used, and how many fairness bounds were checked. */
    record Run(VirtualNet<AbcInput, AbcMessage, AbcDelivery> net, long rounds, int fairChecked) {
    }

    /** Requests per run: fewer for larger n, to keep each class within its time budget. */
    static int requests(int n) {
        return n <= 4 ? 18 : n <= 7 ? 12 : 8;
    }

    /** Termination bound: deliveries per run. */
    static int maxDeliveries(int n) {
        return 20_000 * n * n;
    }

    static Scheduler scheduler(Sched s, int n) {
        return switch (s) {
            case RANDOM -> Scheduler.random();
            case DELAYING -> Scheduler.delaying(Set.of(1));
            case PARTITIONED -> Scheduler.partitioned(Set.of(1, 2), 20 * n * n);
        };
    }

    static AtomicBroadcast node(VirtualNet<AbcInput, AbcMessage, AbcDelivery> net, int id) {
        return (AtomicBroadcast) net.node(id);
    }

    static Run run(long seed, List<ServerContext> ctxs, Sched sched, Byz byz) {
        int n = ctxs.size();
        int t = ctxs.get(0).quorums().t();
        Set<Integer> faulty = new TreeSet<>();
        for (int i = 0; i < t; i++) {
            faulty.add(n - i);
        }
        Tag tag = Tag.of("sim", "abc").child(seed); // per seed: the mock coin is predictable from the tag
        Set<Bytes> byzantine = new TreeSet<>();
        VirtualNet<AbcInput, AbcMessage, AbcDelivery> net = VirtualNet.create(n, faulty, seed,
                id -> new AtomicBroadcast(ctxs.get(id - 1), tag, BATCH, MAX_REQUEST, 10_000),
                AbcPuppets.of(byz, ctxs, tag, faulty, BATCH, MAX_REQUEST, byzantine), scheduler(sched, n));
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5eedL);
        List<Integer> honest = new ArrayList<>(net.honest());

        // The workload: each request with its holders, submitted one holder at a time.
        record Submission(int request, int server) {
        }
        List<Bytes> requests = new ArrayList<>();
        Map<Integer, List<Integer>> holders = new TreeMap<>();
        List<Submission> plan = new ArrayList<>();
        for (int k = 0; k < requests(n); k++) {
            byte[] body = new byte[rnd.nextInt(1, MAX_REQUEST + 1)];
            rnd.nextBytes(body);
            body[0] = (byte) k; // distinct
            requests.add(Bytes.of(body));
            List<Integer> pool = new ArrayList<>(honest);
            int copies = rnd.nextBoolean() ? t + 1 : 1;
            List<Integer> hs = new ArrayList<>();
            for (int c = 0; c < copies; c++) {
                hs.add(pool.remove(rnd.nextInt(pool.size())));
            }
            holders.put(k, hs);
            hs.forEach(h -> plan.add(new Submission(requests.size() - 1, h)));
        }
        // Interleave: a submission's copies go out in plan order, at random times.
        Map<Integer, Long> bound = new TreeMap<>();       // request -> latest round it may be delivered in
        Map<Integer, Long> positions = new TreeMap<>();   // request -> sum of ceil(position / BATCH) over holders
        Map<Integer, Integer> given = new TreeMap<>();
        int pace = rnd.nextInt(2, 30);
        int steps = 0;
        for (Submission s : plan) {
            while (rnd.nextInt(100) >= pace && net.crank()) {
                if (++steps > maxDeliveries(n)) {
                    throw new SimulationFailure("seed " + seed + ": no quiet moment while submitting");
                }
            }
            net.input(s.server(), new AbcInput.Submit(requests.get(s.request())));
            long p = node(net, s.server()).queued();
            positions.merge(s.request(), (p + BATCH - 1) / BATCH, Long::sum);
            if (given.merge(s.request(), 1, Integer::sum) == holders.get(s.request()).size()
                    && holders.get(s.request()).size() > t) {
                long r0 = honest.stream().mapToLong(id -> node(net, id).round()).max().orElseThrow();
                bound.put(s.request(), r0 + positions.get(s.request()) - t);
            }
        }
        assertPrefixes(net);
        net.runUntilQuiet(maxDeliveries(n));
        return new Run(net, check(net, requests, byzantine, bound), bound.size());
    }

    /** Total order mid-run: every honest sequence is a prefix of the longest. */
    static void assertPrefixes(VirtualNet<AbcInput, AbcMessage, AbcDelivery> net) {
        List<AbcDelivery> longest = List.of();
        for (int id : net.honest()) {
            if (net.outputs(id).size() > longest.size()) {
                longest = net.outputs(id);
            }
        }
        for (int id : net.honest()) {
            List<AbcDelivery> out = net.outputs(id);
            if (!longest.subList(0, out.size()).equals(out)) {
                fail(net, "total order: server " + id + " delivered " + out + ", not a prefix of " + longest);
            }
        }
    }

    /** All invariants at quiescence; returns the number of rounds used. */
    static long check(VirtualNet<AbcInput, AbcMessage, AbcDelivery> net, List<Bytes> requests, Set<Bytes> byzantine,
                      Map<Integer, Long> bound) {
        Invariants.noHonestBlamed(net);
        assertPrefixes(net);
        List<AbcDelivery> first = null;
        for (int id : net.honest()) {
            List<AbcDelivery> out = net.outputs(id);
            if (first == null) {
                first = out;
            } else if (!first.equals(out)) {
                fail(net, "agreement: server " + id + " delivered " + out.size() + " requests, another " + first.size()
                        + "; " + net.honest().stream().map(h -> node(net, h).toString()).toList() + ": " + out + " vs " + first);
            }
            if (node(net, id).queued() != 0) {
                fail(net, "server " + id + " still queues " + node(net, id).queued() + " requests at quiescence");
            }
        }
        Set<Bytes> seen = new HashSet<>();
        Map<Bytes, Long> roundOf = new java.util.HashMap<>();
        Set<Bytes> allowed = new HashSet<>(requests);
        allowed.addAll(byzantine);
        long rounds = 0;
        for (int i = 0; i < first.size(); i++) {
            AbcDelivery d = first.get(i);
            if (d.seq() != i) {
                fail(net, "seq " + d.seq() + " at place " + i);
            }
            if (!seen.add(d.request())) {
                fail(net, "integrity: " + d.request() + " delivered twice");
            }
            if (!allowed.contains(d.request())) {
                fail(net, "integrity: " + d.request() + " was never submitted");
            }
            roundOf.put(d.request(), d.round());
            rounds = Math.max(rounds, d.round() + 1);
        }
        for (int k = 0; k < requests.size(); k++) {
            if (!roundOf.containsKey(requests.get(k))) {
                fail(net, "validity: request " + k + " (" + requests.get(k) + ") never delivered");
            }
            Long b = bound.get(k);
            if (b != null && roundOf.get(requests.get(k)) > b) {
                fail(net, "fairness: request " + k + " delivered in round " + roundOf.get(requests.get(k))
                        + ", bound " + b);
            }
        }
        for (int id : net.honest()) {
            if (net.durable(id).stream().noneMatch(r -> r.what().equals("batch/0"))) {
                fail(net, "server " + id + " has no durable record of its round-0 batch");
            }
        }
        return rounds;
    }

    static void fail(VirtualNet<?, ?, ?> net, String what) {
        throw new SimulationFailure("seed " + net.seed() + ": " + what);
    }
}
