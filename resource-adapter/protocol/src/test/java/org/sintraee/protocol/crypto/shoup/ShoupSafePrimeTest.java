package org.sintraee.protocol.crypto.shoup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.crypto.SeededRandom;

/** Safe-prime search and the primality test it relies on, checked against the JDK's. */
class ShoupSafePrimeTest {

    @Test
    void generatesSafePrimesOfExactlyTheRequestedSizeAndReportsProgress() {
        SeededRandom rnd = new SeededRandom(77);
        for (int bits : new int[] {64, 96, 128, 160, 256}) {
            List<String> stages = new ArrayList<>();
            BigInteger p = SafePrimeGenerator.generate(bits, rnd, (stage, tried) -> stages.add(stage), "safe prime p");
            assertEquals(bits, p.bitLength());
            assertTrue(p.testBit(bits - 2), "top two bits set, so N = pq has exactly twice the bits");
            assertTrue(p.isProbablePrime(100), "p");
            assertTrue(p.shiftRight(1).isProbablePrime(100), "p' = (p - 1)/2");
            assertTrue(stages.contains("safe prime p found"), stages.toString());
        }
    }

    @Test
    void sieveStrikesExactlyTheCandidatesWithASmallFactor() {
        SeededRandom rnd = new SeededRandom(10);
        BigInteger start = SafePrimeGenerator.randomStart(511, rnd);
        assertEquals(5, start.mod(BigInteger.valueOf(6)).intValue());
        boolean[] struck = SafePrimeGenerator.sieve(start);
        int checked = 0;
        for (int j = 0; j < struck.length; j += 1 + rnd.nextInt(150)) {
            BigInteger pPrime = start.add(BigInteger.valueOf(6L * j));
            BigInteger p = pPrime.shiftLeft(1).add(BigInteger.ONE);
            boolean smallFactor = false;
            for (int l : Primality.SMALL_ODD_PRIMES) {
                BigInteger bl = BigInteger.valueOf(l);
                smallFactor |= pPrime.mod(bl).signum() == 0 || p.mod(bl).signum() == 0;
            }
            assertEquals(smallFactor, struck[j], "candidate " + j);
            checked++;
        }
        assertTrue(checked > 100);
    }

    @Test
    void sameSeedSameSafePrime() {
        assertEquals(SafePrimeGenerator.generate(128, new SeededRandom(3), DealProgress.NONE, "p"),
                SafePrimeGenerator.generate(128, new SeededRandom(3), DealProgress.NONE, "p"));
    }

    @Test
    void millerRabinAgreesWithTheJdkIncludingCarmichaelNumbers() {
        SeededRandom rnd = new SeededRandom(8);
        BigInteger start = BigInteger.ONE.shiftLeft(40);
        for (int i = 0; i < 3_000; i++) {
            BigInteger n = start.add(BigInteger.valueOf(i));
            assertEquals(n.isProbablePrime(100), Primality.isProbablePrime(n, 20, rnd), n.toString());
        }
        for (int i = 0; i < 2_000; i++) {
            BigInteger n = BigInteger.valueOf(i);
            assertEquals(n.isProbablePrime(100), Primality.isProbablePrime(n, 20, rnd), n.toString());
        }
        for (long carmichael : new long[] {561, 41041, 825265, 321197185, 5394826801L, 3825123056546413051L}) {
            BigInteger n = BigInteger.valueOf(carmichael);
            assertFalse(Primality.isProbablePrime(n, 20, rnd), "Carmichael " + carmichael);
        }
        // Product of two large primes: no small factor, so only Miller-Rabin can catch it.
        BigInteger[] pq = ShoupTestKeys.fixturePrimes(512);
        assertFalse(Primality.isProbablePrime(pq[0].multiply(pq[1]), 20, rnd));
        assertTrue(Primality.isProbablePrime(pq[0], 20, rnd));
    }

    @Test
    void recognisesSafePrimes() {
        SeededRandom rnd = new SeededRandom(9);
        BigInteger[] pq = ShoupTestKeys.fixturePrimes(512);
        assertTrue(SafePrimeGenerator.isSafePrime(pq[0], rnd));
        assertTrue(SafePrimeGenerator.isSafePrime(BigInteger.valueOf(23), rnd));
        assertFalse(SafePrimeGenerator.isSafePrime(BigInteger.valueOf(29), rnd)); // 14 is not prime
        assertFalse(SafePrimeGenerator.isSafePrime(pq[0].add(BigInteger.TWO), rnd));
        assertEquals(6541, Primality.SMALL_ODD_PRIMES.length, "odd primes below 2^16");
    }
}
