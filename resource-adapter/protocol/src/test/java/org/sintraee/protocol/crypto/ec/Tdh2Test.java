package org.sintraee.protocol.crypto.ec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sintraee.protocol.crypto.Ciphertext;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.Share;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** TDH2 correctness: every k-subset of valid shares decrypts, for all sizes of payload. */
class Tdh2Test {

    static final byte[] LABEL = "abc/17/client-3/request-9".getBytes(StandardCharsets.UTF_8);

    record Setup(Tdh2 scheme, List<Tdh2Key> keys) {
        static Setup deal(int n, int k, long seed) {
            DlogSharing dealing = DlogSharing.deal(n, k, new SeededRandom(seed));
            Tdh2 scheme = Tdh2.of(dealing);
            List<Tdh2Key> keys = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                keys.add(Tdh2Key.of(scheme, dealing, i));
            }
            return new Setup(scheme, keys);
        }

        List<Share> shares(Ciphertext ct) {
            List<Share> out = new ArrayList<>();
            for (Tdh2Key key : keys) {
                out.add(key.decryptionShare(ct).orElseThrow());
            }
            return out;
        }
    }

    static byte[] bytes(int length, long seed) {
        byte[] b = new byte[length];
        new SeededRandom(seed).nextBytes(b);
        return b;
    }

    /** All C(n, k) subsets are combined; (10,4) is the largest at 210, each a k-point multi-exponentiation. */
    @ParameterizedTest(name = "n={0}, k={1}")
    @CsvSource({"4,2", "4,3", "7,3", "7,5", "10,4", "10,7"})
    void everySubsetOfThresholdValidSharesDecrypts(int n, int k) {
        Setup s = Setup.deal(n, k, 1000L * n + k);
        byte[] m = bytes(100, n * k);
        Ciphertext ct = s.scheme().encrypt(LABEL, m, new SeededRandom(n + k));
        assertTrue(s.scheme().verifyCiphertext(ct).isValid());
        List<Share> shares = s.shares(ct);
        for (Share share : shares) {
            assertTrue(s.scheme().verifyShare(ct, share).isValid(), () -> "share " + share.index());
        }
        int[] combined = {0};
        forEachSubset(n, k, subset -> {
            List<Share> chosen = new ArrayList<>();
            for (int i : subset) {
                chosen.add(shares.get(i));
            }
            Decoded<byte[]> plain = s.scheme().combine(ct, chosen);
            assertTrue(plain.ok(), () -> Arrays.toString(subset) + ": " + plain.error());
            assertArrayEquals(m, plain.get(), Arrays.toString(subset));
            combined[0]++;
        });
        assertEquals(binomial(n, k), combined[0]);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 1024, 100 * 1024})
    void plaintextsOfEverySizeRoundTrip(int length) {
        Setup s = Setup.deal(7, 3, 42);
        byte[] m = bytes(length, length);
        Ciphertext ct = s.scheme().encrypt(LABEL, m, new SeededRandom(length + 1));
        assertEquals(Tdh2Ciphertext.MIN_BODY_BYTES + length, ct.bodyLength());
        assertTrue(s.scheme().verifyCiphertext(ct).isValid());
        List<Share> shares = s.shares(ct);
        assertArrayEquals(m, s.scheme().combine(ct, shares.subList(4, 7)).get());
        assertArrayEquals(m, s.scheme().combine(ct, shares).get());
    }

    @Test
    void plaintextAtTheSizeBoundRoundTripsAndOneMoreByteIsRefused() {
        Setup s = Setup.deal(4, 2, 43);
        byte[] m = new byte[Tdh2.MAX_PLAINTEXT_BYTES];
        m[m.length - 1] = 7;
        Ciphertext ct = s.scheme().encrypt(LABEL, m, new SeededRandom(5));
        assertTrue(Ciphertext.decode(ct.encode()).ok());
        assertTrue(s.scheme().verifyCiphertext(ct).isValid());
        assertArrayEquals(m, s.scheme().combine(ct, s.shares(ct)).get());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.scheme().encrypt(LABEL, new byte[Tdh2.MAX_PLAINTEXT_BYTES + 1], new SeededRandom(5)));
        assertTrue(e.getMessage().contains("plaintext"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> s.scheme().encrypt(new byte[Ciphertext.MAX_LABEL_BYTES + 1], new byte[1], new SeededRandom(5)));
        assertTrue(e.getMessage().contains("label"), e.getMessage());
    }

    @Test
    void combineUsesTheLowestDistinctIndicesAndNeedsThresholdMany() {
        Setup s = Setup.deal(7, 3, 44);
        byte[] m = bytes(33, 1);
        Ciphertext ct = s.scheme().encrypt(LABEL, m, new SeededRandom(2));
        List<Share> shares = s.shares(ct);
        // Lowest three indices are fine; the bogus share of index 7 is never looked at.
        List<Share> withJunkAbove = new ArrayList<>(List.of(shares.get(2), shares.get(0), shares.get(1),
                new Share(7, new byte[Tdh2.SHARE_BYTES])));
        assertArrayEquals(m, s.scheme().combine(ct, withJunkAbove).get());
        List<Share> duplicates = List.of(shares.get(0), shares.get(0), shares.get(1), shares.get(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.scheme().combine(ct, duplicates));
        assertTrue(e.getMessage().contains("need 3 distinct"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.scheme().combine(ct, List.of()));
        assertThrows(IllegalArgumentException.class, () -> s.scheme().combine(ct,
                List.of(shares.get(0), shares.get(1), new Share(3, new byte[Tdh2.SHARE_BYTES]))));
        assertThrows(IllegalArgumentException.class, () -> s.scheme().combine(ct,
                List.of(shares.get(0), shares.get(1), new Share(9, shares.get(2).data()))));
    }

    @Test
    void sharesAreDeterministicAndBoundToTheCiphertext() {
        Setup s = Setup.deal(4, 2, 45);
        Ciphertext ct = s.scheme().encrypt(LABEL, bytes(10, 3), new SeededRandom(4));
        Ciphertext other = s.scheme().encrypt(LABEL, bytes(10, 3), new SeededRandom(5));
        Tdh2Key key = s.keys().get(1);
        assertEquals(key.decryptionShare(ct).orElseThrow(), key.decryptionShare(ct).orElseThrow());
        assertEquals(key.decryptionShare(Ciphertext.decode(ct.encode()).get()), key.decryptionShare(ct));
        assertNotEquals(key.decryptionShare(other).orElseThrow(), key.decryptionShare(ct).orElseThrow());
        assertEquals(Tdh2.SHARE_BYTES, key.decryptionShare(ct).orElseThrow().length());
        assertEquals(2, key.index());
    }

    @Test
    void encryptionIsRandomisedAndTheReplayKeyIsU() {
        Setup s = Setup.deal(4, 2, 46);
        byte[] m = bytes(10, 3);
        Ciphertext a = s.scheme().encrypt(LABEL, m, new SeededRandom(1));
        Ciphertext b = s.scheme().encrypt(LABEL, m, new SeededRandom(2));
        assertNotEquals(a, b);
        assertFalse(Arrays.equals(s.scheme().replayKey(a), s.scheme().replayKey(b)));
        assertArrayEquals(a.bodyRange(0, Secp256k1.POINT_BYTES), s.scheme().replayKey(a));
        assertEquals(a, s.scheme().encrypt(LABEL, m, new SeededRandom(1)), "same randomness, same ciphertext");
        assertThrows(IllegalArgumentException.class, () -> s.scheme().replayKey(new Ciphertext(LABEL, new byte[3])));
    }

    @Test
    void ciphertextRoundTripsThroughItsCanonicalEncoding() {
        Setup s = Setup.deal(4, 2, 47);
        Ciphertext ct = s.scheme().encrypt(LABEL, bytes(77, 3), new SeededRandom(9));
        Decoded<Ciphertext> back = Ciphertext.decode(ct.encode());
        assertTrue(back.ok(), back.error());
        assertEquals(ct, back.get());
        assertEquals(ct.hashCode(), back.get().hashCode());
        assertArrayEquals(ct.encode(), back.get().encode());
        assertArrayEquals(LABEL, back.get().label());
        assertTrue(s.scheme().verifyCiphertext(back.get()).isValid());
        assertTrue(ct.toString().startsWith("Ciphertext[label 25 bytes"), ct.toString());
    }

    static void forEachSubset(int n, int k, java.util.function.Consumer<int[]> action) {
        int[] subset = new int[k];
        for (int i = 0; i < k; i++) {
            subset[i] = i;
        }
        while (true) {
            action.accept(subset.clone());
            int i = k - 1;
            while (i >= 0 && subset[i] == n - k + i) {
                i--;
            }
            if (i < 0) {
                return;
            }
            subset[i]++;
            for (int j = i + 1; j < k; j++) {
                subset[j] = subset[j - 1] + 1;
            }
        }
    }

    static int binomial(int n, int k) {
        long r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return (int) r;
    }
}
