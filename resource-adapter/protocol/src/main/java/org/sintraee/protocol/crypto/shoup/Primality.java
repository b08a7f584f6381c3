package org.sintraee.protocol.crypto.shoup;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Primality testing with randomness the caller supplies. {@link BigInteger#isProbablePrime}
 * draws its bases from a thread-local generator; this core takes all randomness from the
 * dealer's {@link SecureRandom}, so dealing from a seeded generator is reproducible.
 */
final class Primality {

    /** Miller–Rabin rounds for a final decision: error below 2^-128 even for chosen inputs. */
    static final int ROUNDS = 64;

    /** Odd primes below this bound sieve candidates before any modular exponentiation. */
    static final int SIEVE_BOUND = 1 << 16;

    /** The odd primes below {@link #SIEVE_BOUND}. */
    static final int[] SMALL_ODD_PRIMES = oddPrimesBelow(SIEVE_BOUND);

    private static final BigInteger TWO = BigInteger.TWO;

    private Primality() {
    }

    /** Miller–Rabin with {@code rounds} random bases from {@code rnd}, after trial division. */
    static boolean isProbablePrime(BigInteger n, int rounds, SecureRandom rnd) {
        if (n.compareTo(TWO) < 0) {
            return false;
        }
        if (n.bitLength() <= 31) {
            return Numbers.isSmallPrime(n);
        }
        if (!n.testBit(0) || hasSmallFactor(n)) {
            return false;
        }
        BigInteger nMinusOne = n.subtract(BigInteger.ONE);
        int s = nMinusOne.getLowestSetBit();
        BigInteger d = nMinusOne.shiftRight(s);
        BigInteger range = n.subtract(BigInteger.valueOf(3));
        for (int round = 0; round < rounds; round++) {
            BigInteger a = Numbers.randomBelow(range, rnd).add(TWO); // a in [2, n-2]
            if (!millerRabinRound(n, nMinusOne, d, s, a)) {
                return false;
            }
        }
        return true;
    }

    /** The cheap filter: a Fermat test to base 2, one exponentiation. */
    static boolean passesFermatBaseTwo(BigInteger n) {
        return TWO.modPow(n.subtract(BigInteger.ONE), n).equals(BigInteger.ONE);
    }

    private static boolean millerRabinRound(BigInteger n, BigInteger nMinusOne, BigInteger d,
                                            int s, BigInteger a) {
        BigInteger y = a.modPow(d, n);
        if (y.equals(BigInteger.ONE) || y.equals(nMinusOne)) {
            return true;
        }
        for (int j = 1; j < s; j++) {
            y = y.multiply(y).mod(n);
            if (y.equals(nMinusOne)) {
                return true;
            }
            if (y.equals(BigInteger.ONE)) {
                return false;
            }
        }
        return false;
    }

    private static boolean hasSmallFactor(BigInteger n) {
        for (int p : SMALL_ODD_PRIMES) {
            if (n.mod(BigInteger.valueOf(p)).signum() == 0) {
                return !n.equals(BigInteger.valueOf(p));
            }
        }
        return false;
    }

    private static int[] oddPrimesBelow(int bound) {
        boolean[] composite = new boolean[bound];
        int count = 0;
        for (int i = 3; i < bound; i += 2) {
            if (!composite[i]) {
                count++;
                for (long j = (long) i * i; j < bound; j += 2L * i) {
                    composite[(int) j] = true;
                }
            }
        }
        int[] primes = new int[count];
        int at = 0;
        for (int i = 3; i < bound; i += 2) {
            if (!composite[i]) {
                primes[at++] = i;
            }
        }
        return primes;
    }
}
