package org.sintraee.protocol.crypto.shoup;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The trusted dealer of Shoup's scheme (paper, section 2.1): N = pq from safe primes
 * p = 2p'+1, q = 2q'+1, m = p'q', a prime e &gt; n, d = e^{-1} mod m, a random polynomial f
 * of degree k-1 over Z_m with f(0) = d, shares s_i = f(i), a random square v and
 * v_i = v^{s_i}. p, q, m and d are dropped when dealing ends.
 *
 * <p>All randomness comes from the caller's {@link SecureRandom}.
 */
public final class ShoupDealer {

    /** The modulus size a production deployment should use. */
    public static final int DEFAULT_MODULUS_BITS = 2048;
    /** {@link #deal} refuses anything smaller; only {@link #dealInsecureForTests} goes below. */
    public static final int MIN_PRODUCTION_MODULUS_BITS = 2048;

    private static final BigInteger F4 = BigInteger.valueOf(65537);

    private ShoupDealer() {
    }

    /** Deals a key set with a modulus of at least {@link #MIN_PRODUCTION_MODULUS_BITS} bits. */
    public static ShoupKeySet deal(int n, int k, int modulusBits, SecureRandom rnd) {
        return deal(n, k, modulusBits, rnd, DealProgress.NONE);
    }

    /** As {@link #deal(int, int, int, SecureRandom)}, reporting progress of the slow prime search. */
    public static ShoupKeySet deal(int n, int k, int modulusBits, SecureRandom rnd, DealProgress progress) {
        return dealWithFreshPrimes(n, k, modulusBits, rnd, progress, false);
    }

    /**
     * TESTS ONLY: allows moduli down to {@link ShoupPublicKey#MIN_MODULUS_BITS} (512) bits,
     * which anyone can factor. Never use for a real deployment.
     */
    public static ShoupKeySet dealInsecureForTests(int n, int k, int modulusBits, SecureRandom rnd) {
        return dealWithFreshPrimes(n, k, modulusBits, rnd, DealProgress.NONE, true);
    }

    /**
     * Deals from given safe primes (checked), e.g. a committed test fixture, so tests get
     * a large modulus without the prime search.
     *
     * @param allowInsecureTestModulus true only in tests: permits N below the production minimum
     */
    static ShoupKeySet dealFromSafePrimes(BigInteger p, BigInteger q, int n, int k, SecureRandom rnd,
                                          boolean allowInsecureTestModulus, DealProgress progress) {
        Objects.requireNonNull(p, "p");
        Objects.requireNonNull(q, "q");
        Objects.requireNonNull(rnd, "rnd");
        Objects.requireNonNull(progress, "progress");
        checkParameters(n, k, p.multiply(q).bitLength(), allowInsecureTestModulus);
        if (p.equals(q)) {
            throw new IllegalArgumentException("primes p and q must differ");
        }
        if (!SafePrimeGenerator.isSafePrime(p, rnd) || !SafePrimeGenerator.isSafePrime(q, rnd)) {
            throw new IllegalArgumentException("p and q must be safe primes (p = 2p' + 1 with p' prime)");
        }
        return dealFromCheckedPrimes(p, q, n, k, rnd, progress);
    }

    private static ShoupKeySet dealWithFreshPrimes(int n, int k, int modulusBits, SecureRandom rnd,
                                                   DealProgress progress, boolean allowInsecureTestModulus) {
        Objects.requireNonNull(rnd, "rnd");
        Objects.requireNonNull(progress, "progress");
        checkParameters(n, k, modulusBits, allowInsecureTestModulus);
        if (modulusBits % 2 != 0) {
            throw new IllegalArgumentException("modulusBits must be even (two primes of equal size): " + modulusBits);
        }
        BigInteger p = SafePrimeGenerator.generate(modulusBits / 2, rnd, progress, "safe prime p");
        BigInteger q;
        do {
            q = SafePrimeGenerator.generate(modulusBits / 2, rnd, progress, "safe prime q");
        } while (q.equals(p));
        return dealFromCheckedPrimes(p, q, n, k, rnd, progress);
    }

