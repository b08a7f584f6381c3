package org.sintraee.protocol.crypto.ec;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.sintraee.protocol.crypto.CoinValue;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.Hashes;
import org.sintraee.protocol.crypto.Shamir;
import org.sintraee.protocol.crypto.Share;
import org.sintraee.protocol.crypto.ThresholdCoin;
import org.sintraee.protocol.crypto.Verdict;

/**
 * The Diffie–Hellman threshold coin of CKS00 §5. The dealer shares a secret x with
 * Shamir (degree k-1); server i publishes {@code g^{x_i}}. For coin name C, server i's
 * share is {@code h^{x_i}} with {@code h = H_G(C)} (a real hash onto the group, so that
 * nobody knows log_g h), proved correct by a Chaum–Pedersen proof bound to C. Any k
 * valid shares interpolate to {@code h^x} in the exponent; the coin is H(C, h^x).
 * Predicting it without k shares is the computational Diffie–Hellman problem.
 */
public final class DhThresholdCoin implements ThresholdCoin {

    static final String DOMAIN = "sintra-ee/coin";
    public static final int SHARE_BYTES = Secp256k1.POINT_BYTES + Dleq.PROOF_BYTES;

    private final int threshold;
    private final ECPoint[] verificationKeys;

    /**
     * @param verificationKeys {@code g^{x_i}} for i = 1..n, already validated group elements
     */
    public DhThresholdCoin(int threshold, List<ECPoint> verificationKeys) {
        if (threshold < 1 || threshold > verificationKeys.size()) {
            throw new IllegalArgumentException("coin threshold " + threshold + " must be in 1.."
                    + verificationKeys.size());
        }
        this.threshold = threshold;
        this.verificationKeys = verificationKeys.toArray(new ECPoint[0]);
        for (int i = 0; i < this.verificationKeys.length; i++) {
            if (this.verificationKeys[i] == null || this.verificationKeys[i].isInfinity()) {
                throw new IllegalArgumentException("coin verification key " + (i + 1) + " is not a group element");
            }
        }
    }

    @Override
    public int servers() {
        return verificationKeys.length;
    }

    @Override
    public int threshold() {
        return threshold;
    }

    /** {@code g^{x_i}} of share index i (1-based). */
    public ECPoint verificationKey(int index) {
        return verificationKeys[index - 1];
    }

    static ECPoint base(byte[] name) {
        return Secp256k1.hashToPoint(DOMAIN + "/base", name);
    }

    @Override
    public Verdict verifyShare(byte[] name, Share share) {
        if (share.index() < 1 || share.index() > verificationKeys.length) {
            return Verdict.invalid("coin share index " + share.index() + " is not in 1.." + verificationKeys.length);
        }
        byte[] data = share.data();
        if (data.length != SHARE_BYTES) {
            return Verdict.invalid("coin share must be " + SHARE_BYTES + " bytes, got " + data.length);
        }
        Decoded<ECPoint> point = Secp256k1.decodePoint(java.util.Arrays.copyOf(data, Secp256k1.POINT_BYTES));
        if (!point.ok()) {
            return Verdict.invalid("coin share value: " + point.error());
        }
        Decoded<Dleq.Proof> proof = Dleq.Proof.decode(data, Secp256k1.POINT_BYTES);
        if (!proof.ok()) {
            return Verdict.invalid("coin share " + proof.error());
        }
        Dleq.Statement st = new Dleq.Statement(Secp256k1.G, verificationKey(share.index()), base(name), point.get());
        Verdict v = Dleq.verify(DOMAIN, st, proof.get(), name);
        return v.isValid() ? v : Verdict.invalid("coin share " + v.reason());
    }

    @Override
    public CoinValue combine(byte[] name, Collection<Share> validShares) {
        Map<Integer, Share> byIndex = new TreeMap<>();
        for (Share s : validShares) {
            byIndex.putIfAbsent(s.index(), s);
        }
        if (byIndex.size() < threshold) {
            throw new IllegalArgumentException("need " + threshold + " distinct coin shares, got " + byIndex.size());
        }
        List<Share> chosen = new ArrayList<>(byIndex.values()).subList(0, threshold);
        int[] indices = new int[threshold];
        ECPoint[] points = new ECPoint[threshold];
        for (int a = 0; a < threshold; a++) {
            Share s = chosen.get(a);
            indices[a] = s.index();
            Decoded<ECPoint> p = Secp256k1.decodePoint(java.util.Arrays.copyOf(s.data(), Secp256k1.POINT_BYTES));
            if (!p.ok()) {
                throw new IllegalArgumentException("combine given an unverified coin share: " + p.error());
            }
            points[a] = p.get();
        }
        BigInteger[] lambda = Shamir.lagrangeAtZero(indices, Secp256k1.Q);
        ECPoint hx = ECAlgorithms.sumOfMultiplies(points, lambda).normalize();
        return new CoinValue(Hashes.sha256(DOMAIN + "/value", name, Secp256k1.encode(hx)));
    }
}
