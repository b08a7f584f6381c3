package org.sintraee.protocol.aba;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sintraee.protocol.aba.AbaSimulationTest.Byz;
import org.sintraee.protocol.aba.AbaSimulationTest.Sched;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.sim.Contexts;
import org.sintraee.protocol.sim.Seeds;

/**
 * The biased validated variant ([CKPS01] §3): a decision of 1 always carries a valid π, and
 * if every honest server proposes 1 with π, the decision is 1.
 */
class BiasedAbaSimulationTest {
    private static final byte[] PI = {7, 7, 7};

    private static boolean validOne(Decision d) {
        return !d.value() || (d.proof().isPresent() && Arrays.equals(PI, d.proof().get()));
    }

    private void mixed(String method, int n, Sched sched, Byz byz) {
        List<ServerContext> ctxs = Contexts.mock(n, (n - 1) / 3);
        IntSummaryStatistics rounds = new IntSummaryStatistics();
        Seeds.forEach(BiasedAbaSimulationTest.class, method, AbaSimulationTest.SEEDS, seed -> {
            SplittableRandom in = new SplittableRandom(seed);
            boolean[] one = new boolean[n + 1];
            for (int i = 1; i <= n; i++) {
                one[i] = in.nextBoolean();
            }
            rounds.accept(AbaSimulationTest.run(seed, ctxs, sched, byz,
                    id -> one[id] ? Proposal.one(PI) : Proposal.of(false), true, BiasedAbaSimulationTest::validOne));
        });
        System.out.printf("biased ABA n=%d %s %s: rounds to decide mean %.2f max %d over %d seeds%n",
                n, sched, byz, rounds.getAverage(), rounds.getMax(), rounds.getCount());
    }

    /** Every strategy at n = 4, 7 and 10 (one scheduler per strategy), mixed inputs. */
    @ParameterizedTest
    @EnumSource(Byz.class)
    void mixedInputsDecideOneOnlyWithProof(Byz byz) {
        Sched sched = switch (byz) {
            case SILENT, JUNK -> Sched.RANDOM;
            case EQUIVOCATE, REPLAY -> Sched.SPLIT;
            case WITHHOLD_COIN -> Sched.COIN_AWARE;
            case TWINS -> Sched.PARTITIONED;
        };
        for (int n : new int[] {4, 7, 10}) {
            mixed("mixedInputsDecideOneOnlyWithProof", n, sched, byz);
        }
    }

    /** HoneyBadgerBFT #59 against the biased variant: coin-aware scheduler plus equivocating puppets. */
    @Test
    void honeyBadgerIssue59SchedulingAttack() {
        for (int n : new int[] {4, 7, 10}) {
            mixed("honeyBadgerIssue59SchedulingAttack", n, Sched.COIN_AWARE, Byz.EQUIVOCATE);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 7})
    void realCryptoRuns(int n) {
        List<ServerContext> ctxs = Contexts.real(n, (n - 1) / 3, 77 + n);
        Byz[] strategies = {Byz.EQUIVOCATE, Byz.JUNK, Byz.TWINS, Byz.REPLAY, Byz.WITHHOLD_COIN};
        Seeds.forEach(BiasedAbaSimulationTest.class, "realCryptoRuns", 10, seed -> AbaSimulationTest.run(seed, ctxs,
                seed % 2 == 0 ? Sched.COIN_AWARE : Sched.SPLIT, strategies[(int) (seed % strategies.length)],
                id -> (id + seed) % 2 == 0 ? Proposal.one(PI) : Proposal.of(false), true, BiasedAbaSimulationTest::validOne));
    }

    @Test
    void allHonestWithProofDecideOne() {
        for (int n : new int[] {4, 7}) {
            List<ServerContext> ctxs = Contexts.mock(n, (n - 1) / 3);
            Seeds.forEach(BiasedAbaSimulationTest.class, "allHonestWithProofDecideOne", AbaSimulationTest.SEEDS, seed ->
                    AbaSimulationTest.run(seed, ctxs, seed % 2 == 0 ? Sched.COIN_AWARE : Sched.PARTITIONED,
                            seed % 3 == 0 ? Byz.JUNK : Byz.EQUIVOCATE, id -> Proposal.one(PI), true,
                            d -> d.value() && validOne(d)));
        }
    }

    @Test
    void allHonestZeroDecideZero() {
        List<ServerContext> ctxs = Contexts.mock(4, 1);
        Seeds.forEach(BiasedAbaSimulationTest.class, "allHonestZeroDecideZero", AbaSimulationTest.SEEDS, seed ->
                assertTrue(AbaSimulationTest.run(seed, ctxs, Sched.RANDOM, Byz.SILENT, id -> Proposal.of(false), true,
                        d -> !d.value()) >= 1));
    }
}
