package org.sintraee.protocol.aba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.sim.Adversaries;
import org.sintraee.protocol.sim.Adversary;
import org.sintraee.protocol.sim.Contexts;
import org.sintraee.protocol.sim.Invariants;
import org.sintraee.protocol.sim.Scheduler;
import org.sintraee.protocol.sim.Seeds;
import org.sintraee.protocol.sim.SimulationFailure;
import org.sintraee.protocol.sim.Twins;
import org.sintraee.protocol.sim.VirtualNet;

/**
 * CKS00 binary agreement under asynchronous, adaptive schedules and Byzantine servers, over
 * many seeds. After every run: agreement, validity, termination within a delivery budget and
 * a round bound, integrity, and no honest server blamed. Prints the rounds-to-decide spread.
 */
class AbaSimulationTest {
    static final Tag TAG = Tag.of("sim", "aba");
    static final int SEEDS = 200;
    static final int MAX_DELIVERIES = 400_000;
    /** Every run must decide within this many rounds (expected: about 2). */
    static final int MAX_ROUNDS = 25;
    /** Fault kinds honest servers recorded, summed over runs (tests reset and read it; runs are sequential). */
    static final int[] FAULT_KINDS = new int[FaultKind.values().length];

    enum Sched { RANDOM, DELAYING, PARTITIONED, SPLIT, COIN_AWARE }

    enum Byz { SILENT, EQUIVOCATE, JUNK, WITHHOLD_COIN, TWINS, REPLAY }

    /** Builds and runs one seed; returns the highest round any honest server decided in. */
    static int run(long seed, List<ServerContext> ctxs, Sched sched, Byz byz, IntFunction<Proposal> inputs,
                   boolean biased, Predicate<Decision> allowed) {
        int n = ctxs.size();
        int t = ctxs.get(0).quorums().t();
        Set<Integer> faulty = new TreeSet<>();
        for (int i = 0; i < t; i++) {
            faulty.add(n - i); // the highest ids: both halves of the honest servers exist
        }
        // A tag per seed: the (predictable) mock coin then differs from seed to seed.
        Tag tag = TAG.child(seed);
        IntFunction<BinaryAgreement> make = id -> biased
                ? BinaryAgreement.biased(ctxs.get(id - 1), tag, AbaJustificationTest.VALIDITY)
                : BinaryAgreement.standard(ctxs.get(id - 1), tag);
        VirtualNet<Proposal, AbaMessage, Decision> net = VirtualNet.create(n, faulty, seed, make,
                adversary(ctxs, tag, faulty, byz, make, biased, seed), scheduler(ctxs, tag, sched, faulty, n));
        for (int id : net.honest()) {
            net.input(id, inputs.apply(id));
        }
        boolean done = net.runUntil(v -> v.honest().stream().allMatch(id -> v.node(id).terminated()), MAX_DELIVERIES);
        if (!done) {
            throw new SimulationFailure("no termination within " + MAX_DELIVERIES + " deliveries; rounds "
                    + net.honest().stream().map(id -> ((BinaryAgreement) net.node(id)).round()).toList());
        }
        Invariants.noHonestBlamed(net);
        Invariants.atMostOnce(net);
        Boolean value = null;
        int maxRound = 0;
        for (int id : net.honest()) {
            assertEquals(1, net.outputs(id).size(), "server " + id + " decides once");
            Decision d = net.outputs(id).get(0);
            if (value != null && value != d.value()) {
                throw new SimulationFailure("disagreement: " + net.outputs(id) + " vs " + value);
            }
            value = d.value();
            assertTrue(allowed.test(d), "decision not allowed: " + d);
            maxRound = Math.max(maxRound, d.round());
            String first = biased ? "pre-vote/1" : "pre-process";
            assertTrue(net.durable(id).stream().anyMatch(r -> r.what().equals(first)),
                    "what a server signs at input is a durable record");
        }
        assertTrue(maxRound <= MAX_ROUNDS, "decided only in round " + maxRound);
        net.honest().forEach(id -> net.faults(id).forEach(f -> FAULT_KINDS[f.kind().ordinal()]++));
        return maxRound;
    }

