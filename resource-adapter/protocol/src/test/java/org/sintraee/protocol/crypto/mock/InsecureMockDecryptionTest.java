package org.sintraee.protocol.crypto.mock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.crypto.Ciphertext;
import org.sintraee.protocol.crypto.DecryptionKey;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.Share;
import org.sintraee.protocol.crypto.ThresholdDecryption;

/** The insecure mock keeps the contract protocol tests rely on (it has no secrecy to test). */
class InsecureMockDecryptionTest {

    private static final byte[] LABEL = "abc/1/client-1/request-1".getBytes(StandardCharsets.UTF_8);
    private final InsecureMockDecryption mock = new InsecureMockDecryption(4, 2);

    private List<Share> shares(Ciphertext ct) {
        List<Share> out = new ArrayList<>();
        for (DecryptionKey key : mock.keys()) {
            out.add(key.decryptionShare(ct).orElseThrow());
        }
        return out;
    }

    @Test
    void roundTripsForAllSizesWithThresholdShares() {
        ThresholdDecryption scheme = mock;
        for (int length : new int[] {0, 1, 31, 32, 33, 1024, 100 * 1024}) {
            byte[] m = new byte[length];
            new SeededRandom(length).nextBytes(m);
            Ciphertext ct = scheme.encrypt(LABEL, m, new SeededRandom(length + 1));
            assertTrue(scheme.verifyCiphertext(ct).isValid());
            assertTrue(scheme.verifyCiphertext(Ciphertext.decode(ct.encode()).get()).isValid());
            List<Share> shares = shares(ct);
            shares.forEach(s -> assertTrue(scheme.verifyShare(ct, s).isValid()));
            assertArrayEquals(m, scheme.combine(ct, shares.subList(2, 4)).get());
            assertEquals(16, scheme.replayKey(ct).length);
        }
    }

    @Test
    void tamperedOrRelabelledCiphertextsAreRejectedAndNotShared() {
        Ciphertext ct = mock.encrypt(LABEL, "hello".getBytes(StandardCharsets.UTF_8), new SeededRandom(1));
        List<Ciphertext> bad = new ArrayList<>();
        bad.add(new Ciphertext("abc/1/client-2/request-1".getBytes(StandardCharsets.UTF_8), ct.body()));
        for (int at = 0; at < ct.bodyLength(); at++) {
            byte[] body = ct.body();
            body[at] ^= 1;
            bad.add(new Ciphertext(LABEL, body));
        }
        bad.add(new Ciphertext(LABEL, Arrays.copyOf(ct.body(), 47)));
        for (Ciphertext c : bad) {
            assertFalse(mock.verifyCiphertext(c).isValid());
            assertTrue(mock.key(1).decryptionShare(c).isEmpty());
        }
        assertFalse(mock.verifyCiphertext(null).isValid());
    }

    @Test
    void badSharesAreRejectedAndCombineNeedsThresholdDistinct() {
        Ciphertext ct = mock.encrypt(LABEL, new byte[10], new SeededRandom(2));
        Ciphertext other = mock.encrypt(LABEL, new byte[10], new SeededRandom(3));
        List<Share> shares = shares(ct);
        assertFalse(mock.verifyShare(ct, new Share(2, shares.get(0).data())).isValid(), "relabelled");
        assertFalse(mock.verifyShare(ct, new Share(5, shares.get(0).data())).isValid(), "index");
        assertFalse(mock.verifyShare(ct, new Share(1, new byte[3])).isValid(), "length");
        assertFalse(mock.verifyShare(other, shares.get(0)).isValid(), "other ciphertext");
        assertFalse(mock.verifyShare(new Ciphertext(LABEL, new byte[2]), shares.get(0)).isValid(), "malformed");
        assertThrows(IllegalArgumentException.class, () -> mock.combine(ct, List.of(shares.get(0), shares.get(0))));
        assertThrows(IllegalArgumentException.class,
                () -> mock.combine(ct, List.of(shares.get(0), new Share(2, new byte[32]))));
        assertThrows(IllegalArgumentException.class, () -> new InsecureMockDecryption(3, 4));
        assertTrue(mock.toString().contains("NO SECRECY"));
    }

    @Test
    void garbageNeverThrows() {
        SeededRandom rnd = new SeededRandom(4);
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[rnd.nextInt(200)];
            rnd.nextBytes(b);
            Ciphertext ct = new Ciphertext(LABEL, b);
            assertFalse(mock.verifyCiphertext(ct).isValid());
            Share junk = new Share(rnd.nextInt(6), Arrays.copyOf(b, Math.min(b.length, 32)));
            assertFalse(mock.verifyShare(ct, junk).isValid());
            assertTrue(mock.key(2).decryptionShare(ct).isEmpty());
        }
    }
}
