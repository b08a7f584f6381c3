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
import org.junit.jupiter.api.Test;

/**
 * Checkpoint certificates with an ordinary JDK RSA key standing in for the threshold key: the
 * chain is the documented hash, a signed statement verifies, and a change of round, count,
 * chain or signature does not.
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

    private static CheckpointCertificate signed(long round, long nextSeq, byte[] chain) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(RSA.getPrivate());
        s.update(OrderHashes.checkpointStatement(round, nextSeq, chain));
        return new CheckpointCertificate(round, nextSeq, chain, s.sign());
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
        CheckpointCertificate c = signed(63, 7, chainOf(7));
        assertTrue(c.verify(RSA.getPublic()));
        assertTrue(c.covers(chainOf(7)));
        assertFalse(c.covers(chainOf(6)));
        assertFalse(c.covers(null));
        assertEquals(c, new CheckpointCertificate(63, 7, chainOf(7), c.signature()));
    }

    @Test
    void anyChangeBreaksIt() throws Exception {
        CheckpointCertificate c = signed(63, 7, chainOf(7));
        assertFalse(new CheckpointCertificate(62, 7, c.chain(), c.signature()).verify(RSA.getPublic()));
        assertFalse(new CheckpointCertificate(63, 8, c.chain(), c.signature()).verify(RSA.getPublic()));
        assertFalse(new CheckpointCertificate(63, 7, chainOf(6), c.signature()).verify(RSA.getPublic()));
        byte[] sig = c.signature();
        sig[sig.length / 2] ^= 1;
        assertFalse(new CheckpointCertificate(63, 7, c.chain(), sig).verify(RSA.getPublic()));
        assertFalse(new CheckpointCertificate(63, 7, c.chain(), new byte[0]).verify(RSA.getPublic()));
        assertFalse(c.verify(rsa().getPublic()));
    }

    @Test
    void malformedFieldsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CheckpointCertificate(-1, 0, new byte[32], new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> new CheckpointCertificate(0, -1, new byte[32], new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> new CheckpointCertificate(0, 0, new byte[31], new byte[1]));
        assertThrows(IllegalArgumentException.class,
                () -> new CheckpointCertificate(0, 0, new byte[32], new byte[OrderCertificate.MAX_SIGNATURE_BYTES + 1]));
        assertThrows(IllegalArgumentException.class, () -> OrderHashes.chain(new byte[3], 0, new byte[0]));
    }
}
