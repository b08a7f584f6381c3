package org.sintraee.protocol.crypto.ec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.crypto.Ciphertext;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.Share;
import org.sintraee.protocol.crypto.Verdict;
import org.sintraee.protocol.crypto.ec.Tdh2Test.Setup;

/** Robustness: every kind of bad decryption share is rejected with a reason, never an exception. */
class Tdh2ShareTest {

    private static final Setup S = Setup.deal(7, 3, 11);
    private static final byte[] M = Tdh2Test.bytes(64, 12);
    private static final Ciphertext CT = S.scheme().encrypt(Tdh2Test.LABEL, M, new SeededRandom(13));
    private static final List<Share> SHARES = S.shares(CT);

    /** A compressed encoding whose x is not on secp256k1 (about half of all x are not). */
    static byte[] offCurve() {
        for (int x = 1; ; x++) {
            byte[] enc = new byte[Secp256k1.POINT_BYTES];
            enc[0] = 0x02;
            enc[32] = (byte) x;
            if (!Secp256k1.decodePoint(enc).ok()) {
                return enc;
            }
        }
    }

    private static void assertRejected(Share share, String reasonPart) {
        Verdict v = S.scheme().verifyShare(CT, share);
        assertFalse(v.isValid(), "accepted a bad share");
        assertTrue(v.reason().contains(reasonPart), v.reason());
    }

    private static Share withData(Share s, int at, byte[] replacement) {
        byte[] data = s.data();
        System.arraycopy(replacement, 0, data, at, replacement.length);
        return new Share(s.index(), data);
    }

    @Test
    void honestSharesVerify() {
        for (Share s : SHARES) {
            assertTrue(S.scheme().verifyShare(CT, s).isValid(), s.toString());
        }
    }

    @Test
    void wrongProofIsRejected() {
        Share s = SHARES.get(0);
        byte[] data = s.data();
        data[Tdh2.SHARE_BYTES - 1] ^= 1;
        assertRejected(new Share(1, data), "decryption share proof does not verify");
        // The proof of another server's share next to this server's value.
        assertRejected(withData(s, Secp256k1.POINT_BYTES,
                Arrays.copyOfRange(SHARES.get(1).data(), Secp256k1.POINT_BYTES, Tdh2.SHARE_BYTES)),
                "decryption share proof does not verify");
        // A right-looking value u^{x_1} with a wrong value: another server's u_i under index 1's proof.
        assertRejected(withData(s, 0, Arrays.copyOf(SHARES.get(2).data(), Secp256k1.POINT_BYTES)),
                "decryption share proof does not verify");
    }

    @Test
    void shareRelabelledWithAnotherIndexIsRejected() {
        assertRejected(new Share(3, SHARES.get(1).data()), "decryption share proof does not verify");
        assertRejected(new Share(0, SHARES.get(0).data()), "decryption share index 0 is not in 1..7");
        assertRejected(new Share(8, SHARES.get(0).data()), "decryption share index 8 is not in 1..7");
        assertRejected(new Share(-1, SHARES.get(0).data()), "index -1");
    }

    @Test
    void shareForAnotherCiphertextIsRejected() {
        Ciphertext other = S.scheme().encrypt(Tdh2Test.LABEL, M, new SeededRandom(14));
        assertRejected(S.keys().get(0).decryptionShare(other).orElseThrow(), "decryption share proof does not verify");
        // Same u, so the same share value, but different L or (e, f): the proof's context differs.
        Ciphertext relabelled = new Ciphertext("other".getBytes(), CT.body());
        assertFalse(S.scheme().verifyShare(relabelled, SHARES.get(0)).isValid());
    }

