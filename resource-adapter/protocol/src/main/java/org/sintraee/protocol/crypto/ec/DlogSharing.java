package org.sintraee.protocol.crypto.ec;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.sintraee.protocol.crypto.Shamir;

/**
 * A dealt discrete-log key: secret x shared with Shamir (any {@code threshold} of n
 * shares recover it), public key {@code g^x}, verification keys {@code g^{x_i}}.
 * The threshold coin and TDH2 are both dealt this way, each with its own x.
 * Dealer-side only: it holds every share.
 */
public final class DlogSharing {
    private final int threshold;
    private final ECPoint publicKey;
    private final List<ECPoint> verificationKeys;
    private final List<BigInteger> secretShares;

    private DlogSharing(int threshold, ECPoint publicKey, List<ECPoint> verificationKeys,
            List<BigInteger> secretShares) {
        this.threshold = threshold;
        this.publicKey = publicKey;
        this.verificationKeys = List.copyOf(verificationKeys);
        this.secretShares = List.copyOf(secretShares);
    }

    public static DlogSharing deal(int n, int threshold, SecureRandom rnd) {
        BigInteger x;
        do {
            x = Shamir.randomBelow(Secp256k1.Q, rnd);
        } while (x.signum() == 0);
        BigInteger[] shares;
        do {
            // A zero share would be rejected at load time; redraw (probability ~n/q).
            shares = Shamir.share(x, threshold, n, Secp256k1.Q, rnd);
        } while (java.util.Arrays.stream(shares).anyMatch(s -> s.signum() == 0));
        List<ECPoint> vks = new ArrayList<>(n);
        for (BigInteger s : shares) {
            vks.add(Secp256k1.fixedBaseMul(Secp256k1.G, s));
        }
        return new DlogSharing(threshold, Secp256k1.fixedBaseMul(Secp256k1.G, x), vks, List.of(shares));
    }

    public int threshold() {
        return threshold;
    }

    public ECPoint publicKey() {
        return publicKey;
    }

    public List<ECPoint> verificationKeys() {
        return verificationKeys;
    }

    /** x_i of share index i (1-based). */
    public BigInteger secretShare(int index) {
        return secretShares.get(index - 1);
    }

    @Override
    public String toString() {
        return "DlogSharing[n=" + verificationKeys.size() + ", threshold=" + threshold + ", shares=<redacted>]";
    }
}
