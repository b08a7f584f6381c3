package org.sintraee.protocol.crypto.ec;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.sintraee.protocol.crypto.Shamir;

/** Load-time checks of a dealt discrete-log key's public parts (g^x and the g^{x_i}). */
public final class VerificationKeys {

    private VerificationKeys() {
    }

    /** {@code p}, normalised, if it is a point of secp256k1 other than infinity; else names {@code field}. */
    static ECPoint requireGroupElement(ECPoint p, String field) {
        if (p == null || p.isInfinity() || !p.getCurve().equals(Secp256k1.CURVE) || !p.isValid()) {
            throw new IllegalArgumentException(field + " is not a group element");
        }
        return p.normalize();
    }

    /**
     * All n verification keys must lie on one polynomial of degree k-1 whose value at 0 is the
     * public key. The sets {1..k-1, j} for j = k..n each interpolate to it exactly when that
     * holds (the points 0, 1..k-1 fix the polynomial, and each j must then lie on it). A key
     * file mixing two dealings fails here, not later as shares that never combine.
     *
     * @param what the scheme's name for messages, e.g. "tdh2"
     */
    static void requireConsistent(String what, int threshold, ECPoint publicKey, ECPoint[] keys) {
        int j = firstInconsistent(threshold, publicKey, Arrays.asList(keys));
        if (j != 0) {
            throw new IllegalArgumentException(what + " verification key " + j + " is inconsistent: keys 1.."
                    + (threshold - 1) + " and " + j + " do not interpolate to the " + what + " public key");
        }
    }

    /**
     * The same check for callers that report errors their own way (the key-file loader).
     *
     * @return the first index j (1-based) whose key does not fit, or 0 if all fit
     */
    public static int firstInconsistent(int threshold, ECPoint publicKey, List<ECPoint> keys) {
        int[] indices = new int[threshold];
        ECPoint[] points = new ECPoint[threshold];
        for (int a = 0; a < threshold - 1; a++) {
            indices[a] = a + 1;
            points[a] = keys.get(a);
        }
        for (int j = threshold; j <= keys.size(); j++) {
            indices[threshold - 1] = j;
            points[threshold - 1] = keys.get(j - 1);
            BigInteger[] lambda = Shamir.lagrangeAtZero(indices, Secp256k1.Q);
            if (!ECAlgorithms.sumOfMultiplies(points, lambda).normalize().equals(publicKey)) {
                return j;
            }
        }
        return 0;
    }
}
