package org.sintraee.protocol.figures;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.sintraee.protocol.aba.AbaMessage;
import org.sintraee.protocol.aba.BinaryAgreement;
import org.sintraee.protocol.aba.Decision;
import org.sintraee.protocol.aba.Proposal;
import org.sintraee.protocol.abc.AbcDelivery;
import org.sintraee.protocol.abc.AbcInput;
import org.sintraee.protocol.abc.AbcMessage;
import org.sintraee.protocol.abc.AtomicBroadcast;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.Protocol;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.Verdict;
import org.sintraee.protocol.mvba.ExternalPredicate;
import org.sintraee.protocol.mvba.MvbaDecision;
import org.sintraee.protocol.mvba.MvbaInput;
import org.sintraee.protocol.mvba.MvbaMessage;
import org.sintraee.protocol.mvba.ValidatedAgreement;
import org.sintraee.protocol.sim.Adversaries;
import org.sintraee.protocol.sim.Adversary;
import org.sintraee.protocol.sim.Scheduler;
import org.sintraee.protocol.sim.SimulationFailure;
import org.sintraee.protocol.sim.Twins;
import org.sintraee.protocol.sim.VirtualNet;

/**
 * One simulated run per call, of ABBA, MVBA or atomic broadcast, with t maximal (the highest
 * ids faulty), honest servers metered by {@link Traffic}, and the outcome checked (agreement,
 * termination) so that a figure never comes from a broken run. The faulty servers are silent,
 * or (adversarial rows) Twins: two real instances per faulty identity, each with its own input,
 * talking to its own half of the honest servers: equivocation with validly signed messages.
 */
final class FigureRuns {
    static final int ABA_BUDGET = 400_000;
    static final int MVBA_MAX_VALUE = 256;
    private static final ExternalPredicate ANY = v -> Verdict.VALID;
    private static final Map<Integer, List<ServerContext>> CONTEXTS = new HashMap<>(); // get/put only

    enum Sched {
        RANDOM("random"), DELAYING("delaying (server 1 slow)"), PARTITIONED("partitioned ({1,2} cut off for 20n² deliveries)");

        final String label;

        Sched(String label) {
            this.label = label;
        }

        Scheduler make(int n) {
            return switch (this) {
                case RANDOM -> Scheduler.random();
                case DELAYING -> Scheduler.delaying(Set.of(1));
                case PARTITIONED -> Scheduler.partitioned(Set.of(1, 2), 20 * n * n);
            };
        }
    }

    /** A single-shot agreement's outcome: the round/iteration it took and the traffic per honest server. */
    record Agreement(int steps, double messages, double bytes) {
    }

    /**
     * An atomic-broadcast run: measured rounds (after the warm-up round 0), requests delivered in them, traffic per
     * honest server; {@code stranded}: an honest server was left behind (its deliveries a strict prefix of the others'
     * at quiescence; seen only with Twins), which the ABC package defers to the runtime's catch-up.
     */
    record Broadcast(long rounds, long delivered, double messages, double bytes, boolean stranded, String behind) {
    }

    private FigureRuns() {
    }

    static List<ServerContext> contexts(int n) {
        return CONTEXTS.computeIfAbsent(n, k -> RealSizedMocks.contexts(k, (k - 1) / 3));
    }

    static Set<Integer> faulty(int n) {
        Set<Integer> f = new TreeSet<>();
        for (int i = 0; i < (n - 1) / 3; i++) {
            f.add(n - i);
        }
        return f;
    }

    static <I, M> Adversary<M> twins(int n, long seed, IntFunction<Protocol<I, M, ?>> make, IntFunction<I> inputA,
                                     IntFunction<I> inputB) {
        Set<Integer> faulty = faulty(n);
        List<Set<Integer>> halves = Twins.halves(n, faulty, new SplittableRandom(seed * 31 + 7));
        List<Twins.Twin<I, M>> list = new ArrayList<>();
        for (int f : faulty) {
            list.add(new Twins.Twin<>(f, 0, make.apply(f), inputA.apply(f), halves.get(0)));
            list.add(new Twins.Twin<>(f, 1, make.apply(f), inputB.apply(f), halves.get(1)));
        }
        return new Twins<>(list);
    }

