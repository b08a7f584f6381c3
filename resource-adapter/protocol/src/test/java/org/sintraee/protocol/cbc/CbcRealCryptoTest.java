package org.sintraee.protocol.cbc;

import static org.sintraee.protocol.cbc.CbcFixtures.MAX;
import static org.sintraee.protocol.cbc.CbcFixtures.TAG;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.sim.Adversaries;
import org.sintraee.protocol.sim.Contexts;
import org.sintraee.protocol.sim.Scheduler;
import org.sintraee.protocol.sim.Seeds;
import org.sintraee.protocol.sim.SimulationFailure;
import org.sintraee.protocol.sim.VirtualNet;

/** A few runs with real Ed25519 signatures: the same properties, and unforgeable certificates. */
class CbcRealCryptoTest {

    @Test
    void honestSenderDeliversWithRealSignatures() {
        List<ServerContext> ctxs = Contexts.real(4, 1, 99);
        Seeds.forEach(getClass(), "honestSenderDeliversWithRealSignatures", 5, seed -> {
            byte[] m = ("payload " + seed).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            VirtualNet<CbcInput, CbcMessage, Delivered> net = VirtualNet.create(4, Set.of(4), seed,
                    id -> new ConsistentBroadcast(ctxs.get(id - 1), TAG, 2, MAX), Adversaries.silent(), Scheduler.random());
            net.input(2, new CbcInput.Broadcast(m));
            net.runUntilQuiet(10_000);
            CbcInvariants.check(net, ctxs.get(3), TAG, m, List.of(m));
        });
    }

    @Test
    void anEquivocatingSenderWithRealSignatures() {
        List<ServerContext> ctxs = Contexts.real(7, 2, 7);
        Seeds.forEach(getClass(), "anEquivocatingSenderWithRealSignatures", 5, seed -> {
            byte[] a = {1, 2, 3};
            byte[] b = {4, 5, 6, (byte) seed};
            var adversary = new CbcAdversaries.EquivocatingSender(ctxs, TAG, 1, a, b, Set.of(3, 4, 5 + (int) (seed % 3)),
                    true, seed % 2 == 0);
            VirtualNet<CbcInput, CbcMessage, Delivered> net = VirtualNet.create(7, Set.of(1, 2), seed,
                    id -> new ConsistentBroadcast(ctxs.get(id - 1), TAG, 1, MAX), adversary, Scheduler.random());
            net.runUntilQuiet(10_000);
            if (adversary.certificates() != 1) {
                throw new SimulationFailure("seed " + seed + ": " + adversary.certificates() + " certificates");
            }
            CbcInvariants.check(net, ctxs.get(6), TAG, null, List.of(a, b));
            CbcInvariants.allDelivered(net);
        });
    }
}
