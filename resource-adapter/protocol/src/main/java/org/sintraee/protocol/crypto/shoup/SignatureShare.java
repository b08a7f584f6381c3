package org.sintraee.protocol.crypto.shoup;

import java.math.BigInteger;
import java.util.Objects;
import org.sintraee.protocol.crypto.Decoded;

/**
 * One server's signature share: its index i, x_i = x̂^{2 Delta s_i} mod N, and the proof
 * (z, c) that x_i was computed with the s_i behind v_i. All public values.
 *
 * <p>Canonical encoding: index as a 4-byte big-endian int, then x_i, z and c, each as a
 * 4-byte length followed by the minimal big-endian unsigned bytes (no leading zero
 * byte; zero is the empty string). Canonical, so equal shares have equal bytes.
 */
public record SignatureShare(int index, BigInteger xi, BigInteger z, BigInteger c) {

    private static final int INT_BYTES = 4;
    private static final String[] FIELDS = {"x_i", "z", "c"};

    /** @throws IllegalArgumentException for an index below 1 or a negative value (local misuse) */
    public SignatureShare {
        Objects.requireNonNull(xi, "x_i");
        Objects.requireNonNull(z, "z");
        Objects.requireNonNull(c, "c");
        if (index < 1) {
            throw new IllegalArgumentException("share index must be positive: " + index);
        }
        if (xi.signum() < 0 || z.signum() < 0 || c.signum() < 0) {
            throw new IllegalArgumentException("share values x_i, z, c must be non-negative");
        }
    }

    public byte[] encode() {
        byte[][] fields = {Numbers.unsignedBytes(xi), Numbers.unsignedBytes(z), Numbers.unsignedBytes(c)};
        int length = INT_BYTES;
        for (byte[] f : fields) {
            length += INT_BYTES + f.length;
        }
        byte[] out = new byte[length];
        int at = putInt(out, 0, index);
        for (byte[] f : fields) {
            at = putInt(out, at, f.length);
            System.arraycopy(f, 0, out, at, f.length);
            at += f.length;
        }
        return out;
    }

    /**
     * Decodes bytes from a peer. Never throws: truncation, trailing bytes, non-canonical
     * or oversized fields give an invalid result. No field longer than twice the byte
     * length of N is ever allocated; the length is checked before the copy. Ranges that
     * depend on the statement (x_i in Z_N^*, index &lt;= n) are checked by verifyShare.
     */
    public static Decoded<SignatureShare> decode(byte[] bytes, ShoupPublicKey key) {
        Objects.requireNonNull(key, "key");
        if (bytes == null) {
            return malformed("no bytes");
        }
        int maxField = 2 * key.modulusByteLength();
        long maxTotal = INT_BYTES + (long) FIELDS.length * (INT_BYTES + maxField);
        if (bytes.length > maxTotal) {
            return malformed(bytes.length + " bytes is longer than any share for this key (" + maxTotal + ")");
        }
        if (bytes.length < INT_BYTES) {
            return malformed("truncated before the index");
        }
        int index = getInt(bytes, 0);
        if (index < 1) {
            return malformed("index must be positive: " + index);
        }
        BigInteger[] values = new BigInteger[FIELDS.length];
        int at = INT_BYTES;
        for (int f = 0; f < FIELDS.length; f++) {
            if (bytes.length - at < INT_BYTES) {
                return malformed("truncated before the length of " + FIELDS[f]);
            }
            int length = getInt(bytes, at);
            at += INT_BYTES;
            if (length < 0 || length > maxField) {
                return malformed("length of " + FIELDS[f] + " out of range [0, " + maxField + "]: "
                        + Integer.toUnsignedString(length));
            }
            if (bytes.length - at < length) {
                return malformed("truncated inside " + FIELDS[f]);
            }
            if (length > 0 && bytes[at] == 0) {
                return malformed(FIELDS[f] + " has a leading zero byte (non-canonical)");
            }
            values[f] = new BigInteger(1, bytes, at, length);
            at += length;
        }
        if (at != bytes.length) {
            return malformed((bytes.length - at) + " trailing bytes");
        }
        return Decoded.of(new SignatureShare(index, values[0], values[1], values[2]));
    }

    private static Decoded<SignatureShare> malformed(String reason) {
        return Decoded.error("malformed signature share: " + reason);
    }

    private static int putInt(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 24);
        out[at + 1] = (byte) (value >>> 16);
        out[at + 2] = (byte) (value >>> 8);
        out[at + 3] = (byte) value;
        return at + INT_BYTES;
    }

    private static int getInt(byte[] in, int at) {
        return ((in[at] & 0xFF) << 24) | ((in[at + 1] & 0xFF) << 16) | ((in[at + 2] & 0xFF) << 8) | (in[at + 3] & 0xFF);
    }
}
