package org.sintraee.protocol.abc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.abc.AbcHarness.Run;
import org.sintraee.protocol.abc.AbcHarness.Sched;
import org.sintraee.protocol.abc.AbcPuppets.Byz;
import org.sintraee.protocol.core.Fault;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.crypto.ec.DhThresholdCoin;
import org.sintraee.protocol.crypto.sig.Ed25519Verifier;
import org.sintraee.protocol.sim.Contexts;
import org.sintraee.protocol.sim.Seeds;

/**
 * Atomic broadcast with REAL cryptography (Ed25519 batch signatures and quorum certificates,
 * the CKS00 threshold coin), keys dealt afresh per seed, t maximal. Seeds 1..12 walk the full
 * grid of scheduler x adversary once (seed s: scheduler (s-1) mod 3, adversary (s-1) div 3),
 * so every combination the mock-crypto tests cover also runs against real signatures and coin
 * shares. Each run uses {@link AbcHarness}'s workload (18 requests at n = 4, 12 at n = 7; each
 * run costs about 0.5-1.3 s here) and checks all its invariants: total order, agreement,
 * validity, integrity, fairness bound, termination, no honest server blamed.
 */
class AbcRealCryptoTest {
    static final int SEEDS = 12;

    static Sched sched(long seed) {
        return Sched.values()[(int) Math.floorMod(seed - 1, 3L)];
    }

    static Byz byz(long seed) {
        return Byz.values()[(int) Math.floorMod(Math.floorDiv(seed - 1, 3L), (long) Byz.values().length)];
    }

    /** Runs the seeds at n (t maximal); asserts the faults each adversary must provoke are caught. */
    static void cells(String method, int n) {
        int t = (n - 1) / 3;
        List<Fault> faults = new ArrayList<>();
        Set<Byz> ran = EnumSet.noneOf(Byz.class);
        LongSummaryStatistics rounds = new LongSummaryStatistics();
        int[] fair = {0};
        Seeds.forEach(AbcRealCryptoTest.class, method, SEEDS, seed -> {
            List<ServerContext> ctxs = Contexts.real(n, t, seed);
            assertInstanceOf(Ed25519Verifier.class, ctxs.get(0).verifier(), "real signatures");
            assertInstanceOf(DhThresholdCoin.class, ctxs.get(0).coin(), "real threshold coin");
            Run r = AbcHarness.run(seed, ctxs, sched(seed), byz(seed));
            ran.add(byz(seed));
            rounds.accept(r.rounds());
            fair[0] += r.fairChecked();
            r.net().honest().forEach(id -> faults.addAll(r.net().faults(id)));
        });
        System.out.printf("ABC real crypto n=%d: %d seeds, rounds mean %.2f max %d, fairness bounds checked %d%n",
                n, rounds.getCount(), rounds.getAverage(), rounds.getMax(), fair[0]);
        if (ran.contains(Byz.EQUIVOCATE)) {
            assertTrue(any(faults, FaultKind.EQUIVOCATION), "a second, validly signed batch for a round is caught");
        }
        if (ran.contains(Byz.BAD_BATCHES)) {
            assertTrue(any(faults, FaultKind.INVALID_PROOF), "bad Ed25519 batch signatures are caught");
            assertTrue(any(faults, FaultKind.MALFORMED), "malformed batches are caught");
            assertTrue(any(faults, FaultKind.FLOODING), "floods of future-round batches are caught");
        }
    }

    static boolean any(List<Fault> faults, FaultKind kind) {
        return faults.stream().anyMatch(f -> f.kind() == kind);
    }

    @Test
    void fourServersOneFaulty() {
        cells("fourServersOneFaulty", 4);
    }

    @Test
    void sevenServersTwoFaulty() {
        cells("sevenServersTwoFaulty", 7);
    }

    @Test
    void sameSeedSameTraceWithRealCrypto() {
        Seeds.forEach(AbcRealCryptoTest.class, "sameSeedSameTraceWithRealCrypto", 1, seed -> {
            List<String> a = AbcHarness.run(seed, Contexts.real(4, 1, seed), Sched.PARTITIONED, Byz.EQUIVOCATE).net().trace();
            List<String> b = AbcHarness.run(seed, Contexts.real(4, 1, seed), Sched.PARTITIONED, Byz.EQUIVOCATE).net().trace();
            assertTrue(a.size() > 100, "a real run");
            assertEquals(a, b, "same seed and keys, same trace (signatures and coin shares are deterministic)");
        });
    }
}