    static Scheduler scheduler(List<ServerContext> ctxs, Tag tag, Sched s, Set<Integer> faulty, int n) {
        return switch (s) {
            case RANDOM -> Scheduler.random();
            case DELAYING -> Scheduler.delaying(Set.of(1));
            case PARTITIONED -> Scheduler.partitioned(Set.of(1, 2), 3 * n * n);
            case SPLIT -> new SplitScheduler(tag, ctxs.get(0), n, false);
            case COIN_AWARE -> new SplitScheduler(tag, ctxs.get(0), n, true);
        };
    }

    static Adversary<AbaMessage> adversary(List<ServerContext> ctxs, Tag tag, Set<Integer> faulty, Byz byz,
                                           IntFunction<BinaryAgreement> make, boolean biased, long seed) {
        int n = ctxs.size();
        Set<Integer> all = new TreeSet<>();
        Set<Integer> low = new TreeSet<>();
        Set<Integer> high = new TreeSet<>();
        for (int i = 1; i <= n; i++) {
            all.add(i);
            (i <= n / 2 || faulty.contains(i) ? low : high).add(i);
        }
        SplittableRandom rnd = new SplittableRandom(seed * 31 + 7);
        Proposal one = biased ? Proposal.one(new byte[] {7, 7, 7}) : Proposal.of(true);
        List<Puppets.Puppet> puppets = new ArrayList<>();
        for (int f : faulty) {
            switch (byz) {
                case SILENT -> { }
                case EQUIVOCATE -> {
                    Set<Integer> lowSelf = new TreeSet<>(low);
                    Set<Integer> highSelf = new TreeSet<>(high);
                    highSelf.add(f);
                    puppets.add(new Puppets.Puppet(f, make.apply(f), Proposal.of(false), lowSelf));
                    puppets.add(new Puppets.Puppet(f, make.apply(f), one, highSelf));
                }
                default -> puppets.add(new Puppets.Puppet(f, make.apply(f), rnd.nextBoolean() ? one : Proposal.of(false), all));
            }
        }
        if (byz == Byz.SILENT) {
            return Adversaries.silent();
        }
        if (byz == Byz.TWINS) {
            // every faulty server is two real instances, input 0 in one world and 1 in the other
            List<Set<Integer>> halves = Twins.halves(n, faulty, rnd);
            List<Twins.Twin<Proposal, AbaMessage>> twins = new ArrayList<>();
            for (int f : faulty) {
                twins.add(new Twins.Twin<>(f, 0, make.apply(f), Proposal.of(false), halves.get(0)));
                twins.add(new Twins.Twin<>(f, 1, make.apply(f), one, halves.get(1)));
            }
            return new Twins<>(twins);
        }
        if (byz == Byz.REPLAY) {
            Tag other = tag.child("other");
            IntFunction<BinaryAgreement> otherMake = id -> biased
                    ? BinaryAgreement.biased(ctxs.get(id - 1), other, AbaJustificationTest.VALIDITY)
                    : BinaryAgreement.standard(ctxs.get(id - 1), other);
            return new Replay(new Puppets(puppets, m -> false, null), n, otherMake,
                    id -> id % 2 == 0 ? one : Proposal.of(false), seed, 30 * n);
        }
        Predicate<AbaMessage> withhold = byz == Byz.WITHHOLD_COIN ? m -> m instanceof AbaMessage.Coin : m -> false;
        return new Puppets(puppets, withhold, byz == Byz.JUNK ? new Junk(ctxs, tag, 40) : null);
    }