    private static void checkParameters(int n, int k, int modulusBits, boolean allowInsecureTestModulus) {
        if (n < 1 || n > ShoupPublicKey.MAX_SERVERS) {
            throw new IllegalArgumentException("number of servers n must be in [1, " + ShoupPublicKey.MAX_SERVERS
                    + "]: " + n);
        }
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("threshold k must be in [1, n=" + n + "]: " + k);
        }
        int minimum = allowInsecureTestModulus ? ShoupPublicKey.MIN_MODULUS_BITS : MIN_PRODUCTION_MODULUS_BITS;
        if (modulusBits < minimum || modulusBits > ShoupPublicKey.MAX_MODULUS_BITS) {
            throw new IllegalArgumentException("modulusBits must be in [" + minimum + ", "
                    + ShoupPublicKey.MAX_MODULUS_BITS + "]: " + modulusBits
                    + (allowInsecureTestModulus ? "" : " (small moduli are for tests only: dealInsecureForTests)"));
        }
    }

    private static ShoupKeySet dealFromCheckedPrimes(BigInteger p, BigInteger q, int n, int k,
                                                     SecureRandom rnd, DealProgress progress) {
        BigInteger modulus = p.multiply(q);
        BigInteger m = p.shiftRight(1).multiply(q.shiftRight(1)); // p'q'
        BigInteger e = publicExponent(n, m);
        BigInteger d = e.modInverse(m);

        // f(X) = d + a_1 X + ... + a_{k-1} X^{k-1} over Z_m.
        BigInteger[] coefficients = new BigInteger[k];
        coefficients[0] = d;
        for (int j = 1; j < k; j++) {
            coefficients[j] = Numbers.randomBelow(m, rnd);
        }
        BigInteger v = verificationBase(modulus, rnd);
        BigInteger u = unitWithJacobiMinusOne(modulus, rnd);

        List<BigInteger> shareValues = new ArrayList<>(n);
        List<BigInteger> verificationKeys = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            BigInteger si = evaluate(coefficients, i, m);
            shareValues.add(si);
            verificationKeys.add(v.modPow(si, modulus));
            progress.report("shares", i);
        }
        ShoupPublicKey publicKey = new ShoupPublicKey(modulus, e, n, k, v, verificationKeys, u);
        List<ShoupKeyShare> shares = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            shares.add(new ShoupKeyShare(i, shareValues.get(i - 1), publicKey));
        }
        return new ShoupKeySet(publicKey, shares);
    }

    /** 65537 when n &lt; 65537, else the next prime above n; skipping any prime dividing m. */
    static BigInteger publicExponent(int n, BigInteger m) {
        BigInteger e = n < F4.intValueExact() ? F4 : BigInteger.valueOf(n + 1L);
        while (!Numbers.isSmallPrime(e) || m.mod(e).signum() == 0) {
            e = e.add(BigInteger.ONE);
        }
        return e;
    }

    /**
     * A random square v with gcd(v - 1, N) = 1. QR_N is cyclic of order p'q', so v generates
     * it exactly when v is 1 neither mod p nor mod q: then v_i pins down s_i mod m.
     */
    private static BigInteger verificationBase(BigInteger modulus, SecureRandom rnd) {
        BigInteger v;
        do {
            BigInteger r = Numbers.randomUnit(modulus, rnd);
            v = r.multiply(r).mod(modulus);
        } while (!v.subtract(BigInteger.ONE).gcd(modulus).equals(BigInteger.ONE));
        return v;
    }

    private static BigInteger unitWithJacobiMinusOne(BigInteger modulus, SecureRandom rnd) {
        BigInteger u;
        do {
            u = Numbers.randomUnit(modulus, rnd);
        } while (Jacobi.symbol(u, modulus) != -1);
        return u;
    }

    /** f(i) mod m by Horner's rule. */
    private static BigInteger evaluate(BigInteger[] coefficients, int i, BigInteger m) {
        BigInteger x = BigInteger.valueOf(i);
        BigInteger y = BigInteger.ZERO;
        for (int j = coefficients.length - 1; j >= 0; j--) {
            y = y.multiply(x).add(coefficients[j]).mod(m);
        }
        return y;
    }
}
