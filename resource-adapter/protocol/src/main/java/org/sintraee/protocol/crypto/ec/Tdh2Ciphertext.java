package org.sintraee.protocol.crypto.ec;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import org.sintraee.protocol.crypto.Ciphertext;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.Hashes;

/**
 * The layout of a TDH2 ciphertext's body, and its parsing from untrusted bytes.
 *
 * <pre>
 *   u (33) || ū (33) || e (32) || f (32) || iv (12) || AES-GCM ciphertext and tag (16 + |m|)
 *   \______________ TDH2 part ___________/   \____________ payload (DEM) ___________/
 * </pre>
 *
 * Points are compressed, scalars fixed-length big-endian below q, so the body of a given
 * ciphertext is unique. The label L travels in {@link Ciphertext} itself.
 */
final class Tdh2Ciphertext {

    static final int U_AT = 0;
    static final int U_BAR_AT = U_AT + Secp256k1.POINT_BYTES;
    static final int E_AT = U_BAR_AT + Secp256k1.POINT_BYTES;
    static final int F_AT = E_AT + Secp256k1.SCALAR_BYTES;
    /** Where the TDH2 part ends and the payload (iv first) begins. */
    static final int PAYLOAD_AT = F_AT + Secp256k1.SCALAR_BYTES;
    static final int IV_BYTES = 12;
    static final int TAG_BYTES = 16;
    static final int MIN_BODY_BYTES = PAYLOAD_AT + IV_BYTES + TAG_BYTES;
    static final int MAX_BODY_BYTES = MIN_BODY_BYTES + Tdh2.MAX_PLAINTEXT_BYTES;

    static {
        // The generic bound must leave room for TDH2's largest body, or encrypt could not build one.
        if (MAX_BODY_BYTES > Ciphertext.MAX_BODY_BYTES) {
            throw new ExceptionInInitializerError("TDH2 body bound exceeds the ciphertext bound");
        }
    }

    /** The decoded TDH2 part (u, ū, e, f) and its exact bytes. */
    record Header(ECPoint u, ECPoint uBar, BigInteger e, BigInteger f, byte[] encoded) {
    }

    private Tdh2Ciphertext() {
    }

    /**
     * Decodes the TDH2 part of an untrusted ciphertext after checking the body's length
     * bounds: points must be on the curve and not infinity, scalars below q. Never throws.
     */
    static Decoded<Header> header(Ciphertext ct) {
        int length = ct.bodyLength();
        if (length < MIN_BODY_BYTES) {
            return Decoded.error("ciphertext body is " + length + " bytes, a TDH2 ciphertext has at least "
                    + MIN_BODY_BYTES);
        }
        if (length > MAX_BODY_BYTES) {
            return Decoded.error("ciphertext body is " + length + " bytes, more than the TDH2 bound " + MAX_BODY_BYTES);
        }
        byte[] head = ct.bodyRange(0, PAYLOAD_AT);
        Decoded<ECPoint> u = Secp256k1.decodePoint(slice(head, U_AT, Secp256k1.POINT_BYTES));
        if (!u.ok()) {
            return Decoded.error("ciphertext u: " + u.error());
        }
        Decoded<ECPoint> uBar = Secp256k1.decodePoint(slice(head, U_BAR_AT, Secp256k1.POINT_BYTES));
        if (!uBar.ok()) {
            return Decoded.error("ciphertext u-bar: " + uBar.error());
        }
        Decoded<BigInteger> e = Secp256k1.decodeScalar(slice(head, E_AT, Secp256k1.SCALAR_BYTES));
        if (!e.ok()) {
            return Decoded.error("ciphertext e: " + e.error());
        }
        Decoded<BigInteger> f = Secp256k1.decodeScalar(slice(head, F_AT, Secp256k1.SCALAR_BYTES));
        if (!f.ok()) {
            return Decoded.error("ciphertext f: " + f.error());
        }
        return Decoded.of(new Header(u.get(), uBar.get(), e.get(), f.get(), head));
    }

    /** iv || AES-GCM ciphertext and tag; only after {@link #header} accepted the lengths. */
    static byte[] payload(Ciphertext ct) {
        return ct.bodyRange(PAYLOAD_AT, ct.bodyLength());
    }

    /**
     * TDH2's message part c, here the hash of the whole payload (iv || AES-GCM ciphertext
     * and tag). It goes into e = H2(c, L, u, w, ū, w̄), which is what binds the payload to
     * the TDH2 part; see {@link Tdh2}.
     */
    static byte[] payloadHash(byte[] payload) {
        return Hashes.sha256(Tdh2.DOMAIN + "/c", payload);
    }

    static byte[] body(ECPoint u, ECPoint uBar, BigInteger e, BigInteger f, byte[] payload) {
        byte[][] points = Secp256k1.encodeAll(u, uBar);
        byte[] out = new byte[PAYLOAD_AT + payload.length];
        System.arraycopy(points[0], 0, out, U_AT, Secp256k1.POINT_BYTES);
        System.arraycopy(points[1], 0, out, U_BAR_AT, Secp256k1.POINT_BYTES);
        System.arraycopy(Secp256k1.encodeScalar(e), 0, out, E_AT, Secp256k1.SCALAR_BYTES);
        System.arraycopy(Secp256k1.encodeScalar(f), 0, out, F_AT, Secp256k1.SCALAR_BYTES);
        System.arraycopy(payload, 0, out, PAYLOAD_AT, payload.length);
        return out;
    }

    private static byte[] slice(byte[] b, int from, int length) {
        return java.util.Arrays.copyOfRange(b, from, from + length);
    }
}
