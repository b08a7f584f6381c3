package org.sintraee.protocol.crypto.shoup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sintraee.protocol.crypto.shoup.ShoupTestKeys.jdkVerifies;
import static org.sintraee.protocol.crypto.shoup.ShoupTestKeys.utf8;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.Subsets;

/** Any k verified shares combine to one standard RSA signature that the JDK accepts. */
class ShoupCorrectnessTest {

    private static final byte[] CONTEXT = utf8("instance-7/sign");

    @ParameterizedTest(name = "n={0}, k={1}")
    @CsvSource({"4,2", "4,3", "7,3", "7,5", "10,4", "10,7"})
    void everyKSubsetCombinesToTheSameJdkVerifiedSignature(int n, int k) {
        ShoupKeySet keys = ShoupTestKeys.dealt(n, k);
        ShoupPublicKey pk = keys.publicKey();
        List<int[]> subsets = Subsets.of(n, k); // all of them: at most 210 here
        boolean sawPlusOne = false;
        boolean sawMinusOne = false;
        int messages = 0;
        // Sign messages until both Jacobi cases have occurred (and at least three messages).
        for (int m = 0; messages < 3 || !(sawPlusOne && sawMinusOne); m++) {
            assertTrue(m < 64, "64 messages never hit both Jacobi symbols");
            byte[] message = utf8("request " + m + " for (" + n + "," + k + ")");
            if (MessageEncoding.encode(pk, message).adjusted()) {
                sawMinusOne = true;
            } else {
                sawPlusOne = true;
            }
            messages++;
            SignatureShare[] shares = new SignatureShare[n + 1];
            for (int i = 1; i <= n; i++) {
                shares[i] = keys.share(i).sign(CONTEXT, message);
                assertTrue(pk.verifyShare(CONTEXT, message, shares[i]).isValid(), "share " + i);
                assertTrue(pk.verifyShare(CONTEXT, message, shares[i], i).isValid(), "share " + i + " from sender");
            }
            byte[] first = null;
            for (int[] subset : subsets) {
                List<SignatureShare> chosen = new ArrayList<>();
                for (int i : subset) {
                    chosen.add(shares[i]);
                }
                byte[] signature = pk.combine(CONTEXT, message, chosen);
                assertEquals(pk.modulusByteLength(), signature.length);
                if (first == null) {
                    first = signature;
                    assertTrue(jdkVerifies(pk, message, signature), "JDK SHA256withRSA rejects the signature");
                } else {
                    assertArrayEquals(first, signature, "subset " + java.util.Arrays.toString(subset));
                }
            }
        }
        assertTrue(sawPlusOne && sawMinusOne);
    }

    @Test
    void moreThanKSharesInAnyOrderGiveTheSameSignature() {
        ShoupKeySet keys = ShoupTestKeys.dealt(7, 3);
        ShoupPublicKey pk = keys.publicKey();
        byte[] message = utf8("extra shares");
        List<SignatureShare> all = new ArrayList<>();
        for (int i = 7; i >= 1; i--) {
            all.add(keys.share(i).sign(CONTEXT, message));
        }
        byte[] fromAll = pk.combine(CONTEXT, message, all);
        byte[] fromLast = pk.combine(CONTEXT, message, all.subList(0, 3)); // servers 7, 6, 5
        assertArrayEquals(fromAll, fromLast);
        assertTrue(jdkVerifies(pk, message, fromAll));
    }

    @Test
    void tooFewOrDuplicateSharesAreRefused() {
        ShoupKeySet keys = ShoupTestKeys.dealt(4, 3);
        ShoupPublicKey pk = keys.publicKey();
        byte[] message = utf8("m");
        SignatureShare s1 = keys.share(1).sign(CONTEXT, message);
        SignatureShare s2 = keys.share(2).sign(CONTEXT, message);
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                () -> pk.combine(CONTEXT, message, List.of(s1, s2)));
        assertTrue(tooFew.getMessage().contains("need k=3"), tooFew.getMessage());
        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
                () -> pk.combine(CONTEXT, message, List.of(s1, s2, s2)));
        assertTrue(duplicate.getMessage().contains("distinct"), duplicate.getMessage());
    }

    @Test
    void thresholdOneAndThresholdNWork() {
        for (int[] nk : new int[][] {{3, 1}, {3, 3}}) {
            ShoupKeySet keys = ShoupTestKeys.dealt(nk[0], nk[1]);
            byte[] message = utf8("edge " + nk[1]);
            List<SignatureShare> shares = new ArrayList<>();
            for (int i = 1; i <= nk[1]; i++) {
                shares.add(keys.share(i).sign(CONTEXT, message));
            }
            assertTrue(jdkVerifies(keys.publicKey(), message, keys.publicKey().combine(CONTEXT, message, shares)));
        }
    }

    @Test
    void modulusNotAWholeNumberOfBytesStillGivesAStandardSignature() {
        // 522 bits = 66 bytes with a partly used top byte: checks padding of x and of y.
        ShoupKeySet keys = ShoupDealer.dealInsecureForTests(3, 2, 522, new SeededRandom(522));
        ShoupPublicKey pk = keys.publicKey();
        assertEquals(522, pk.modulus().bitLength());
        for (int m = 0; m < 8; m++) {
            byte[] message = utf8("odd size " + m);
            byte[] signature = pk.combine(CONTEXT, message,
                    List.of(keys.share(1).sign(CONTEXT, message), keys.share(3).sign(CONTEXT, message)));
            assertEquals(66, signature.length);
            assertTrue(jdkVerifies(pk, message, signature));
            assertEquals(new BigInteger(1, signature).modPow(pk.publicExponent(), pk.modulus()),
                    MessageEncoding.encode(pk, message).x());
        }
    }
}
