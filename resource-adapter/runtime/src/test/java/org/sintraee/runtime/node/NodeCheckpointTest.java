package org.sintraee.runtime.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sintraee.api.CheckpointCertificate;
import org.sintraee.api.OrderHashes;
import org.sintraee.protocol.cert.CertMessage;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.shoup.ShoupDealer;
import org.sintraee.protocol.crypto.shoup.ShoupKeySet;
import org.sintraee.runtime.wire.WireCodec;

/**
 * Certified checkpoints on four in-memory nodes (insecure 512-bit service key), every second
 * round: every server certifies the same ones, they verify with the JDK and cover the chain of
 * the sequence its listener saw; a restarted server keeps its last one and goes on from the
 * chain it recovered; a peer with lying shares stops nothing and is blamed.
 */
class NodeCheckpointTest {
    private static final NodeSettings SETTINGS = NodeOrderTest.SETTINGS.withCheckpointInterval(2);
    private static ShoupKeySet keys;

    @TempDir
    Path dir;

    @BeforeAll
    static void deal() {
        keys = ShoupDealer.dealInsecureForTests(MemoryNetwork.N, MemoryNetwork.T + 1, 512, new SeededRandom(77));
    }

    private MemoryNetwork start() throws Exception {
        return MemoryNetwork.certifying(keys, dir, SETTINGS);
    }

    private static CheckpointCertificate latest(MemoryNetwork net, int i) {
        return net.nodes[i].metrics().checkpoint().orElse(null);
    }

    /** Waits until servers 'at' hold checkpoints of at least round 'round'; returns server at[0]'s. */
    private static CheckpointCertificate awaitCheckpoint(MemoryNetwork net, long round, int... at)
            throws InterruptedException {
        for (int i : at) {
            MemoryNetwork.await("a checkpoint of round >= " + round + " at server " + i, () -> {
                CheckpointCertificate c = latest(net, i);
                return c != null && c.round() >= round;
            });
        }
        return latest(net, at[0]);
    }

    /** The chain over the first count requests server i's listener saw. */
    private static byte[] chainOf(MemoryNetwork net, int i, long count) {
        List<byte[]> seen = new ArrayList<>(net.deliveries.get(i));
        byte[] c = OrderHashes.chainStart();
        for (int s = 0; s < count; s++) {
            c = OrderHashes.chain(c, s, seen.get(s));
        }
        return c;
    }

    private static void assertNoHonestServerBlamed(MemoryNetwork net, int... honest) {
        for (int i : honest) {
            for (int j : honest) {
                if (i != j) {
                    assertEquals(0, net.nodes[i].metrics().peer(j).faultCount(), "honest " + j + " blamed at " + i);
                }
            }
        }
    }

    @Test
    void everyServerCertifiesTheSameCheckpointsOverTheSequenceItDelivered() throws Exception {
        PublicKey serviceKey = keys.publicKey().toJcaPublicKey();
        try (MemoryNetwork net = start()) {
            net.start();
            net.submitInTurn("ledger entry", 0, 12, 1, 2, 3);
            awaitCheckpoint(net, 3, 1, 2, 3, 4);
            MemoryNetwork.await("the same newest checkpoint everywhere", () -> {
                CheckpointCertificate c = latest(net, 1);
                for (int i = 2; i <= MemoryNetwork.N; i++) {
                    if (!c.equals(latest(net, i))) {
                        return false;
                    }
                }
                return true;
            });
            for (int i = 1; i <= MemoryNetwork.N; i++) {
                CheckpointCertificate c = latest(net, i);
                assertTrue(c.verify(serviceKey), "server " + i + ": " + c);
                assertEquals(0, (c.round() + 1) % 2, "checkpoints end every second round: " + c);
                assertTrue(c.nextSeq() > 0 && c.nextSeq() <= net.deliveries.get(i).size(), c.toString());
                assertTrue(c.covers(chainOf(net, i, c.nextSeq())), "server " + i + "'s sequence is what was signed");
            }
            assertNoHonestServerBlamed(net, 1, 2, 3, 4);
        }
    }

    @Test
    void aRestartedServerKeepsItsCheckpointAndCertifiesOnFromTheRecoveredChain() throws Exception {
        PublicKey serviceKey = keys.publicKey().toJcaPublicKey();
        try (MemoryNetwork net = start()) {
            net.start();
            net.submitInTurn("ledger entry", 0, 8, 1, 2);
            CheckpointCertificate before = awaitCheckpoint(net, 1, 2);
            net.stop(2);
            net.restart(2, dir, SETTINGS);
            CheckpointCertificate kept = latest(net, 2);
            assertTrue(kept != null && kept.round() >= before.round(), "the journal's checkpoint is kept: " + kept);
            net.submitInTurn("ledger entry", 100, 8, 2, 3);
            CheckpointCertificate after = awaitCheckpoint(net, kept.round() + 2, 2);
            assertTrue(after.verify(serviceKey), after.toString());
            MemoryNetwork.await("server 2's listener caught up", () -> net.deliveries.get(2).size() >= after.nextSeq());
            assertTrue(after.covers(chainOf(net, 2, after.nextSeq())));
            assertNoHonestServerBlamed(net, 1, 2, 3, 4);
        }
    }

    @Test
    void aPeerWithLyingCheckpointSharesStopsNothingAndIsBlamed() throws Exception {
        PublicKey serviceKey = keys.publicKey().toJcaPublicKey();
        Tag checkpoints = Checkpoints.tagOf(SETTINGS.tag());
        try (MemoryNetwork net = start()) {
            net.transform(4, frame -> {
                var d = WireCodec.decode(frame);
                if (d.ok() && d.get().tag().equals(checkpoints) && d.get().message() instanceof CertMessage.SignShare s) {
                    byte[] share = s.share();
                    share[share.length - 1] ^= 1; // still well-formed, but the proof fails
                    return WireCodec.encode(checkpoints, new CertMessage.SignShare(s.round(), share));
                }
                return frame;
            });
            net.start();
            net.submitInTurn("ledger entry", 0, 16, 1, 2, 3);
            CheckpointCertificate c = awaitCheckpoint(net, 5, 1, 2, 3);
            assertTrue(c.verify(serviceKey), c.toString());
            // A server verifies shares only until it holds t + 1 valid ones, so a late lie goes unchecked;
            // over a few checkpoints at three servers, some lie arrives in time (each time about one in three).
            MemoryNetwork.await("server 4 blamed", () -> {
                long blamed = 0;
                for (int i = 1; i <= 3; i++) {
                    blamed += net.nodes[i].metrics().peer(4).faults(FaultKind.INVALID_PROOF);
                }
                return blamed > 0;
            });
            assertNoHonestServerBlamed(net, 1, 2, 3);
        }
    }
}
