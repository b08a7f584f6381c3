package org.sintraee.protocol.crypto;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A labelled threshold ciphertext as it travels, scheme-agnostic: the public label L
 * (in SC-ABC: tag, client id, request id) and the scheme's opaque body. It is immutable
 * and untrusted until {@link ThresholdDecryption#verifyCiphertext} accepted it.
 *
 * <p>Canonical encoding: {@code int32 |L| || L || int32 |body| || body}, big-endian
 * lengths, nothing after the body. Every ciphertext has exactly one encoding, so
 * {@link #equals} on it is byte equality, and a duplicate a-delivered twice is found
 * by equality.
 */
public final class Ciphertext {

    /** Labels are short identifiers; bounding them keeps hashing and decoding cheap. */
    public static final int MAX_LABEL_BYTES = 4 * 1024;
    /** Room for a scheme's largest payload (16 MiB) plus its fixed overhead. */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024 + 4 * 1024;
    /** The largest encoding {@link #decode} looks at. */
    public static final int MAX_ENCODED_BYTES = 8 + MAX_LABEL_BYTES + MAX_BODY_BYTES;

    private final byte[] label;
    private final byte[] body;

    /**
     * @throws IllegalArgumentException if the label or body exceeds its bound (local misuse:
     *         untrusted bytes go through {@link #decode})
     */
    public Ciphertext(byte[] label, byte[] body) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(body, "body");
        if (label.length > MAX_LABEL_BYTES) {
            throw new IllegalArgumentException("ciphertext label is " + label.length
                    + " bytes, at most " + MAX_LABEL_BYTES + " allowed");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("ciphertext body is " + body.length
                    + " bytes, at most " + MAX_BODY_BYTES + " allowed");
        }
        this.label = label.clone();
        this.body = body.clone();
    }

    /** The label L the ciphertext was encrypted under. */
    public byte[] label() {
        return label.clone();
    }

    /** The scheme-specific body (a copy). */
    public byte[] body() {
        return body.clone();
    }

    public int bodyLength() {
        return body.length;
    }

    /**
     * A copy of {@code body[from, to)}, so a scheme can read a fixed-size header without
     * copying a large payload.
     *
     * @throws IndexOutOfBoundsException if the range is not inside the body (check {@link #bodyLength()} first)
     */
    public byte[] bodyRange(int from, int to) {
        Objects.checkFromToIndex(from, to, body.length);
        return Arrays.copyOfRange(body, from, to);
    }

    /** The canonical encoding. */
    public byte[] encode() {
        byte[] out = new byte[8 + label.length + body.length];
        System.arraycopy(Hashes.int32(label.length), 0, out, 0, 4);
        System.arraycopy(label, 0, out, 4, label.length);
        System.arraycopy(Hashes.int32(body.length), 0, out, 4 + label.length, 4);
        System.arraycopy(body, 0, out, 8 + label.length, body.length);
        return out;
    }

    /**
     * Decodes untrusted bytes. Never throws; every length is checked against its bound and
     * against the bytes actually present before anything is allocated. Trailing bytes are
     * rejected so that the encoding stays canonical.
     */
    public static Decoded<Ciphertext> decode(byte[] bytes) {
        if (bytes == null) {
            return Decoded.error("ciphertext is missing");
        }
        if (bytes.length > MAX_ENCODED_BYTES) {
            return Decoded.error("ciphertext is " + bytes.length + " bytes, at most " + MAX_ENCODED_BYTES + " allowed");
        }
        if (bytes.length < 8) {
            return Decoded.error("ciphertext is truncated (" + bytes.length + " bytes)");
        }
        int labelLength = readInt32(bytes, 0);
        if (labelLength < 0 || labelLength > MAX_LABEL_BYTES) {
            return Decoded.error("ciphertext label length " + Integer.toUnsignedString(labelLength)
                    + " exceeds " + MAX_LABEL_BYTES);
        }
        if (labelLength > bytes.length - 8) {
            return Decoded.error("ciphertext label is truncated");
        }
        int bodyLength = readInt32(bytes, 4 + labelLength);
        if (bodyLength < 0 || bodyLength > MAX_BODY_BYTES) {
            return Decoded.error("ciphertext body length " + Integer.toUnsignedString(bodyLength)
                    + " exceeds " + MAX_BODY_BYTES);
        }
        int expected = 8 + labelLength + bodyLength;
        if (bytes.length < expected) {
            return Decoded.error("ciphertext body is truncated");
        }
        if (bytes.length > expected) {
            return Decoded.error("ciphertext has " + (bytes.length - expected) + " trailing bytes");
        }
        return Decoded.of(new Ciphertext(
                Arrays.copyOfRange(bytes, 4, 4 + labelLength),
                Arrays.copyOfRange(bytes, 8 + labelLength, expected)));
    }

    private static int readInt32(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    @Override
    public boolean equals(Object o) {
        // The encoding is injective in (label, body), so comparing both is comparing encodings.
        return o instanceof Ciphertext c && Arrays.equals(c.label, label) && Arrays.equals(c.body, body);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(label) + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        // Ciphertexts are public; a hash prefix tells them apart in logs without dumping megabytes.
        byte[] id = Hashes.sha256("sintra-ee/ciphertext/log-id", label, body);
        return "Ciphertext[label " + label.length + " bytes, body " + body.length + " bytes, id "
                + HexFormat.of().formatHex(id, 0, 8) + "]";
    }
}
