package org.sintraee.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.crypto.ec.Secp256k1;

class ShamirTest {

    @ParameterizedTest(name = "n={0}, k={1}")
    @CsvSource({"4,2", "4,3", "7,3", "7,5", "10,4", "10,7"})
    void everyKSubsetRecoversTheSecret(int n, int k) {
        SeededRandom rnd = new SeededRandom(n * 100L + k);
        BigInteger secret = Shamir.randomBelow(Secp256k1.Q, rnd);
        BigInteger[] shares = Shamir.share(secret, k, n, Secp256k1.Q, rnd);
        for (int[] subset : Subsets.of(n, k)) {
            BigInteger[] values = new BigInteger[k];
            for (int a = 0; a < k; a++) {
                values[a] = shares[subset[a] - 1];
            }
            assertEquals(secret, Shamir.interpolateAtZero(subset, values, Secp256k1.Q));
        }
    }

    @Test
    void fewerThanKSharesGiveSomethingElse() {
        SeededRandom rnd = new SeededRandom(7);
        BigInteger secret = BigInteger.valueOf(42);
        BigInteger[] shares = Shamir.share(secret, 3, 4, Secp256k1.Q, rnd);
        BigInteger guess = Shamir.interpolateAtZero(new int[] {1, 2}, new BigInteger[] {shares[0], shares[1]},
                Secp256k1.Q);
        assertNotEquals(secret, guess);
    }

    @Test
    void rejectsRepeatedOrNonPositiveIndices() {
        assertThrows(IllegalArgumentException.class, () -> Shamir.lagrangeAtZero(new int[] {1, 1}, Secp256k1.Q));
        assertThrows(IllegalArgumentException.class, () -> Shamir.lagrangeAtZero(new int[] {0, 2}, Secp256k1.Q));
        assertThrows(IllegalArgumentException.class,
                () -> Shamir.share(BigInteger.ONE, 5, 4, Secp256k1.Q, new SeededRandom(1)));
    }
}