    @Test
    void pointsOffTheCurveOrAtInfinityAreRejected() {
        Share s = SHARES.get(0);
        assertRejected(withData(s, 0, offCurve()), "decryption share value: point is not on the curve");
        assertRejected(withData(s, 0, new byte[Secp256k1.POINT_BYTES]),
                "decryption share value: point is not a compressed");
        assertRejected(new Share(1, new byte[Tdh2.SHARE_BYTES]), "decryption share value:");
        assertRejected(new Share(1, new byte[] {0}), "decryption share must be 97 bytes, got 1");
        byte[] uncompressed = withData(s, 0, new byte[] {4}).data();
        assertRejected(new Share(1, uncompressed), "not a compressed encoding");
        byte[] xTooLarge = new byte[Secp256k1.POINT_BYTES];
        Arrays.fill(xTooLarge, (byte) 0xff);
        xTooLarge[0] = 0x03;
        assertRejected(withData(s, 0, xTooLarge), "decryption share value:");
    }

    @Test
    void proofScalarsNotBelowTheGroupOrderAreRejected() {
        Share s = SHARES.get(0);
        byte[] ff = new byte[32];
        Arrays.fill(ff, (byte) 0xff);
        assertRejected(withData(s, Secp256k1.POINT_BYTES, ff),
                "decryption share proof challenge: scalar is not below the group order");
        byte[] q = Secp256k1.Q.toByteArray();
        assertRejected(withData(s, Secp256k1.POINT_BYTES + 32, Arrays.copyOfRange(q, q.length - 32, q.length)),
                "decryption share proof response: scalar is not below the group order");
    }

    @Test
    void truncatedOverlongAndGarbageSharesAreRejected() {
        byte[] data = SHARES.get(0).data();
        for (int length : new int[] {0, 1, 32, 33, 34, 96}) {
            assertRejected(new Share(1, Arrays.copyOf(data, length)), "must be 97 bytes, got " + length);
        }
        assertRejected(new Share(1, Arrays.copyOf(data, 98)), "must be 97 bytes, got 98");
        SeededRandom rnd = new SeededRandom(15);
        for (int i = 0; i < 200; i++) {
            byte[] junk = new byte[Tdh2.SHARE_BYTES];
            rnd.nextBytes(junk);
            junk[0] = (byte) (2 + (i & 1));
            assertFalse(S.scheme().verifyShare(CT, new Share(1 + i % 7, junk)).isValid());
        }
        assertFalse(S.scheme().verifyShare(CT, null).isValid());
        assertFalse(S.scheme().verifyShare(null, SHARES.get(0)).isValid());
    }

    @Test
    void shareOfAMalformedCiphertextIsRejected() {
        assertFalse(S.scheme().verifyShare(new Ciphertext(Tdh2Test.LABEL, new byte[5]), SHARES.get(0)).isValid());
        Verdict v = S.scheme().verifyShare(new Ciphertext(Tdh2Test.LABEL, new byte[200]), SHARES.get(0));
        assertTrue(v.reason().startsWith("decryption share is for a malformed ciphertext: ciphertext u:"), v.reason());
    }

    /** What a combiner does: drop what does not verify, combine the rest; t bad shares cannot stop k good ones. */
    @Test
    void filteringByVerificationLetsHonestSharesDecryptDespiteBadOnes() {
        List<Share> received = new ArrayList<>();
        received.add(new Share(1, new byte[Tdh2.SHARE_BYTES]));
        received.add(new Share(2, SHARES.get(2).data()));
        received.add(withData(SHARES.get(3), Tdh2.SHARE_BYTES - 1, new byte[] {0x55}));
        received.addAll(SHARES.subList(4, 7));
        List<Share> valid = received.stream().filter(s -> S.scheme().verifyShare(CT, s).isValid()).toList();
        assertTrue(valid.stream().allMatch(s -> s.index() >= 5), valid.toString());
        assertArrayEquals(M, S.scheme().combine(CT, valid).get());
    }

    @Test
    void sharesLeakNoSecretInToString() {
        Tdh2Key key = S.keys().get(0);
        String text = key.toString() + S.scheme() + SHARES.get(0);
        BigInteger x1 = DlogSharing.deal(7, 3, new SeededRandom(11)).secretShare(1);
        assertFalse(text.contains(x1.toString()) || text.contains(x1.toString(16)), text);
        assertTrue(key.toString().contains("redacted"));
    }
}
