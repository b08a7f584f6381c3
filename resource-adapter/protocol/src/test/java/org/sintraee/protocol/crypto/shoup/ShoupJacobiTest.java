package org.sintraee.protocol.crypto.shoup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.crypto.SeededRandom;

/** The Jacobi symbol against Euler's criterion (primes) and multiplicativity (composites). */
class ShoupJacobiTest {

    /** Euler's criterion: a^((p-1)/2) mod p is 1, p-1 or 0 for an odd prime p. */
    private static int legendre(BigInteger a, BigInteger p) {
        BigInteger r = a.mod(p).modPow(p.subtract(BigInteger.ONE).shiftRight(1), p);
        if (r.signum() == 0) {
            return 0;
        }
        return r.equals(BigInteger.ONE) ? 1 : -1;
    }

    /** (a|n) as the product of Legendre symbols over n's prime factors (by trial division). */
    private static int naiveJacobi(long a, long n) {
        int result = 1;
        long rest = n;
        for (long f = 3; f * f <= rest; f += 2) {
            while (rest % f == 0) {
                result *= legendre(BigInteger.valueOf(a), BigInteger.valueOf(f));
                rest /= f;
            }
        }
        if (rest > 1) {
            result *= legendre(BigInteger.valueOf(a), BigInteger.valueOf(rest));
        }
        return result;
    }

    @Test
    void agreesWithEulersCriterionForSmallPrimes() {
        for (int p : Primality.SMALL_ODD_PRIMES) {
            if (p > 400) {
                break;
            }
            BigInteger bp = BigInteger.valueOf(p);
            for (int a = -p; a < 2 * p; a++) {
                BigInteger ba = BigInteger.valueOf(a);
                assertEquals(legendre(ba, bp), Jacobi.symbol(ba, bp), "(" + a + "|" + p + ")");
            }
        }
    }

    @Test
    void agreesWithEulersCriterionForLargePrimes() {
        SeededRandom rnd = new SeededRandom(5);
        List<BigInteger> primes = new ArrayList<>(List.of(ShoupTestKeys.fixturePrimes(512)));
        for (int bits : new int[] {64, 127, 256, 521}) {
            primes.add(BigInteger.probablePrime(bits, rnd));
        }
        for (BigInteger p : primes) {
            for (int trial = 0; trial < 300; trial++) {
                BigInteger a = new BigInteger(p.bitLength() + 8, rnd);
                assertEquals(legendre(a, p), Jacobi.symbol(a, p));
            }
        }
    }

    @Test
    void agreesWithTheProductOverPrimeFactorsForSmallOddModuli() {
        for (long n = 1; n < 600; n += 2) {
            for (long a = 0; a < 200; a++) {
                assertEquals(naiveJacobi(a, n), Jacobi.symbol(BigInteger.valueOf(a), BigInteger.valueOf(n)),
                        "(" + a + "|" + n + ")");
            }
        }
    }

    @Test
    void isMultiplicativeForTheFixtureModulus() {
        BigInteger[] pq = ShoupTestKeys.fixturePrimes(512);
        BigInteger n = pq[0].multiply(pq[1]);
        SeededRandom rnd = new SeededRandom(6);
        int minusOnes = 0;
        for (int trial = 0; trial < 1_000; trial++) {
            BigInteger a = new BigInteger(n.bitLength(), rnd);
            BigInteger b = new BigInteger(n.bitLength(), rnd);
            int ja = Jacobi.symbol(a, n);
            assertEquals(legendre(a, pq[0]) * legendre(a, pq[1]), ja);
            assertEquals(ja * Jacobi.symbol(b, n), Jacobi.symbol(a.multiply(b), n));
            assertEquals(ja * Jacobi.symbol(a, pq[0]), Jacobi.symbol(a, n.multiply(pq[0])));
            minusOnes += ja == -1 ? 1 : 0;
        }
        // About half of Z_N^* has symbol -1; a broken sign rule would skew this badly.
        assertEquals(500, minusOnes, 80);
        assertEquals(0, Jacobi.symbol(pq[0].multiply(BigInteger.TEN), n));
    }

    @Test
    void refusesEvenOrNonPositiveModuli() {
        assertThrows(IllegalArgumentException.class, () -> Jacobi.symbol(BigInteger.ONE, BigInteger.TEN));
        assertThrows(IllegalArgumentException.class, () -> Jacobi.symbol(BigInteger.ONE, BigInteger.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Jacobi.symbol(BigInteger.ONE, BigInteger.valueOf(-3)));
        assertEquals(1, Jacobi.symbol(BigInteger.ZERO, BigInteger.ONE));
    }
}
