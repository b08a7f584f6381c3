package org.sintraee.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checkpoint certificates with an ordinary JDK RSA key standing in for the threshold key: the
 * chain is the documented hash, a signed statement verifies, and a change of any field does
 * not; each round of the interval is proved by its Merkle path; the encoding round-trips and
 * refuses anything else.
 */
class CheckpointCertificateTest {
    private static final KeyPair RSA = rsa();

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(1024);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] chainOf(int count) {
        byte[] c = OrderHashes.chainStart();
        for (int k = 0; k < count; k++) {
            c = OrderHashes.chain(c, k, ("request " + k).getBytes(StandardCharsets.UTF_8));
        }
        return c;
    }

    /** Rounds 60..63, round 60 + i ending after request 2i + 1: leaf i. */
    private static List<byte[]> leaves() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            leaves.add(OrderHashes.roundLeaf(60 + i, 2 * i + 2, chainOf(2 * i + 2)));
        }
        return leaves;
    }

    private static CheckpointCertificate signed(long round, long nextSeq, byte[] chain) throws Exception {
        byte[] root = OrderHashes.root(leaves());
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(RSA.getPrivate());
        s.update(OrderHashes.checkpointStatement(round, nextSeq, chain, 60, root));
        return new CheckpointCertificate(round, nextSeq, chain, 60, root, s.sign());
    }

    @Test
    void theChainIsTheDocumentedHash() throws Exception {
        byte[] request = "request 0".getBytes(StandardCharsets.UTF_8);
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        d.update(new byte[32]);
        d.update(new byte[8]); // seq 0
        assertArrayEquals(d.digest(request), chainOf(1));
        assertNotEquals(new String(chainOf(2)), new String(chainOf(3)));
    }

    @Test
    void aSignedCheckpointVerifiesAndCoversItsChain() throws Exception {
        CheckpointCertificate c = signed(63, 8, chainOf(8));
        assertTrue(c.verify(RSA.getPublic()));
        assertTrue(c.covers(chainOf(8)));
        assertFalse(c.covers(chainOf(7)));
        assertFalse(c.covers(null));
        assertEquals(4, c.rounds());
        assertEquals(c, CheckpointCertificate.fromBytes(c.toBytes()));
    }

    @Test
    void eachRoundOfTheIntervalIsProvedByItsPathAndNothingElseIs() throws Exception {
        CheckpointCertificate c = signed(63, 8, chainOf(8));
        List<byte[]> leaves = leaves();
        for (int i = 0; i < 4; i++) {
            byte[][] path = OrderHashes.path(leaves, i);
            assertTrue(c.coversRound(60 + i, 2 * i + 2, chainOf(2 * i + 2), path), "round " + (60 + i));
            assertFalse(c.coversRound(60 + i, 2 * i + 3, chainOf(2 * i + 2), path), "another next seq");
            assertFalse(c.coversRound(60 + i, 2 * i + 2, chainOf(2 * i + 1), path), "another chain");
            assertFalse(c.coversRound(60 + (i + 1) % 4, 2 * i + 2, chainOf(2 * i + 2), path), "another round");
        }
        assertFalse(c.coversRound(59, 0, chainOf(0), OrderHashes.path(leaves, 0)), "before the interval");
        assertFalse(c.coversRound(64, 8, chainOf(8), OrderHashes.path(leaves, 3)), "after it");
        assertFalse(c.coversRound(60, 2, chainOf(2), new byte[][] {new byte[5]}), "a malformed path");
        assertFalse(c.coversRound(60, 2, chainOf(2), null));
    }

    @Test
    void anyChangeBreaksIt() throws Exception {
        CheckpointCertificate c = signed(63, 8, chainOf(8));
        byte[] root = c.roundsRoot();
        assertFalse(new CheckpointCertificate(62, 8, c.chain(), 60, root, c.signature()).verify(RSA.getPublic()));
        assertFalse(new CheckpointCertificate(63, 9, c.chain(), 60, root, c.signature()).verify(RSA.getPublic()));
        assertFalse(new CheckpointCertificate(63, 8, chainOf(6), 60, root, c.signature()).verify(RSA.getPublic()));
        assertFalse(new CheckpointCertificate(63, 8, c.chain(), 61, root, c.signature()).verify(RSA.getPublic()));
        assertFalse(new CheckpointCertificate(63, 8, c.chain(), 60, chainOf(1), c.signature()).verify(RSA.getPublic()));
        byte[] sig = c.signature();
        sig[sig.length / 2] ^= 1;
        assertFalse(new CheckpointCertificate(63, 8, c.chain(), 60, root, sig).verify(RSA.getPublic()));
        assertFalse(new CheckpointCertificate(63, 8, c.chain(), 60, root, new byte[0]).verify(RSA.getPublic()));
        assertFalse(c.verify(rsa().getPublic()));
    }

    @Test
    void malformedFieldsAreRefused() throws Exception {
        byte[] h = new byte[32];
        assertThrows(IllegalArgumentException.class, () -> new CheckpointCertificate(-1, 0, h, 0, h, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> new CheckpointCertificate(0, -1, h, 0, h, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> new CheckpointCertificate(5, 0, h, 6, h, new byte[1]));
        assertThrows(IllegalArgumentException.class,
                () -> new CheckpointCertificate(CheckpointCertificate.MAX_INTERVAL, 0, h, 0, h, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> new CheckpointCertificate(0, 0, new byte[31], 0, h, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> new CheckpointCertificate(0, 0, h, 0, new byte[33], new byte[1]));
        assertThrows(IllegalArgumentException.class,
                () -> new CheckpointCertificate(0, 0, h, 0, h, new byte[OrderCertificate.MAX_SIGNATURE_BYTES + 1]));
        assertThrows(IllegalArgumentException.class, () -> OrderHashes.chain(new byte[3], 0, new byte[0]));
        byte[] good = signed(63, 8, chainOf(8)).toBytes();
        for (int cut = 0; cut < good.length; cut += 7) {
            byte[] shorter = java.util.Arrays.copyOf(good, cut);
            assertThrows(IllegalArgumentException.class, () -> CheckpointCertificate.fromBytes(shorter), "cut at " + cut);
        }
        byte[] longer = java.util.Arrays.copyOf(good, good.length + 1);
        assertThrows(IllegalArgumentException.class, () -> CheckpointCertificate.fromBytes(longer));
        byte[] magic = good.clone();
        magic[0] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> CheckpointCertificate.fromBytes(magic));
    }
}