    /** Runs {@code SEEDS} seeds of one configuration with random inputs and reports the rounds. */
    private void configuration(String method, int n, Sched sched, Byz byz) {
        List<ServerContext> ctxs = Contexts.mock(n, (n - 1) / 3);
        IntSummaryStatistics rounds = new IntSummaryStatistics();
        Seeds.forEach(AbaSimulationTest.class, method, SEEDS, seed -> {
            SplittableRandom in = new SplittableRandom(seed);
            boolean[] inputs = new boolean[n + 1];
            for (int i = 1; i <= n; i++) {
                inputs[i] = in.nextBoolean();
            }
            boolean unanimous = true;
            for (int i = 2; i <= n - (n - 1) / 3; i++) {
                unanimous &= inputs[i] == inputs[1];
            }
            boolean u = unanimous;
            rounds.accept(run(seed, ctxs, sched, byz, id -> Proposal.of(inputs[id]), false,
                    d -> !u || d.value() == inputs[1]));
        });
        System.out.printf("ABA n=%d %s %s: rounds to decide mean %.2f max %d over %d seeds%n",
                n, sched, byz, rounds.getAverage(), rounds.getMax(), rounds.getCount());
    }

    @Test
    void randomSchedulesSilentFaults() {
        configuration("randomSchedulesSilentFaults", 4, Sched.RANDOM, Byz.SILENT);
        configuration("randomSchedulesSilentFaults", 7, Sched.RANDOM, Byz.SILENT);
        configuration("randomSchedulesSilentFaults", 10, Sched.RANDOM, Byz.SILENT);
    }

    @Test
    void delayingAndPartitionedSchedulesWithEquivocators() {
        configuration("delayingAndPartitionedSchedulesWithEquivocators", 4, Sched.DELAYING, Byz.EQUIVOCATE);
        configuration("delayingAndPartitionedSchedulesWithEquivocators", 7, Sched.PARTITIONED, Byz.EQUIVOCATE);
        configuration("delayingAndPartitionedSchedulesWithEquivocators", 10, Sched.PARTITIONED, Byz.EQUIVOCATE);
    }

    @Test
    void junkSharesAndProofsAreRejected() {
        configuration("junkSharesAndProofsAreRejected", 4, Sched.RANDOM, Byz.JUNK);
        configuration("junkSharesAndProofsAreRejected", 7, Sched.RANDOM, Byz.JUNK);
        configuration("junkSharesAndProofsAreRejected", 10, Sched.RANDOM, Byz.JUNK);
    }

    @Test
    void withheldCoinShares() {
        configuration("withheldCoinShares", 4, Sched.SPLIT, Byz.WITHHOLD_COIN);
        configuration("withheldCoinShares", 7, Sched.RANDOM, Byz.WITHHOLD_COIN);
        configuration("withheldCoinShares", 10, Sched.SPLIT, Byz.WITHHOLD_COIN);
    }

    @Test
    void adaptiveSchedulerSplittingVotes() {
        configuration("adaptiveSchedulerSplittingVotes", 4, Sched.SPLIT, Byz.EQUIVOCATE);
        configuration("adaptiveSchedulerSplittingVotes", 7, Sched.SPLIT, Byz.EQUIVOCATE);
        configuration("adaptiveSchedulerSplittingVotes", 10, Sched.SPLIT, Byz.EQUIVOCATE);
    }

    /** Twins: each faulty server is two real instances with inputs 0 and 1, each heard by a random half. */
    @Test
    void twinsWithDifferentInputs() {
        configuration("twinsWithDifferentInputs", 4, Sched.RANDOM, Byz.TWINS);
        configuration("twinsWithDifferentInputs", 7, Sched.SPLIT, Byz.TWINS);
        configuration("twinsWithDifferentInputs", 10, Sched.PARTITIONED, Byz.TWINS);
    }

