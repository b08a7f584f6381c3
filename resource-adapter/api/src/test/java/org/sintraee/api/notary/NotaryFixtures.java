package org.sintraee.api.notary;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import org.sintraee.api.OrderCertificate;
import org.sintraee.api.OrderHashes;

/**
 * TEST FIXTURE: an ordinary RSA key standing in for the service's threshold key (the
 * combined threshold signature is an ordinary SHA256withRSA signature), and receipts
 * signed with it.
 */
final class NotaryFixtures {
    static final KeyPair SERVICE = generate();

    private NotaryFixtures() {
    }

    static byte[] digest(int fill) {
        byte[] d = new byte[NotaryRequest.DIGEST_BYTES];
        java.util.Arrays.fill(d, (byte) fill);
        return d;
    }

    /** A receipt for {@code digest} as the k-th of {@code count} requests of round 7 starting at seq 40. */
    static NotaryReceipt receipt(byte[] digest, int k, int count, KeyPair signer) {
        long firstSeq = 40;
        long round = 7;
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] request = i == k ? NotaryRequest.encode(digest) : NotaryRequest.encode(digest(100 + i));
            leaves.add(OrderHashes.leaf(firstSeq + i, round, request));
        }
        byte[] root = OrderHashes.root(leaves);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(signer.getPrivate());
            rsa.update(OrderHashes.statement(round, firstSeq, count, root));
            OrderCertificate c = new OrderCertificate(firstSeq + k, round, firstSeq, count,
                    OrderHashes.path(leaves, k), root, rsa.sign());
            return new NotaryReceipt(digest, c);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
