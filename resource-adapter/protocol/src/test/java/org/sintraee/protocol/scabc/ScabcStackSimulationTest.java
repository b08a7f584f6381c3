package org.sintraee.protocol.scabc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.abc.AbcInput;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.mock.InsecureMockDecryption;
import org.sintraee.protocol.sim.Adversary;
import org.sintraee.protocol.sim.AdversaryContext;
import org.sintraee.protocol.sim.Contexts;
import org.sintraee.protocol.sim.InFlight;
import org.sintraee.protocol.sim.Invariants;
import org.sintraee.protocol.sim.Scheduler;
import org.sintraee.protocol.sim.Seeds;
import org.sintraee.protocol.sim.SimulationFailure;
import org.sintraee.protocol.sim.VirtualNet;

/**
 * The SC-ABC stack (atomic broadcast feeding the decryption layer), mock crypto, t maximal,
 * silent faulty servers, 30 seeds per (n, scheduler). Checks: every honest server delivers
 * the same stream, every client's plaintext exactly once, and input causality: no faulty
 * server receives an honest decryption share for a position before some honest server
 * a-delivered that position.
 */
class ScabcStackSimulationTest {
    static final Tag TAG = Tag.of("svc", "sc");

    /** Fails the run if a faulty server gets an honest share for a position no honest server has fixed. */
    static final class CausalityWatch implements Adversary<ScabcStackMessage> {
        VirtualNet<AbcInput, ScabcStackMessage, ScabcDelivery> net;

        @Override
        public void onMessage(InFlight<ScabcStackMessage> m, AdversaryContext<ScabcStackMessage> ctx) {
            if (m.message() instanceof ScabcStackMessage.Decrypt d && net.honest().contains(m.from())
                    && d.message() instanceof ScabcMessage.DecShare s) {
                long fixed = net.honest().stream()
                        .mapToLong(id -> ((SecureCausalAtomicBroadcast) net.node(id)).ordering().deliveredCount())
                        .max().orElseThrow();
                if (s.seq() >= fixed) {
                    throw new SimulationFailure("seed " + net.seed() + ": faulty " + m.to() + " got a share of seq "
                            + s.seq() + " before any honest server fixed it");
                }
            }
        }
    }

    static void run(long seed, int n, Scheduler sched) {
        int t = (n - 1) / 3;
        List<ServerContext> ctxs = Contexts.mock(n, t);
        InsecureMockDecryption scheme = new InsecureMockDecryption(n, ctxs.get(0).quorums().honestOne());
        Set<Integer> faulty = new TreeSet<>();
        for (int i = 0; i < t; i++) {
            faulty.add(n - i);
        }
        Tag tag = TAG.child(seed);
        CausalityWatch watch = new CausalityWatch();
        VirtualNet<AbcInput, ScabcStackMessage, ScabcDelivery> net = VirtualNet.create(n, faulty, seed,
                id -> new SecureCausalAtomicBroadcast(ctxs.get(id - 1), tag, scheme, scheme.key(id), 3, 4096, 1000, 64),
                watch, sched);
        watch.net = net;
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Integer> honest = new ArrayList<>(net.honest());
        List<byte[]> plain = new ArrayList<>();
        int requests = n <= 4 ? 12 : 6;
        for (int k = 0; k < requests; k++) {
            byte[] m = new byte[rnd.nextInt(1, 100)];
            rnd.nextBytes(m);
            plain.add(m);
            Bytes c = Bytes.of(ScabcClient.encrypt(scheme, SecureCausalAtomicBroadcast.decryptionTag(tag), "client", k, m,
                    new SeededRandom(seed * 1000 + k)).encode());
            int copies = rnd.nextBoolean() ? t + 1 : 1;
            List<Integer> pool = new ArrayList<>(honest);
            for (int j = 0; j < copies; j++) {
                while (rnd.nextInt(4) != 0 && net.crank()) {
                    // deliveries between submissions
                }
                net.input(pool.remove(rnd.nextInt(pool.size())), new AbcInput.Submit(c));
            }
        }
        net.runUntilQuiet(2_000_000);
        Invariants.noHonestBlamed(net);
        List<ScabcDelivery> first = net.outputs(honest.get(0));
        assertEquals(requests, first.size(), "seed " + seed + ": every request delivered once");
        for (int id : honest) {
            assertEquals(first, net.outputs(id), "seed " + seed + ": same stream at server " + id);
        }
        List<byte[]> got = new ArrayList<>();
        for (ScabcDelivery d : first) {
            assertTrue(d instanceof ScabcDelivery.Delivered, "seed " + seed + ": " + d);
            got.add(((ScabcDelivery.Delivered) d).plaintext());
        }
        for (byte[] p : plain) {
            assertTrue(got.stream().anyMatch(g -> java.util.Arrays.equals(g, p)), "seed " + seed + ": plaintext delivered");
        }
    }

    @Test
    void orderedThenDecryptedWithoutEarlyShares() {
        for (int n : new int[] {4, 7}) {
            for (int s = 0; s < 3; s++) {
                int kind = s;
                Seeds.forEach(ScabcStackSimulationTest.class, "orderedThenDecryptedWithoutEarlyShares", 30, seed ->
                        run(seed, n, switch (kind) {
                            case 0 -> Scheduler.random();
                            case 1 -> Scheduler.delaying(Set.of(1));
                            default -> Scheduler.partitioned(Set.of(1, 2), 20 * n * n);
                        }));
            }
        }
    }

    @Test
    void invalidCiphertextRejectedAtInput() {
        List<ServerContext> ctxs = Contexts.mock(4, 1);
        InsecureMockDecryption scheme = new InsecureMockDecryption(4, 2);
        SecureCausalAtomicBroadcast node = new SecureCausalAtomicBroadcast(ctxs.get(0), TAG, scheme, scheme.key(1), 3,
                4096, 100, 4);
        byte[] c = ScabcClient.encrypt(scheme, Tag.of("svc", "other"), "client", 1, new byte[] {1},
                new SeededRandom(1)).encode();
        assertThrows(IllegalArgumentException.class, () -> node.handleInput(new AbcInput.Submit(Bytes.of(c))));
        byte[] ok = ScabcClient.encrypt(scheme, node.decryptionTag(), "client", 1, new byte[] {1},
                new SeededRandom(1)).encode();
        assertTrue(node.handleInput(new AbcInput.Submit(Bytes.of(ok))).messages().size() > 0, "a valid one is batched");
        assertArrayEquals(new byte[0], new byte[0]);
    }
}
