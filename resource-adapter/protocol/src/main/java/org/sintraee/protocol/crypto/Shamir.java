package org.sintraee.protocol.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Shamir secret sharing over Z_m and Lagrange coefficients at zero: {@code k} of
 * {@code n} shares determine the secret, fewer reveal nothing. Share indices are
 * 1..n (the polynomial's x-coordinates; 0 is the secret).
 */
public final class Shamir {

    private Shamir() {
    }

    /**
     * Shares {@code secret} with a random polynomial of degree {@code k - 1} over Z_m.
     *
     * @return element {@code i - 1} is the share of index {@code i}
     */
    public static BigInteger[] share(BigInteger secret, int k, int n, BigInteger m, SecureRandom rnd) {
        checkThreshold(k, n);
        BigInteger[] coeffs = new BigInteger[k];
        coeffs[0] = secret.mod(m);
        for (int j = 1; j < k; j++) {
            coeffs[j] = randomBelow(m, rnd);
        }
        BigInteger[] shares = new BigInteger[n];
        for (int i = 1; i <= n; i++) {
            shares[i - 1] = evaluate(coeffs, BigInteger.valueOf(i), m);
        }
        Arrays.fill(coeffs, BigInteger.ZERO);
        return shares;
    }

    /**
     * The Lagrange coefficients {@code lambda_i} at zero for the given distinct indices,
     * mod a prime {@code q}: {@code f(0) = sum lambda_i f(i)}.
     */
    public static BigInteger[] lagrangeAtZero(int[] indices, BigInteger q) {
        requireDistinctPositive(indices);
        BigInteger[] lambda = new BigInteger[indices.length];
        for (int a = 0; a < indices.length; a++) {
            BigInteger num = BigInteger.ONE;
            BigInteger den = BigInteger.ONE;
            for (int b = 0; b < indices.length; b++) {
                if (a != b) {
                    num = num.multiply(BigInteger.valueOf(indices[b])).mod(q);
                    den = den.multiply(BigInteger.valueOf(indices[b] - indices[a])).mod(q);
                }
            }
            lambda[a] = num.multiply(den.modInverse(q)).mod(q);
        }
        return lambda;
    }

    /** Interpolates f(0) from points (indices[a], values[a]) mod a prime q. */
    public static BigInteger interpolateAtZero(int[] indices, BigInteger[] values, BigInteger q) {
        BigInteger[] lambda = lagrangeAtZero(indices, q);
        BigInteger sum = BigInteger.ZERO;
        for (int a = 0; a < indices.length; a++) {
            sum = sum.add(lambda[a].multiply(values[a]));
        }
        return sum.mod(q);
    }

    /** A uniform value in [0, m). */
    public static BigInteger randomBelow(BigInteger m, SecureRandom rnd) {
        BigInteger r;
        do {
            r = new BigInteger(m.bitLength(), rnd);
        } while (r.compareTo(m) >= 0);
        return r;
    }

    static void checkThreshold(int k, int n) {
        if (n < 1 || k < 1 || k > n) {
            throw new IllegalArgumentException("threshold k=" + k + " must be in 1..n with n=" + n);
        }
    }

    private static BigInteger evaluate(BigInteger[] coeffs, BigInteger x, BigInteger m) {
        BigInteger y = BigInteger.ZERO;
        for (int j = coeffs.length - 1; j >= 0; j--) {
            y = y.multiply(x).add(coeffs[j]).mod(m);
        }
        return y;
    }

    private static void requireDistinctPositive(int[] indices) {
        int[] sorted = indices.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] < 1 || (i > 0 && sorted[i] == sorted[i - 1])) {
                throw new IllegalArgumentException("share indices must be distinct and positive: "
                        + Arrays.toString(indices));
            }
        }
    }
}
