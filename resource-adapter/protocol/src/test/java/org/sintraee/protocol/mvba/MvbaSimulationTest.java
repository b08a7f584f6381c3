package org.sintraee.protocol.mvba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sintraee.protocol.core.Fault;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.mvba.MvbaAdversaries.Byz;
import org.sintraee.protocol.sim.Contexts;
import org.sintraee.protocol.sim.Invariants;
import org.sintraee.protocol.sim.Scheduler;
import org.sintraee.protocol.sim.Seeds;
import org.sintraee.protocol.sim.SimulationFailure;
import org.sintraee.protocol.sim.VirtualNet;

/**
 * Validated agreement under asynchronous schedules and Byzantine servers (t maximal), over
 * many seeds per cell. After every run: agreement, external validity, the decision is a
 * proposed value (an honest candidate's own proposal), termination within a delivery bound,
 * integrity, and no honest server blamed. Prints the candidate iterations per configuration.
 */
class MvbaSimulationTest {
    static final Tag TAG = Tag.of("sim", "mvba");
    static final int SEEDS = 30;
    /** Termination bound per run: 200 n^2 deliveries (the largest run so far needs under 2,000 at n = 10). */
    static int maxDeliveries(int n) {
        return 200 * n * n;
    }

    enum Sched { RANDOM, DELAYING, PARTITIONED }

    /** One run's outcome. */
    record Run(VirtualNet<MvbaInput, MvbaMessage, MvbaDecision> net, int iteration) {
    }

    static Scheduler scheduler(Sched s, int n) {
        return switch (s) {
            case RANDOM -> Scheduler.random();
            case DELAYING -> Scheduler.delaying(Set.of(1));
            case PARTITIONED -> Scheduler.partitioned(Set.of(1, 2), 20 * n * n);
        };
    }

    static byte[] honestValue(int id, long seed) {
        return MvbaAdversaries.bytes("ok:" + id + ":" + seed);
    }

    /** Runs one seed and checks every invariant; returns the net and the deciding iteration. */
    static Run run(long seed, List<ServerContext> ctxs, Sched sched, Byz byz) {
        int n = ctxs.size();
        int t = ctxs.get(0).quorums().t();
        Set<Integer> faulty = new TreeSet<>();
        for (int i = 0; i < t; i++) {
            faulty.add(n - i);
        }
        Tag tag = TAG.child(seed); // per seed, so the (predictable) mock coin gives different permutations
        VirtualNet<MvbaInput, MvbaMessage, MvbaDecision> net = VirtualNet.create(n, faulty, seed,
                id -> new ValidatedAgreement(ctxs.get(id - 1), tag, MvbaAdversaries.MAX, MvbaAdversaries.Q),
                MvbaAdversaries.of(byz, ctxs, tag, faulty, seed), scheduler(sched, n));
        // What each server may have c-broadcast: the decision must be one of its candidate's.
        Map<Integer, List<byte[]>> proposed = new TreeMap<>();
        for (int id = 1; id <= n; id++) {
            if (faulty.contains(id)) {
                proposed.put(id, byz == Byz.SILENT ? List.of()
                        : List.of(MvbaAdversaries.faultyValue(byz, id, seed), MvbaAdversaries.altValue(id, seed)));
            } else {
                proposed.put(id, List.of(honestValue(id, seed)));
                net.input(id, new MvbaInput.Propose(honestValue(id, seed)));
            }
        }
        boolean done = net.runUntil(v -> v.honest().stream().allMatch(id -> v.node(id).terminated()), maxDeliveries(n));
        if (!done) {
            throw new SimulationFailure("seed " + seed + ": no decision within " + maxDeliveries(n) + " deliveries");
        }
        Invariants.noHonestBlamed(net);
        Invariants.atMostOnce(net);
        Invariants.consistent(net);
        MvbaDecision first = null;
        for (int id : net.honest()) {
            assertEquals(1, net.outputs(id).size(), "server " + id + " decides once");
            MvbaDecision d = net.outputs(id).get(0);
            first = first == null ? d : first;
            assertEquals(first, d, "agreement");
            assertTrue(MvbaAdversaries.Q.check(d.value()).isValid(), "external validity: " + d);
            assertTrue(proposed.get(d.candidate()).stream().anyMatch(p -> Arrays.equals(p, d.value())),
                    "decided a value candidate " + d.candidate() + " proposed: " + d);
            assertTrue(d.iteration() >= 1 && d.iteration() <= n, "iteration " + d.iteration());
            assertTrue(net.durable(id).stream().anyMatch(r -> r.what().equals("v-vote/1")), "v-votes are durable");
            assertTrue(net.durable(id).stream().anyMatch(r -> r.what().equals("c-echo")), "children's records lifted");
        }
        return new Run(net, first.iteration());
    }

