package org.sintraee.protocol.crypto.shoup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sintraee.protocol.crypto.shoup.ShoupTestKeys.jdkVerifies;
import static org.sintraee.protocol.crypto.shoup.ShoupTestKeys.utf8;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.crypto.Subsets;

/**
 * A real 2048-bit modulus, the production size. Searching two 1024-bit safe primes is too
 * slow for every build, so the key is dealt over the committed TEST FIXTURE
 * test-fixture-safe-primes-2048.txt (the dealer still re-checks both are safe primes).
 */
class ShoupLargeModulusTest {

    private static ShoupKeySet keys;

    @BeforeAll
    static void deal() {
        keys = ShoupTestKeys.fromFixture(2048, 4, 3, 2048);
    }

    @Test
    void signsVerifiesAndCombinesAtProductionSize() {
        ShoupPublicKey pk = keys.publicKey();
        assertEquals(2048, pk.modulus().bitLength());
        byte[] context = utf8("instance-2048/sign");
        for (String text : new String[] {"first", "second", "third"}) {
            byte[] message = utf8(text);
            List<SignatureShare> shares = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                SignatureShare share = keys.share(i).sign(context, message);
                assertTrue(pk.verifyShare(context, message, share).isValid());
                assertEquals(share, pk.decodeShare(share.encode()).get());
                shares.add(share);
            }
            assertFalse(pk.verifyShare(utf8("other"), message, shares.get(0)).isValid());
            byte[] first = null;
            for (int[] subset : Subsets.of(4, 3)) {
                List<SignatureShare> chosen = new ArrayList<>();
                for (int i : subset) {
                    chosen.add(shares.get(i - 1));
                }
                byte[] signature = pk.combine(context, message, chosen);
                assertEquals(256, signature.length);
                if (first == null) {
                    first = signature;
                    assertTrue(jdkVerifies(pk, message, signature));
                } else {
                    assertArrayEquals(first, signature);
                }
            }
        }
    }
}
