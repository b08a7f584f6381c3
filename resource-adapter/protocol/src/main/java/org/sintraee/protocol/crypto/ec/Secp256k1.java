package org.sintraee.protocol.crypto.ec;

import java.math.BigInteger;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.FixedPointUtil;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.Hashes;

/**
 * The prime-order group every discrete-log scheme here works in: secp256k1
 * (cofactor 1, so every decoded point other than infinity is in the group).
 *
 * <p>Rules this class enforces: untrusted points only through {@link #decodePoint},
 * which rejects infinity and anything off the curve; secret scalars only through
 * constant-time multiplication; fixed bases precomputed once.
 */
public final class Secp256k1 {

    public static final int POINT_BYTES = 33;
    public static final int SCALAR_BYTES = 32;

    private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
    public static final ECCurve CURVE = PARAMS.getCurve();
    /** The group order q. */
    public static final BigInteger Q = PARAMS.getN();
    /** The standard generator g, with its comb table precomputed. */
    public static final ECPoint G = precomputed(PARAMS.getG());
    /**
     * A second generator g-bar for TDH2, hashed onto the curve so that nobody knows
     * its discrete log to base g.
     */
    public static final ECPoint G_BAR = precomputed(hashToPoint("sintra-ee/tdh2/g-bar", new byte[0]));

    private static final ECMultiplier COMB = new FixedPointCombMultiplier();

    private Secp256k1() {
    }

    /** {@code base^k} for a fixed base ({@link #G} or {@link #G_BAR}); the comb is regular, so safe for secrets. */
    public static ECPoint fixedBaseMul(ECPoint base, BigInteger k) {
        return COMB.multiply(base, k.mod(Q)).normalize();
    }

    /** {@code p^k} where k is secret: constant time. */
    public static ECPoint mulSecret(ECPoint p, BigInteger k) {
        return ECAlgorithms.multiplySecret(p, k.mod(Q)).normalize();
    }

    /** {@code p^k} where p and k are public. */
    public static ECPoint mul(ECPoint p, BigInteger k) {
        return p.multiply(k.mod(Q)).normalize();
    }

    /** {@code a^x b^y} for public scalars: the verification equations' workhorse. */
    public static ECPoint sumOfTwoMultiplies(ECPoint a, BigInteger x, ECPoint b, BigInteger y) {
        return ECAlgorithms.sumOfTwoMultiplies(a, x.mod(Q), b, y.mod(Q)).normalize();
    }

    /** Compressed 33-byte encoding. */
    public static byte[] encode(ECPoint p) {
        return p.getEncoded(true);
    }

    /**
     * Decodes an untrusted compressed point. Empty with a reason when the bytes are not
     * 33 bytes, not a compressed encoding, not on the curve, or infinity.
     */
    public static Decoded<ECPoint> decodePoint(byte[] bytes) {
        if (bytes == null || bytes.length != POINT_BYTES) {
            return Decoded.error("point must be " + POINT_BYTES + " bytes, got "
                    + (bytes == null ? "none" : bytes.length));
        }
        if (bytes[0] != 0x02 && bytes[0] != 0x03) {
            return Decoded.error("point is not a compressed encoding (prefix " + (bytes[0] & 0xff) + ")");
        }
        try {
            ECPoint p = CURVE.decodePoint(bytes);
            if (p.isInfinity() || !p.isValid()) {
                return Decoded.error("point is infinity or not in the group");
            }
            return Decoded.of(p.normalize());
        } catch (IllegalArgumentException | ArithmeticException e) {
            return Decoded.error("point is not on the curve");
        }
    }

    /** Decodes an untrusted 32-byte big-endian scalar, rejecting values not below q. */
    public static Decoded<BigInteger> decodeScalar(byte[] bytes) {
        if (bytes == null || bytes.length != SCALAR_BYTES) {
            return Decoded.error("scalar must be " + SCALAR_BYTES + " bytes, got "
                    + (bytes == null ? "none" : bytes.length));
        }
        BigInteger s = new BigInteger(1, bytes);
        if (s.compareTo(Q) >= 0) {
            return Decoded.error("scalar is not below the group order");
        }
        return Decoded.of(s);
    }

    /** Fixed-length 32-byte big-endian encoding of a scalar in [0, q). */
    public static byte[] encodeScalar(BigInteger s) {
        byte[] raw = s.mod(Q).toByteArray();
        byte[] out = new byte[SCALAR_BYTES];
        int copy = Math.min(raw.length, SCALAR_BYTES);
        System.arraycopy(raw, raw.length - copy, out, SCALAR_BYTES - copy, copy);
        return out;
    }

    /**
     * Hash onto the group by domain-separated try-and-increment: hash (domain, counter,
     * data) to an x-coordinate until it lies on the curve (half of all x do). Inputs are
     * public, so the variable number of tries leaks nothing. The discrete log of the
     * result is unknown to everyone, unlike {@code g^{H(data)}}.
     */
    public static ECPoint hashToPoint(String domain, byte[] data) {
        byte[] candidate = new byte[POINT_BYTES];
        for (int counter = 0; ; counter++) {
            byte[] x = Hashes.sha256(domain, Hashes.int32(counter), data);
            candidate[0] = 0x02;
            System.arraycopy(x, 0, candidate, 1, 32);
            Optional<ECPoint> p = decodePoint(candidate).value();
            if (p.isPresent()) {
                return p.get();
            }
        }
    }

    /** All points normalised in one batch (one field inversion), then encoded. */
    public static byte[][] encodeAll(ECPoint... points) {
        ECPoint[] copy = points.clone();
        CURVE.normalizeAll(copy);
        byte[][] out = new byte[copy.length][];
        for (int i = 0; i < copy.length; i++) {
            out[i] = copy[i].getEncoded(true);
        }
        return out;
    }

    private static ECPoint precomputed(ECPoint p) {
        FixedPointUtil.precompute(p);
        return p;
    }
}