    /** Votes and coin shares of round r replayed in round r + 1, votes from another tag, honest votes as one's own. */
    @Test
    void votesReplayedIntoOtherRoundsAndInstances() {
        java.util.Arrays.fill(FAULT_KINDS, 0);
        configuration("votesReplayedIntoOtherRoundsAndInstances", 4, Sched.SPLIT, Byz.REPLAY);
        configuration("votesReplayedIntoOtherRoundsAndInstances", 7, Sched.RANDOM, Byz.REPLAY);
        configuration("votesReplayedIntoOtherRoundsAndInstances", 10, Sched.SPLIT, Byz.REPLAY);
        assertTrue(FAULT_KINDS[FaultKind.INVALID_PROOF.ordinal()] > 0, "replayed signatures and shares are caught: "
                + java.util.Arrays.toString(FAULT_KINDS));
    }

    /** HoneyBadgerBFT issue #59: one Byzantine server plus a coin-aware scheduler; CKS00 still terminates. */
    @Test
    void honeyBadgerIssue59SchedulingAttack() {
        SplitScheduler.learned = 0;
        configuration("honeyBadgerIssue59SchedulingAttack", 4, Sched.COIN_AWARE, Byz.EQUIVOCATE);
        configuration("honeyBadgerIssue59SchedulingAttack", 7, Sched.COIN_AWARE, Byz.EQUIVOCATE);
        configuration("honeyBadgerIssue59SchedulingAttack", 10, Sched.COIN_AWARE, Byz.EQUIVOCATE);
        System.out.println("coins learned by the scheduler before their round ended: " + SplitScheduler.learned);
        assertTrue(SplitScheduler.learned > 0, "the attack must actually see coins");
    }

    @Test
    void unanimousInputsDecideThatValue() {
        List<ServerContext> ctxs = Contexts.mock(7, 2);
        Seeds.forEach(AbaSimulationTest.class, "unanimousInputsDecideThatValue", SEEDS, seed -> {
            boolean b = seed % 2 == 0;
            int r = run(seed, ctxs, Sched.SPLIT, Byz.EQUIVOCATE, id -> Proposal.of(b), false, d -> d.value() == b);
            assertEquals(1, r, "unanimous honest inputs decide in round 1");
        });
    }

    /** Real Ed25519 and CKS00 coin, n = 4 and 7, 10 seeds each; the strategy rotates with the seed. */
    @ParameterizedTest
    @ValueSource(ints = {4, 7})
    void realCryptoRuns(int n) {
        List<ServerContext> ctxs = Contexts.real(n, (n - 1) / 3, 2024 + n);
        Byz[] strategies = {Byz.EQUIVOCATE, Byz.JUNK, Byz.TWINS, Byz.REPLAY, Byz.WITHHOLD_COIN};
        Seeds.forEach(AbaSimulationTest.class, "realCryptoRuns", 10, seed -> run(seed, ctxs,
                seed % 2 == 0 ? Sched.COIN_AWARE : Sched.RANDOM, strategies[(int) (seed % strategies.length)],
                id -> Proposal.of(id % 2 == 0), false, d -> true));
    }

    @Test
    void sameSeedSameTrace() {
        List<ServerContext> ctxs = Contexts.mock(4, 1);
        Seeds.forEach(AbaSimulationTest.class, "sameSeedSameTrace", 5, seed -> {
            List<List<String>> traces = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                Set<Integer> faulty = Set.of(4);
                IntFunction<BinaryAgreement> make = id -> BinaryAgreement.standard(ctxs.get(id - 1), TAG);
                VirtualNet<Proposal, AbaMessage, Decision> net = VirtualNet.create(4, faulty, seed, make,
                        adversary(ctxs, TAG, faulty, seed % 2 == 0 ? Byz.EQUIVOCATE : Byz.REPLAY, make, false, seed),
                        scheduler(ctxs, TAG, Sched.COIN_AWARE, faulty, 4));
                for (int id : net.honest()) {
                    net.input(id, Proposal.of(id == 2));
                }
                net.runUntil(v -> v.honest().stream().allMatch(id -> v.node(id).terminated()), MAX_DELIVERIES);
                traces.add(net.trace());
            }
            assertTrue(traces.get(0).size() > 30, "a real run: " + traces.get(0).size() + " trace lines");
            assertEquals(traces.get(0), traces.get(1));
        });
    }
}
