package org.sintraee.protocol.crypto.ec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.crypto.Ciphertext;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.Hashes;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.Share;
import org.sintraee.protocol.crypto.Verdict;
import org.sintraee.protocol.crypto.ec.Tdh2Test.Setup;

/**
 * Seeded fuzzing of everything that reads untrusted bytes: decode, verifyCiphertext,
 * verifyShare and decryptionShare must never throw, and must reject whatever is not exactly
 * an honest encoding. A thrown exception fails the test on its own.
 */
class Tdh2DecoderFuzzTest {

    private static final Setup S = Setup.deal(4, 2, 31);
    private static final Ciphertext CT =
            S.scheme().encrypt(Tdh2Test.LABEL, Tdh2Test.bytes(150, 32), new SeededRandom(33));
    private static final byte[] ENCODED = CT.encode();
    private static final Share SHARE = S.keys().get(0).decryptionShare(CT).orElseThrow();

    /** Runs every untrusted-input entry point on {@code bytes}; true if all of them accepted. */
    private static boolean feed(byte[] bytes) {
        Decoded<Ciphertext> d = Ciphertext.decode(bytes);
        if (!d.ok()) {
            assertFalse(d.error().isEmpty());
            return false;
        }
        Ciphertext ct = d.get();
        Verdict v = S.scheme().verifyCiphertext(ct);
        Verdict share = S.scheme().verifyShare(ct, SHARE);
        boolean shared = S.keys().get(1).decryptionShare(ct).isPresent();
        assertEquals(v.isValid(), shared, "a key must share exactly the valid ciphertexts");
        return v.isValid() && share.isValid();
    }

    @Test
    void randomBytesNeverThrowAndAreRejected() {
        SeededRandom rnd = new SeededRandom(34);
        for (int i = 0; i < 3000; i++) {
            byte[] b = new byte[rnd.nextInt(400)];
            rnd.nextBytes(b);
            if (i % 2 == 0 && b.length >= 8) {
                // Plausible length prefixes, so the fuzzing also reaches the TDH2 parser.
                int labelLength = rnd.nextInt(Math.min(b.length - 8, 40) + 1);
                System.arraycopy(Hashes.int32(labelLength), 0, b, 0, 4);
                System.arraycopy(Hashes.int32(b.length - 8 - labelLength), 0, b, 4 + labelLength, 4);
                if (i % 4 == 0 && b.length - 8 - labelLength > Secp256k1.POINT_BYTES) {
                    b[8 + labelLength] = (byte) (2 + (i & 1));
                }
            }
            assertFalse(feed(b));
        }
    }

    @Test
    void everyTruncationOfAValidEncodingIsRejected() {
        for (int length = 0; length < ENCODED.length; length++) {
            assertFalse(feed(Arrays.copyOf(ENCODED, length)), "prefix of " + length);
        }
        assertFalse(feed(Arrays.copyOf(ENCODED, ENCODED.length + 1)), "trailing byte");
        assertTrue(feed(ENCODED));
    }

    @Test
    void mutationsOfAValidEncodingNeverThrowAndAreRejected() {
        SeededRandom rnd = new SeededRandom(35);
        for (int i = 0; i < 3000; i++) {
            byte[] b = ENCODED.clone();
            int flips = 1 + rnd.nextInt(3);
            for (int j = 0; j < flips; j++) {
                b[rnd.nextInt(b.length)] ^= (byte) (1 + rnd.nextInt(255));
            }
            if (!Arrays.equals(b, ENCODED)) {
                assertFalse(feed(b), "mutation " + i);
            }
        }
    }

    @Test
    void hostileLengthPrefixesAreRejectedBeforeAllocation() {
        for (int declared : new int[] {-1, Integer.MAX_VALUE, Integer.MIN_VALUE, Ciphertext.MAX_LABEL_BYTES + 1}) {
            byte[] b = new byte[16];
            System.arraycopy(Hashes.int32(declared), 0, b, 0, 4);
            Decoded<Ciphertext> d = Ciphertext.decode(b);
            assertFalse(d.ok());
            assertTrue(d.error().startsWith("ciphertext label length"), d.error());
        }
        byte[] b = new byte[16];
        System.arraycopy(Hashes.int32(Ciphertext.MAX_BODY_BYTES + 1), 0, b, 4, 4);
        assertTrue(Ciphertext.decode(b).error().startsWith("ciphertext body length"));
        System.arraycopy(Hashes.int32(Ciphertext.MAX_BODY_BYTES), 0, b, 4, 4);
        assertEquals("ciphertext body is truncated", Ciphertext.decode(b).error());
        assertTrue(Ciphertext.decode(new byte[Ciphertext.MAX_ENCODED_BYTES + 1]).error().contains("at most"));
        assertFalse(Ciphertext.decode(null).ok());
    }

    @Test
    void randomAndMutatedSharesNeverThrowAndAreRejected() {
        SeededRandom rnd = new SeededRandom(36);
        byte[] good = SHARE.data();
        for (int i = 0; i < 3000; i++) {
            byte[] b;
            if (i % 2 == 0) {
                b = new byte[rnd.nextInt(2 * Tdh2.SHARE_BYTES)];
                rnd.nextBytes(b);
            } else {
                b = good.clone();
                b[rnd.nextInt(b.length)] ^= (byte) (1 + rnd.nextInt(255));
            }
            int index = i % 3 == 0 ? rnd.nextInt(12) - 4 : 1;
            assertFalse(S.scheme().verifyShare(CT, new Share(index, b)).isValid(), "share " + i);
        }
        for (Ciphertext other : List.of(new Ciphertext(new byte[0], new byte[0]),
                new Ciphertext(CT.label(), new byte[300]))) {
            assertFalse(S.scheme().verifyShare(other, SHARE).isValid());
        }
    }
}
