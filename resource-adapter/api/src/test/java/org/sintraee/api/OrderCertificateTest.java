package org.sintraee.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Merkle tree and certificate check, with an ordinary JDK RSA key standing in for the
 * threshold key (the combined threshold signature is exactly such a signature): every leaf of
 * every tree size up to 33 verifies, and any change of request, seq, round, path, root or
 * signature does not.
 */
class OrderCertificateTest {
    private static final KeyPair RSA = rsa();

    @TempDir
    Path dir;

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(1024);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] request(int i) {
        return ("request " + i).getBytes(StandardCharsets.UTF_8);
    }

    private static List<OrderCertificate> certify(long round, long firstSeq, int count) throws Exception {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(OrderHashes.leaf(firstSeq + i, round, request(i)));
        }
        byte[] root = OrderHashes.root(leaves);
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(RSA.getPrivate());
        s.update(OrderHashes.statement(round, firstSeq, count, root));
        byte[] sig = s.sign();
        List<OrderCertificate> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new OrderCertificate(firstSeq + i, round, firstSeq, count, OrderHashes.path(leaves, i), root, sig));
        }
        return out;
    }

    @Test
    void everyLeafOfEveryTreeSizeVerifies() throws Exception {
        for (int count = 1; count <= 33; count++) {
            List<OrderCertificate> certs = certify(7, 100, count);
            for (int i = 0; i < count; i++) {
                assertTrue(certs.get(i).verify(RSA.getPublic(), request(i)), count + " leaves, leaf " + i);
                assertFalse(certs.get(i).verify(RSA.getPublic(), request(i + 1)), "another request");
            }
        }
    }

    @Test
    void anyChangeBreaksVerification() throws Exception {
        OrderCertificate c = certify(3, 40, 11).get(6);
        byte[] r = request(6);
        assertTrue(c.verify(RSA.getPublic(), r));
        assertFalse(new OrderCertificate(c.seq() + 1, c.round(), c.firstSeq(), c.leafCount(), c.path(), c.root(),
                c.signature()).verify(RSA.getPublic(), r), "seq");
        assertFalse(new OrderCertificate(c.seq(), c.round() + 1, c.firstSeq(), c.leafCount(), c.path(), c.root(),
                c.signature()).verify(RSA.getPublic(), r), "round");
        assertFalse(new OrderCertificate(c.seq(), c.round(), c.firstSeq(), c.leafCount() + 1, c.path(), c.root(),
                c.signature()).verify(RSA.getPublic(), r), "leaf count");
        byte[][] path = c.path();
        path[1][3] ^= 1;
        assertFalse(new OrderCertificate(c.seq(), c.round(), c.firstSeq(), c.leafCount(), path, c.root(),
                c.signature()).verify(RSA.getPublic(), r), "path");
        byte[] sig = c.signature();
        sig[0] ^= 1;
        assertFalse(new OrderCertificate(c.seq(), c.round(), c.firstSeq(), c.leafCount(), c.path(), c.root(), sig)
                .verify(RSA.getPublic(), r), "signature");
        assertFalse(c.verify(rsa().getPublic(), r), "another key");
        assertNull(OrderHashes.rootFromPath(OrderHashes.leaf(c.seq(), c.round(), r), 6, 11,
                java.util.Arrays.copyOf(c.path(), c.path().length + 1)), "a longer path");
    }

    @Test
    void anInnerNodeIsNoLeafAndOddNodesAreCarriedNotDuplicated() throws Exception {
        byte[] a = OrderHashes.leaf(0, 0, request(0));
        byte[] b = OrderHashes.leaf(1, 0, request(1));
        byte[] c = OrderHashes.leaf(2, 0, request(2));
        assertArrayEquals(OrderHashes.node(OrderHashes.node(a, b), c), OrderHashes.root(List.of(a, b, c)));
        assertNotEquals(java.util.HexFormat.of().formatHex(OrderHashes.root(List.of(a, b, c))),
                java.util.HexFormat.of().formatHex(OrderHashes.root(List.of(a, b, c, c))));
        assertArrayEquals(a, OrderHashes.root(List.of(a)), "one leaf is its own root");
    }

    @Test
    void bytesRoundTripAndValueSemantics() throws Exception {
        OrderCertificate c = certify(9, 0, 5).get(4);
        OrderCertificate back = OrderCertificate.fromBytes(c.toBytes());
        assertEquals(c, back);
        assertEquals(c.hashCode(), back.hashCode());
        assertEquals(c.toString(), back.toString());
        assertFalse(c.toString().contains("[B@"));
        byte[] truncated = java.util.Arrays.copyOf(c.toBytes(), 30);
        assertThrows(IllegalArgumentException.class, () -> OrderCertificate.fromBytes(truncated));
        byte[] junk = c.toBytes();
        junk[0] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> OrderCertificate.fromBytes(junk));
    }

    @Test
    void serviceKeyPemRoundTrips() throws Exception {
        Path file = dir.resolve(ServiceKeys.FILE_NAME);
        Files.writeString(file, ServiceKeys.toPem(RSA.getPublic()));
        assertEquals(RSA.getPublic(), ServiceKeys.readPem(file));
        Files.writeString(file, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServiceKeys.readPem(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        Files.writeString(file, "hello");
        assertThrows(IllegalArgumentException.class, () -> ServiceKeys.readPem(file));
    }
}
