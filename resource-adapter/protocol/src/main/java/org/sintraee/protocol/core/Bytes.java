package org.sintraee.protocol.core;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string with value equality and a short, deterministic text form.
 * Message records hold these instead of {@code byte[]}, so that they get correct
 * {@code equals}, {@code hashCode} and {@code toString} for free: simulations compare
 * traces of message text across runs, which an array's identity hash would break.
 */
public final class Bytes implements Comparable<Bytes> {
    public static final Bytes EMPTY = new Bytes(new byte[0]);
    private static final int SHOWN = 8;

    private final byte[] bytes;
    /** Arrays.hashCode(bytes), computed on first use: batches of 512 KiB are map keys and hashed often. */
    private int hash;
    private boolean hashIsZero;

    private Bytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of {@code bytes}. */
    public static Bytes of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
    }

    /** A copy of {@code length} bytes of {@code bytes} from {@code offset} (one copy, where decoding would make two). */
    public static Bytes of(byte[] bytes, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    /** A read-only view of the content, without copying it (for decoding large values). */
    public ByteBuffer asReadOnlyBuffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /** A copy of the content. */
    public byte[] toArray() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /** Length and a hex prefix, e.g. {@code 32B:9f86d081884c7d65..}, for messages and traces. */
    public static String brief(byte[] bytes) {
        int shown = Math.min(SHOWN, bytes.length);
        return bytes.length + "B:" + HexFormat.of().formatHex(bytes, 0, shown) + (bytes.length > shown ? ".." : "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b && Arrays.equals(b.bytes, bytes);
    }

    @Override
    public int hashCode() {
        int h = hash; // racy but benign, as String's: one int read, and every thread computes the same value
        if (h == 0 && !hashIsZero) {
            h = Arrays.hashCode(bytes);
            if (h == 0) {
                hashIsZero = true;
            } else {
                hash = h;
            }
        }
        return h;
    }

    @Override
    public int compareTo(Bytes o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return brief(bytes);
    }
}
