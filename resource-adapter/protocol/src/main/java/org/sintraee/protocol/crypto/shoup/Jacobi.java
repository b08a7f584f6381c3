package org.sintraee.protocol.crypto.shoup;

import java.math.BigInteger;

/**
 * The Jacobi symbol (a|n) for odd positive n. {@link BigInteger} has none, and the
 * scheme needs it to move the message representative into the elements of Jacobi
 * symbol +1 (see the package documentation). Computed by quadratic reciprocity, so it
 * needs no factorisation of n and is public information.
 */
final class Jacobi {

    private Jacobi() {
    }

    /** Returns -1, 0 or +1; 0 exactly when gcd(a, n) != 1. */
    static int symbol(BigInteger a, BigInteger n) {
        if (n.signum() <= 0 || !n.testBit(0)) {
            throw new IllegalArgumentException("Jacobi symbol needs an odd positive modulus");
        }
        BigInteger x = a.mod(n);
        BigInteger m = n;
        int result = 1;
        while (x.signum() != 0) {
            // Pull out factors of two: (2|m) = -1 exactly when m = 3 or 5 (mod 8).
            int twos = x.getLowestSetBit();
            x = x.shiftRight(twos);
            int mMod8 = m.intValue() & 7;
            if ((twos & 1) == 1 && (mMod8 == 3 || mMod8 == 5)) {
                result = -result;
            }
            // Reciprocity: swapping flips the sign exactly when both are 3 (mod 4).
            if (x.testBit(1) && m.testBit(1)) {
                result = -result;
            }
            BigInteger t = x;
            x = m.mod(t);
            m = t;
        }
        return m.equals(BigInteger.ONE) ? result : 0;
    }
}
