package org.sintraee.protocol.crypto.shoup;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

/** Small integer helpers shared by the dealer, signer and combiner. */
final class Numbers {

    private Numbers() {
    }

    /** Uniform in [0, bound), by rejection so there is no modulo bias. */
    static BigInteger randomBelow(BigInteger bound, SecureRandom rnd) {
        if (bound.signum() <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        int bits = bound.bitLength();
        BigInteger r;
        do {
            r = new BigInteger(bits, rnd);
        } while (r.compareTo(bound) >= 0);
        return r;
    }

    /** Uniform in Z_N^*: [1, N) and coprime to N. */
    static BigInteger randomUnit(BigInteger modulus, SecureRandom rnd) {
        BigInteger r;
        do {
            r = randomBelow(modulus, rnd);
        } while (r.signum() == 0 || !r.gcd(modulus).equals(BigInteger.ONE));
        return r;
    }

    /** Delta = n!, which clears the denominators of the Lagrange coefficients. */
    static BigInteger factorial(int n) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            f = f.multiply(BigInteger.valueOf(i));
        }
        return f;
    }

    /** True for 1 <= value < modulus with gcd(value, modulus) = 1. */
    static boolean isUnit(BigInteger value, BigInteger modulus) {
        return value.signum() > 0 && value.compareTo(modulus) < 0
                && value.gcd(modulus).equals(BigInteger.ONE);
    }

    /** The minimal big-endian unsigned bytes of a non-negative value (empty for zero). */
    static byte[] unsignedBytes(BigInteger value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("negative value has no unsigned encoding");
        }
        byte[] b = value.toByteArray();
        int skip = 0;
        while (skip < b.length && b[skip] == 0) {
            skip++;
        }
        return Arrays.copyOfRange(b, skip, b.length);
    }

    /** Big-endian unsigned, left-padded with zeros to exactly {@code length} bytes. */
    static byte[] fixedLength(BigInteger value, int length) {
        byte[] minimal = unsignedBytes(value);
        if (minimal.length > length) {
            throw new IllegalArgumentException("value does not fit in " + length + " bytes");
        }
        byte[] out = new byte[length];
        System.arraycopy(minimal, 0, out, length - minimal.length, minimal.length);
        return out;
    }

    /** base^exponent mod N for a possibly negative exponent; base must be a unit mod N. */
    static BigInteger powSigned(BigInteger base, BigInteger exponent, BigInteger modulus) {
        if (exponent.signum() >= 0) {
            return base.modPow(exponent, modulus);
        }
        return base.modInverse(modulus).modPow(exponent.negate(), modulus);
    }

    /** Exact primality for values below 2^31 (the public exponent), by trial division. */
    static boolean isSmallPrime(BigInteger value) {
        if (value.signum() <= 0 || value.bitLength() > 31) {
            return false;
        }
        int v = value.intValueExact();
        if (v < 2) {
            return false;
        }
        if (v % 2 == 0) {
            return v == 2;
        }
        for (int f = 3; (long) f * f <= v; f += 2) {
            if (v % f == 0) {
                return false;
            }
        }
        return true;
    }
}