    /** CKS00 binary agreement, standard variant, mixed honest inputs (both values present). */
    static Agreement aba(long seed, int n, Sched sched, boolean twins) {
        List<ServerContext> ctxs = contexts(n);
        Tag tag = Tag.of("figures", "aba").child(seed); // per seed: the mock coin is predictable from the tag
        Traffic traffic = new Traffic(n);
        Adversary<AbaMessage> adversary = twins
                ? twins(n, seed, id -> BinaryAgreement.standard(ctxs.get(id - 1), tag), f -> Proposal.of(false), f -> Proposal.of(true))
                : Adversaries.silent();
        VirtualNet<Proposal, AbaMessage, Decision> net = VirtualNet.create(n, faulty(n), seed,
                id -> new Metered<Proposal, AbaMessage, Decision, BinaryAgreement>(
                        BinaryAgreement.standard(ctxs.get(id - 1), tag), id, traffic), adversary, sched.make(n));
        SplittableRandom in = new SplittableRandom(seed);
        List<Integer> honest = new ArrayList<>(net.honest());
        for (int i = 0; i < honest.size(); i++) {
            boolean bit = i < 2 ? i == 1 : in.nextBoolean(); // mixed: the first two honest servers differ
            net.input(honest.get(i), Proposal.of(bit));
        }
        if (!net.runUntil(v -> v.honest().stream().allMatch(id -> v.node(id).terminated()), ABA_BUDGET)) {
            throw new SimulationFailure("ABBA n=" + n + " " + sched + " seed " + seed + ": no decision");
        }
        Boolean value = null;
        int rounds = 0;
        for (int id : net.honest()) {
            Decision d = net.outputs(id).get(0);
            if (value != null && value != d.value()) {
                throw new SimulationFailure("ABBA n=" + n + " seed " + seed + ": disagreement");
            }
            value = d.value();
            rounds = Math.max(rounds, d.round());
        }
        return new Agreement(rounds, traffic.meanMessages(), traffic.meanBytes());
    }

    /** CKPS01 validated agreement; every value valid, honest proposals of 32 bytes. */
    static Agreement mvba(long seed, int n, Sched sched, boolean twins) {
        List<ServerContext> ctxs = contexts(n);
        Tag tag = Tag.of("figures", "mvba").child(seed);
        Traffic traffic = new Traffic(n);
        IntFunction<Protocol<MvbaInput, MvbaMessage, ?>> make =
                id -> new ValidatedAgreement(ctxs.get(id - 1), tag, MVBA_MAX_VALUE, ANY);
        Adversary<MvbaMessage> adversary = twins
                ? twins(n, seed, make, f -> new MvbaInput.Propose(value("A", f, seed)), f -> new MvbaInput.Propose(value("B", f, seed)))
                : Adversaries.silent();
        VirtualNet<MvbaInput, MvbaMessage, MvbaDecision> net = VirtualNet.create(n, faulty(n), seed,
                id -> new Metered<MvbaInput, MvbaMessage, MvbaDecision, ValidatedAgreement>(
                        new ValidatedAgreement(ctxs.get(id - 1), tag, MVBA_MAX_VALUE, ANY), id, traffic),
                adversary, sched.make(n));
        for (int id : net.honest()) {
            net.input(id, new MvbaInput.Propose(value("h", id, seed)));
        }
        if (!net.runUntil(v -> v.honest().stream().allMatch(id -> v.node(id).terminated()), 200 * n * n)) {
            throw new SimulationFailure("MVBA n=" + n + " " + sched + " seed " + seed + ": no decision");
        }
        MvbaDecision first = null;
        for (int id : net.honest()) {
            MvbaDecision d = net.outputs(id).get(0);
            if (first != null && !first.equals(d)) {
                throw new SimulationFailure("MVBA n=" + n + " seed " + seed + ": disagreement");
            }
            first = d;
        }
        return new Agreement(first.iteration(), traffic.meanMessages(), traffic.meanBytes());
    }

    /** A 32-byte value (or request body) naming its origin, distinct per (kind, id, seed). */
    static byte[] value(String kind, int id, long seed) {
        return Arrays.copyOf((kind + ":" + id + ":" + seed).getBytes(StandardCharsets.UTF_8), 32);
    }

