package org.sintraee.protocol.crypto.shoup;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Finds safe primes p = 2p' + 1 (p' prime), as Shoup's key generation requires so that
 * the squares mod N form a cyclic group of order p'q' with no small subgroups.
 *
 * <p>Why this is reasonably fast: candidates p' run through an arithmetic progression
 * p' = 5 (mod 6) (the only class where neither p' nor 2p'+1 is divisible by 2 or 3), and a
 * sieve over all odd primes below 2^16 strikes every p' for which p' or 2p'+1 has a small
 * factor, using only int arithmetic. Survivors get a base-2 Fermat test on p', then on
 * p (cheap filters), and only then full Miller–Rabin on both.
 */
final class SafePrimeGenerator {

    /** Candidates per sieve window; each window starts at a fresh random point. */
    private static final int WINDOW = 1 << 14;
    private static final int STEP = 6;
    private static final long REPORT_EVERY = 256;
    /** 6^{-1} mod l for each small prime l (0 for l = 3, which the sieve skips). */
    private static final int[] INVERSE_OF_STEP = inversesOfStep();

    private SafePrimeGenerator() {
    }

    /**
     * A safe prime of exactly {@code bits} bits whose two top bits are set, so that the
     * product of two such primes has exactly 2 * bits bits.
     */
    static BigInteger generate(int bits, SecureRandom rnd, DealProgress progress, String stage) {
        if (bits < 64) {
            throw new IllegalArgumentException("safe primes below 64 bits are not supported: " + bits);
        }
        long tried = 0;
        while (true) {
            BigInteger start = randomStart(bits - 1, rnd);
            boolean[] struck = sieve(start);
            for (int j = 0; j < WINDOW; j++) {
                if (struck[j]) {
                    continue;
                }
                tried++;
                if (tried % REPORT_EVERY == 0) {
                    progress.report(stage, tried);
                }
                BigInteger pPrime = start.add(BigInteger.valueOf((long) STEP * j));
                if (!Primality.passesFermatBaseTwo(pPrime)) {
                    continue;
                }
                BigInteger p = pPrime.shiftLeft(1).setBit(0);
                if (Primality.passesFermatBaseTwo(p)
                        && Primality.isProbablePrime(pPrime, Primality.ROUNDS, rnd)
                        && Primality.isProbablePrime(p, Primality.ROUNDS, rnd)) {
                    progress.report(stage + " found", tried);
                    return p;
                }
            }
        }
    }

    /** True if p is a safe prime (p and (p-1)/2 both prime); used to check supplied primes. */
    static boolean isSafePrime(BigInteger p, SecureRandom rnd) {
        if (p.bitLength() < 3 || !p.testBit(0)) {
            return false;
        }
        BigInteger pPrime = p.shiftRight(1);
        return Primality.isProbablePrime(pPrime, Primality.ROUNDS, rnd)
                && Primality.isProbablePrime(p, Primality.ROUNDS, rnd);
    }

    /**
     * A random start s = 5 (mod 6) with the two top bits of its {@code bits} bits set, low
     * enough that the whole window stays within {@code bits} bits.
     */
    static BigInteger randomStart(int bits, SecureRandom rnd) {
        BigInteger limit = BigInteger.ONE.shiftLeft(bits)
                .subtract(BigInteger.valueOf((long) STEP * (WINDOW + 1)));
        while (true) {
            BigInteger s = new BigInteger(bits, rnd).setBit(bits - 1).setBit(bits - 2);
            int r = s.mod(BigInteger.valueOf(STEP)).intValue();
            s = s.add(BigInteger.valueOf((5 - r + STEP) % STEP));
            if (s.compareTo(limit) < 0) {
                return s;
            }
        }
    }

    /**
     * struck[j] is true when s + 6j or 2(s + 6j) + 1 has an odd prime factor below 2^16
     * (other than 3, which the progression already excludes).
     */
    static boolean[] sieve(BigInteger start) {
        boolean[] struck = new boolean[WINDOW];
        for (int at = 0; at < Primality.SMALL_ODD_PRIMES.length; at++) {
            int l = Primality.SMALL_ODD_PRIMES[at];
            if (l == 3) {
                continue;
            }
            int r = start.mod(BigInteger.valueOf(l)).intValue();
            int inverseOfStep = INVERSE_OF_STEP[at];
            // s + 6j = 0 (mod l): p' divisible by l.
            strike(struck, (int) ((long) (l - r) % l * inverseOfStep % l), l);
            // s + 6j = (l - 1)/2 (mod l): then 2p' + 1 is divisible by l.
            int half = (l - 1) / 2;
            strike(struck, (int) ((long) ((half - r) % l + l) % l * inverseOfStep % l), l);
        }
        return struck;
    }

    private static int[] inversesOfStep() {
        int[] primes = Primality.SMALL_ODD_PRIMES;
        int[] inverses = new int[primes.length];
        for (int at = 0; at < primes.length; at++) {
            if (primes[at] != 3) {
                inverses[at] = BigInteger.valueOf(STEP).modInverse(BigInteger.valueOf(primes[at])).intValue();
            }
        }
        return inverses;
    }

    private static void strike(boolean[] struck, int first, int l) {
        for (int j = first; j < struck.length; j += l) {
            struck[j] = true;
        }
    }
}
