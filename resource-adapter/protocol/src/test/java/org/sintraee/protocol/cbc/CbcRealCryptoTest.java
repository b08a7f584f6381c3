package org.sintraee.protocol.cbc;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sintraee.protocol.cbc.CbcFixtures.MAX;
import static org.sintraee.protocol.cbc.CbcFixtures.TAG;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.quorum.Quorums;
import org.sintraee.protocol.sim.Adversaries;
import org.sintraee.protocol.sim.Contexts;
import org.sintraee.protocol.sim.Scheduler;
import org.sintraee.protocol.sim.Seeds;
import org.sintraee.protocol.sim.SimulationFailure;
import org.sintraee.protocol.sim.VirtualNet;

/**
 * Runs with real Ed25519 signatures, n = 4 and 7, 10 seeds each: the same properties, and
 * unforgeable certificates (an equivocating or twin sender gets at most one).
 */
class CbcRealCryptoTest {
    private static final int SEEDS = 10;

    private static List<ServerContext> real(int n) {
        return Contexts.real(n, Quorums.optimal(n).t(), 99 + n);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 7})
    void honestSenderDeliversWithRealSignatures(int n) {
        List<ServerContext> ctxs = real(n);
        Seeds.forEach(getClass(), "honestSenderDeliversWithRealSignatures", SEEDS, seed -> {
            CbcSimulationTest.Setup s = CbcSimulationTest.Setup.draw(n, seed, ctxs, false);
            byte[] m = s.payload("m");
            VirtualNet<CbcInput, CbcMessage, Delivered> net = s.net(seed, seed % 2 == 0 ? Adversaries.silent()
                    : new CbcAdversaries.Garbage(ctxs, TAG, MAX));
            net.input(s.sender(), new CbcInput.Broadcast(m));
            net.runUntilQuiet(100_000);
            CbcInvariants.check(net, ctxs.get(n - 1), TAG, m, List.of(m));
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 7})
    void anEquivocatingSenderWithRealSignatures(int n) {
        List<ServerContext> ctxs = real(n);
        Quorums q = ctxs.get(0).quorums();
        int[] certified = {0};
        Seeds.forEach(getClass(), "anEquivocatingSenderWithRealSignatures", SEEDS, seed -> {
            byte[] a = {1, 2, 3};
            byte[] b = {4, 5, 6, (byte) seed};
            Set<Integer> faulty = new TreeSet<>();
            List<Integer> honest = new ArrayList<>();
            for (int id = 1; id <= n; id++) {
                (id <= q.t() ? faulty : new TreeSet<Integer>()).add(id);
                if (id > q.t()) {
                    honest.add(id);
                }
            }
            // just enough honest servers on a's side for a's certificate (with the faulty signers)
            SplittableRandom rnd = new SplittableRandom(seed);
            Set<Integer> halfA = new TreeSet<>();
            while (halfA.size() < q.echoQuorum() - q.t()) {
                halfA.add(honest.get(rnd.nextInt(honest.size())));
            }
            var adversary = new CbcAdversaries.EquivocatingSender(ctxs, TAG, 1, a, b, halfA, true, seed % 2 == 0);
            VirtualNet<CbcInput, CbcMessage, Delivered> net = VirtualNet.create(n, faulty, seed,
                    id -> new ConsistentBroadcast(ctxs.get(id - 1), TAG, 1, MAX), adversary, Scheduler.random());
            net.runUntilQuiet(100_000);
            if (adversary.certificates() > 1) {
                throw new SimulationFailure("seed " + seed + ": " + adversary.certificates() + " certificates");
            }
            CbcInvariants.check(net, ctxs.get(n - 1), TAG, null, List.of(a, b));
            if (adversary.certificates() == 1) {
                CbcInvariants.allDelivered(net);
                certified[0]++;
            }
        });
        assertTrue(certified[0] > 0, "some runs certify (a's side is an echo quorum with the faulty signers)");
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 7})
    void twinSendersWithRealSignatures(int n) {
        List<ServerContext> ctxs = real(n);
        Seeds.forEach(getClass(), "twinSendersWithRealSignatures", SEEDS, seed -> {
            CbcSimulationTest.Setup s = CbcSimulationTest.Setup.draw(n, seed, ctxs, true);
            byte[] a = s.payload("a");
            byte[] b = s.payload("b");
            VirtualNet<CbcInput, CbcMessage, Delivered> net = s.net(seed, CbcSimulationTest.twins(s, ctxs, a, b));
            net.runUntilQuiet(100_000);
            CbcInvariants.check(net, ctxs.get(n - 1), TAG, null, List.of(a, b));
        });
    }
}