    /** SEEDS seeds of one cell; prints the iterations' spread and returns the faults honest servers recorded. */
    private static List<Fault> cell(String method, int n, Sched sched, Byz byz) {
        List<ServerContext> ctxs = Contexts.mock(n, (n - 1) / 3);
        IntSummaryStatistics iterations = new IntSummaryStatistics();
        IntSummaryStatistics deliveries = new IntSummaryStatistics();
        List<Fault> faults = new ArrayList<>();
        Seeds.forEach(MvbaSimulationTest.class, method, SEEDS, seed -> {
            Run r = run(seed, ctxs, sched, byz);
            iterations.accept(r.iteration());
            deliveries.accept(r.net().deliveries());
            r.net().honest().forEach(id -> faults.addAll(r.net().faults(id)));
        });
        System.out.printf("MVBA n=%d %s %s: iterations mean %.2f max %d; deliveries mean %.0f max %d; over %d seeds%n",
                n, sched, byz, iterations.getAverage(), iterations.getMax(), deliveries.getAverage(),
                deliveries.getMax(), iterations.getCount());
        return faults;
    }

    private static void allCells(String method, Byz byz) {
        for (int n : new int[] {4, 7, 10}) {
            for (Sched s : Sched.values()) {
                cell(method, n, s, byz);
            }
        }
    }

    private static boolean any(List<Fault> faults, FaultKind kind) {
        return faults.stream().anyMatch(f -> f.kind() == kind);
    }

    @Test
    void crashedServers() {
        allCells("crashedServers", Byz.SILENT);
    }

    @Test
    void badProposalsAreNeverDecided() {
        for (int n : new int[] {4, 7, 10}) {
            for (Sched s : Sched.values()) {
                assertTrue(any(cell("badProposalsAreNeverDecided", n, s, Byz.BAD_PROPOSAL), FaultKind.UNJUSTIFIED),
                        "honest servers refuse to echo a proposal failing Q");
            }
        }
    }

    @Test
    void equivocatingProposers() {
        allCells("equivocatingProposers", Byz.EQUIVOCATE_CBC);
    }

    @Test
    void forgedAndMismatchedVoteProofs() {
        for (int n : new int[] {4, 7, 10}) {
            for (Sched s : Sched.values()) {
                List<Fault> faults = cell("forgedAndMismatchedVoteProofs", n, s, Byz.FORGED_VOTES);
                assertTrue(any(faults, FaultKind.INVALID_PROOF), "forged v-vote proofs are caught");
                assertTrue(any(faults, FaultKind.MALFORMED), "v-votes for the wrong candidate are caught");
            }
        }
    }

    @Test
    void withheldCoinShares() {
        allCells("withheldCoinShares", Byz.WITHHOLD_COIN);
    }

    /** Twins: every faulty server is two real instances proposing different valid values to two halves. */
    @Test
    void twinProposers() {
        allCells("twinProposers", Byz.TWINS);
    }

    @Test
    void sameSeedSameTrace() {
        List<ServerContext> ctxs = Contexts.mock(7, 2);
        Seeds.forEach(MvbaSimulationTest.class, "sameSeedSameTrace", 3, seed -> {
            List<String> a = run(seed, ctxs, Sched.PARTITIONED, Byz.FORGED_VOTES).net().trace();
            List<String> b = run(seed, ctxs, Sched.PARTITIONED, Byz.FORGED_VOTES).net().trace();
            assertTrue(a.size() > 100, "a real run");
            assertEquals(a, b, "same seed, same trace");
            assertTrue(a.stream().noneMatch(l -> l.contains("[B@")), "no identity strings in traces");
        });
    }

    /** Real Ed25519 and CKS00 coin, n = 4 and 7, 10 seeds each; scheduler and strategy rotate with the seed. */
    @ParameterizedTest
    @ValueSource(ints = {4, 7})
    void realCryptography(int n) {
        List<ServerContext> ctxs = Contexts.real(n, (n - 1) / 3, 42 + n);
        IntSummaryStatistics iterations = new IntSummaryStatistics();
        Byz[] strategies = {Byz.FORGED_VOTES, Byz.EQUIVOCATE_CBC, Byz.TWINS, Byz.WITHHOLD_COIN, Byz.BAD_PROPOSAL};
        Seeds.forEach(MvbaSimulationTest.class, "realCryptography", 10, seed ->
                iterations.accept(run(seed, ctxs, Sched.values()[(int) (seed % Sched.values().length)],
                        strategies[(int) (seed % strategies.length)]).iteration()));
        System.out.printf("MVBA n=%d real crypto: iterations mean %.2f max %d%n", n, iterations.getAverage(),
                iterations.getMax());
    }
}