    /** A distinct request of {@code size} bytes: server, index and seed up front, then filler from the seed. */
    static Bytes request(int server, int k, long seed, int size) {
        byte[] b = new byte[size];
        new SplittableRandom(seed * 1_000_003L + server * 65_537L + k).nextBytes(b);
        System.arraycopy(java.nio.ByteBuffer.allocate(12).putInt(server).putInt(k).putInt((int) seed).array(), 0, b, 0,
                Math.min(12, size));
        return Bytes.of(b);
    }

    /**
     * CKPS01 atomic broadcast. Each honest server gets one warm-up request (its round-0 batch:
     * a server that is idle starts a round at its first request) and then, while round 0 runs,
     * {@code rounds * batch} distinct requests of {@code size} bytes, so rounds 1..rounds carry
     * full batches. Round 0's traffic and deliveries are left out of the figures.
     */
    static Broadcast abc(long seed, int n, Sched sched, boolean twins, int batch, int size, int rounds) {
        List<ServerContext> ctxs = contexts(n);
        Tag tag = Tag.of("figures", "abc").child(seed);
        Traffic traffic = new Traffic(n);
        int queue = rounds * batch + 16;
        Adversary<AbcMessage> adversary = twins
                ? twins(n, seed, id -> new AtomicBroadcast(ctxs.get(id - 1), tag, batch, size, queue),
                        f -> new AbcInput.Submit(request(-f, 0, seed, size)), f -> new AbcInput.Submit(request(-f, 1, seed, size)))
                : Adversaries.silent();
        VirtualNet<AbcInput, AbcMessage, AbcDelivery> net = VirtualNet.create(n, faulty(n), seed,
                id -> new Metered<AbcInput, AbcMessage, AbcDelivery, AtomicBroadcast>(
                        new AtomicBroadcast(ctxs.get(id - 1), tag, batch, size, queue), id, traffic),
                adversary, sched.make(n));
        for (int id : net.honest()) {
            net.input(id, new AbcInput.Submit(request(id, -1, seed, size)));
        }
        for (int id : net.honest()) {
            for (int k = 0; k < rounds * batch; k++) {
                net.input(id, new AbcInput.Submit(request(id, k, seed, size)));
            }
        }
        net.runUntilQuiet(200_000 * n * rounds);
        List<AbcDelivery> first = List.of();
        for (int id : net.honest()) {
            first = net.outputs(id).size() > first.size() ? net.outputs(id) : first;
        }
        boolean stranded = false;
        for (int id : net.honest()) {
            if (!isPrefix(net.outputs(id), first)) {
                throw new SimulationFailure("ABC n=" + n + " " + sched + (twins ? " Twins" : "") + " batch " + batch
                        + " seed " + seed + ": total order violated: " + state(net));
            }
            stranded |= net.outputs(id).size() < first.size();
        }
        if (stranded && !twins) {
            throw new SimulationFailure("ABC n=" + n + " " + sched + " batch " + batch + " seed " + seed
                    + ": an honest server was left behind: " + state(net));
        }
        long expected = (long) net.honest().size() * (rounds * batch + 1);
        long honestDelivered = first.stream().filter(d -> !isFaultyRequest(d.request())).count();
        if (honestDelivered != expected && !stranded) { // a stranded server's own requests wait with it
            throw new SimulationFailure("ABC n=" + n + " " + sched + " seed " + seed + ": " + honestDelivered
                    + " honest requests delivered, expected " + expected);
        }
        long last = first.get(first.size() - 1).round();
        long delivered = first.stream().filter(d -> d.round() >= 1).count();
        int longest = first.size();
        String behind = String.join("; ", net.honest().stream().filter(h -> net.outputs(h).size() < longest)
                .map(h -> net.node(h).toString()).toList());
        return new Broadcast(last, delivered, traffic.meanMessages(1, last), traffic.meanBytes(1, last), stranded, behind);
    }

    private static List<String> state(VirtualNet<AbcInput, AbcMessage, AbcDelivery> net) {
        return net.honest().stream().map(h -> net.node(h) + " delivered " + net.outputs(h).size()).toList();
    }

    private static boolean isPrefix(List<AbcDelivery> a, List<AbcDelivery> b) {
        return a.size() <= b.size() && b.subList(0, a.size()).equals(a);
    }

    private static boolean isFaultyRequest(Bytes request) {
        byte[] b = request.toArray();
        return b.length >= 4 && java.nio.ByteBuffer.wrap(b).getInt() < 0;
    }
}
