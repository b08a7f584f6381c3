package org.sintraee.runtime.keys;

import java.math.BigInteger;
import java.util.List;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.sintraee.protocol.crypto.Shamir;
import org.sintraee.protocol.crypto.ec.Secp256k1;

/**
 * Checks that verification keys g^{x_1..x_n} of a k-of-n sharing lie on one polynomial of
 * degree k-1 whose value at 0 is the public key g^x. Used for the coin, whose scheme class
 * takes no public key and so cannot check this itself; a file mixing two dealings then
 * fails at load time, not later as coin shares that never combine.
 */
final class DlogConsistency {

    private DlogConsistency() {
    }

    /**
     * The points 0 and 1..k-1 fix the polynomial; each j in k..n must interpolate with 1..k-1
     * to the public key.
     *
     * @return the first index j whose key does not fit, or 0 if all fit
     */
    static int firstInconsistent(int k, ECPoint publicKey, List<ECPoint> keys) {
        int[] indices = new int[k];
        ECPoint[] points = new ECPoint[k];
        for (int a = 0; a < k - 1; a++) {
            indices[a] = a + 1;
            points[a] = keys.get(a);
        }
        for (int j = k; j <= keys.size(); j++) {
            indices[k - 1] = j;
            points[k - 1] = keys.get(j - 1);
            BigInteger[] lambda = Shamir.lagrangeAtZero(indices, Secp256k1.Q);
            if (!ECAlgorithms.sumOfMultiplies(points, lambda).normalize().equals(publicKey)) {
                return j;
            }
        }
        return 0;
    }
}
