package org.sintraee.runtime.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sintraee.api.OrderCertificate;
import org.sintraee.protocol.cert.CertMessage;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.shoup.ShoupDealer;
import org.sintraee.protocol.crypto.shoup.ShoupKeySet;
import org.sintraee.runtime.wire.WireCodec;

/**
 * Order certificates on four in-memory nodes with an insecure 512-bit service key: a delivered
 * request's certificate verifies with the JDK's SHA256withRSA, tampering breaks it, and a peer
 * sending bad shares neither stops certification nor goes unnoticed.
 */
class NodeCertifyTest {
    private static ShoupKeySet keys;

    @TempDir
    Path dir;

    @BeforeAll
    static void deal() {
        keys = ShoupDealer.dealInsecureForTests(MemoryNetwork.N, MemoryNetwork.T + 1, 512, new SeededRandom(4242));
    }

    private static byte[] request(int k) {
        return ("notarise document " + k).getBytes(StandardCharsets.UTF_8);
    }

    private MemoryNetwork start() throws Exception {
        return MemoryNetwork.certifying(keys, dir, NodeOrderTest.SETTINGS);
    }

    /** Submits {@code count} requests at node 1; returns their seqs. */
    private static List<Long> submit(MemoryNetwork net, int count) throws Exception {
        List<CompletableFuture<Long>> fs = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            fs.add(net.nodes[1].submit(request(k)));
        }
        List<Long> seqs = new ArrayList<>();
        for (CompletableFuture<Long> f : fs) {
            seqs.add(f.get(60, TimeUnit.SECONDS));
        }
        return seqs;
    }

    @Test
    void aRestartedServerSignsNoReplayedRoundAndIsNeverBlamedForOne() throws Exception {
        PublicKey serviceKey = keys.publicKey().toJcaPublicKey();
        try (MemoryNetwork net = start()) {
            net.start();
            List<Long> before = submit(net, 6);
            net.stop(2);
            net.restart(2, dir, NodeOrderTest.SETTINGS);
            long last = before.get(before.size() - 1);
            MemoryNetwork.await("node 2 replaying", () -> net.nodes[2].metrics().delivered() > last);
            // a replayed round cannot be certified at node 2 (its round may be a lower bound) ...
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> net.nodes[2].certify(before.get(0)).get(60, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, e.getCause(), e.toString());
            // ... the others certify it, and a new round is certified at node 2 too
            assertTrue(net.nodes[1].certify(before.get(0)).get(60, TimeUnit.SECONDS).verify(serviceKey, request(0)));
            List<Long> after = new ArrayList<>();
            for (int k = 20; k < 23; k++) {
                after.add(net.nodes[2].submit(request(k)).get(60, TimeUnit.SECONDS));
            }
            OrderCertificate c = net.nodes[2].certify(after.get(2)).get(60, TimeUnit.SECONDS);
            assertTrue(c.verify(serviceKey, request(22)), c.toString());
            for (int i = 1; i <= MemoryNetwork.N; i++) {
                for (int j = 1; j <= MemoryNetwork.N; j++) {
                    if (i != j) {
                        assertEquals(0, net.nodes[i].metrics().peer(j).faults(FaultKind.INVALID_PROOF),
                                "an honest server " + j + " blamed at " + i);
                    }
                }
            }
        }
    }

    @Test
    void certificatesVerifyWithTheJdkAndTamperingFails() throws Exception {
        PublicKey serviceKey = keys.publicKey().toJcaPublicKey();
        try (MemoryNetwork net = start()) {
            net.start();
            List<Long> seqs = submit(net, 12);
            for (int k = 0; k < seqs.size(); k++) {
                OrderCertificate c = net.nodes[1].certify(seqs.get(k)).get(60, TimeUnit.SECONDS);
                assertEquals(seqs.get(k), c.seq());
                assertTrue(c.verify(serviceKey, request(k)), "certificate of seq " + c.seq() + " verifies: " + c);
                assertFalse(c.verify(serviceKey, request(k + 100)), "another request");
                OrderCertificate moved = new OrderCertificate(c.seq() + 1, c.round(), c.firstSeq(), c.leafCount(),
                        c.path(), c.root(), c.signature());
                assertFalse(moved.verify(serviceKey, request(k)), "another seq");
                byte[] sig = c.signature();
                sig[sig.length / 2] ^= 1;
                assertFalse(new OrderCertificate(c.seq(), c.round(), c.firstSeq(), c.leafCount(), c.path(), c.root(),
                        sig).verify(serviceKey, request(k)), "a flipped signature bit");
                if (c.path().length > 0) {
                    byte[][] path = c.path();
                    path[0][0] ^= 1;
                    assertFalse(new OrderCertificate(c.seq(), c.round(), c.firstSeq(), c.leafCount(), path, c.root(),
                            c.signature()).verify(serviceKey, request(k)), "a tampered path");
                }
                assertEquals(c, OrderCertificate.fromBytes(c.toBytes()));
                // another server, asked later, hands out the same round signature (it joined on the shares)
                OrderCertificate at3 = net.nodes[3].certify(c.seq()).get(60, TimeUnit.SECONDS);
                assertArrayEquals(c.signature(), at3.signature());
                assertTrue(at3.verify(serviceKey, request(k)));
            }
            ExecutionException notYet = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> net.nodes[2].certify(1_000_000).get(30, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, notYet.getCause());
            for (int p = 2; p <= MemoryNetwork.N; p++) {
                assertEquals(0, net.nodes[1].metrics().peer(p).faultCount(), "honest peer " + p + " blamed for nothing");
            }
        }
    }

    @Test
    void aPeerWithLyingSharesDoesNotStopCertification() throws Exception {
        PublicKey serviceKey = keys.publicKey().toJcaPublicKey();
        try (MemoryNetwork net = start()) {
            net.transform(4, frame -> {
                var d = WireCodec.decode(frame);
                if (d.ok() && d.get().message() instanceof CertMessage.SignShare s) {
                    byte[] share = s.share();
                    share[share.length - 1] ^= 1; // still well-formed, but the proof fails
                    return WireCodec.encode(d.get().tag(), new CertMessage.SignShare(s.round(), share));
                }
                return frame;
            });
            net.start();
            List<Long> seqs = submit(net, 6);
            // the liar asks first: its bad share reaches the others before any honest share exists
            CompletableFuture<OrderCertificate> asked = net.nodes[4].certify(seqs.get(0));
            MemoryNetwork.await("node 4's bad share judged at node 1",
                    () -> net.nodes[1].metrics().peer(4).faults(FaultKind.INVALID_PROOF) > 0);
            assertFalse(asked.isDone(), "an invalid share makes no honest server sign");
            for (int k = 0; k < seqs.size(); k++) {
                for (int at = 1; at <= 3; at++) {
                    OrderCertificate c = net.nodes[at].certify(seqs.get(k)).get(60, TimeUnit.SECONDS);
                    assertTrue(c.verify(serviceKey, request(k)), "server " + at + " seq " + c.seq());
                }
            }
            assertTrue(asked.get(60, TimeUnit.SECONDS).verify(serviceKey, request(0)),
                    "the liar's own request completes once honest servers signed");
        }
    }
}
