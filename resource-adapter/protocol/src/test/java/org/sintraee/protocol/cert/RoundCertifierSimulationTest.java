package org.sintraee.protocol.cert;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sintraee.protocol.cert.CertAdversaries.Byz;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.shoup.ShoupKeySet;
import org.sintraee.protocol.quorum.Quorums;
import org.sintraee.protocol.sim.Contexts;
import org.sintraee.protocol.sim.Invariants;
import org.sintraee.protocol.sim.Scheduler;
import org.sintraee.protocol.sim.Seeds;
import org.sintraee.protocol.sim.SimulationFailure;
import org.sintraee.protocol.sim.VirtualNet;

/**
 * The certifier on the virtual network, n = 4 and 7 with t maximal, 12 seeds per (strategy, n):
 * every honest server delivers ROUNDS rounds at random points, and for each round ONE random
 * honest server asks for its certificate. After every run: each honest server output each
 * round's certificate exactly once, it is the same at all, the JDK's SHA256withRSA accepts it
 * under the one service key, no honest server is blamed, the faulty strategy's faults were
 * seen, and memory stayed within the window's bounds.
 */
class RoundCertifierSimulationTest {
    static final int SEEDS = 12;
    static final int ROUNDS = 5;
    static final int WINDOW = 16;
    private static final Tag TAG = Tag.of("sim", "cert");

    static List<FaultKind> run(long seed, int n, Byz byz) {
        int t = Quorums.optimal(n).t();
        List<ServerContext> ctxs = Contexts.mock(n, t);
        ShoupKeySet keys = CertKeys.dealt(n, t);
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003 + n);
        Set<Integer> faulty = new TreeSet<>();
        while (faulty.size() < t) {
            faulty.add(rnd.nextInt(1, n + 1));
        }
        Scheduler scheduler = switch ((int) (seed % 3)) {
            case 0 -> Scheduler.random();
            case 1 -> Scheduler.delaying(Set.of(rnd.nextInt(1, n + 1)));
            default -> Scheduler.partitioned(Set.of(1, 2), rnd.nextInt(2 * n * n));
        };
        VirtualNet<CertInput, CertMessage, Certified> net = VirtualNet.create(n, faulty, seed,
                id -> new RoundCertifier(ctxs.get(id - 1), TAG, keys.share(id), WINDOW),
                CertAdversaries.of(byz, keys, TAG, ROUNDS), scheduler);
        List<Integer> honest = new ArrayList<>(net.honest());
        int[] asker = new int[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            asker[r] = honest.get(rnd.nextInt(honest.size()));
        }
        int[] next = new int[n + 1]; // per server, the next round it delivers
        for (int left = honest.size() * ROUNDS; left > 0; left--) {
            int id;
            do {
                id = honest.get(rnd.nextInt(honest.size()));
            } while (next[id] == ROUNDS);
            int r = next[id]++;
            net.input(id, new CertInput.Delivered(r, CertKeys.statement(r)));
            if (asker[r] == id) {
                net.input(id, new CertInput.Sign(r));
            }
            for (int k = rnd.nextInt(3 * n); k > 0; k--) {
                net.crank();
            }
        }
        net.runUntilQuiet(200_000);
        Invariants.noHonestBlamed(net);
        TreeMap<Long, byte[]> agreed = new TreeMap<>();
        for (int id : honest) {
            List<Certified> outs = net.outputs(id);
            if (outs.size() != ROUNDS) {
                throw new SimulationFailure("seed " + seed + ": server " + id + " certified " + outs.size()
                        + " rounds, not " + ROUNDS + ": " + outs);
            }
            for (Certified c : outs) {
                byte[] first = agreed.putIfAbsent(c.round(), c.signature());
                if (first != null && !Arrays.equals(first, c.signature())) {
                    throw new SimulationFailure("seed " + seed + ": two signatures for round " + c.round());
                }
                if (!Arrays.equals(CertKeys.statement(c.round()), c.statement())
                        || !CertKeys.jdkVerifies(keys.publicKey(), c.statement(), c.signature())) {
                    throw new SimulationFailure("seed " + seed + ": server " + id + "'s round " + c.round()
                            + " signature does not verify with the JDK");
                }
            }
            RoundCertifier node = (RoundCertifier) net.node(id);
            if (node.heldRounds() > 2 * WINDOW || node.bufferedShares() > 2 * WINDOW * n) {
                throw new SimulationFailure("seed " + seed + ": server " + id + " holds " + node.heldRounds()
                        + " rounds and " + node.bufferedShares() + " buffered shares");
            }
        }
        if (agreed.size() != ROUNDS) {
            throw new SimulationFailure("seed " + seed + ": rounds certified " + agreed.keySet());
        }
        List<FaultKind> kinds = new ArrayList<>();
        for (int id : honest) {
            net.faults(id).forEach(f -> kinds.add(f.kind()));
        }
        return kinds;
    }

    @ParameterizedTest
    @EnumSource(Byz.class)
    void everyRoundIsCertifiedOnceEverywhereDespite(Byz byz) {
        List<FaultKind> kinds = new ArrayList<>();
        for (int n : new int[] {4, 7}) {
            Seeds.forEach(getClass(), "everyRoundIsCertifiedOnceEverywhereDespite", SEEDS,
                    seed -> kinds.addAll(run(seed, n, byz)));
        }
        switch (byz) {
            case SILENT, WITHHOLD_THEN_SIGN -> assertTrue(kinds.isEmpty(), "no or valid shares: no faults " + kinds);
            case BAD_SHARES -> assertTrue(kinds.contains(FaultKind.INVALID_PROOF)
                    && kinds.contains(FaultKind.EQUIVOCATION), "bad shares and their different repeats: " + kinds);
            case EQUIVOCATE -> assertTrue(kinds.contains(FaultKind.EQUIVOCATION), "second shares: " + kinds);
            case FLOOD -> assertTrue(kinds.contains(FaultKind.MALFORMED), "buffered junk is judged on delivery");
        }
    }
}
