package org.sintraee.protocol.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long MIX = 0x9E3779B97F4A7C15L; // odd: the multiply is a bijection

    private final byte[] bytes;
    /** {@link #hash(byte[])}, computed on first use: batches of 512 KiB are map keys and hashed often. */
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

    /** Puts the content into {@code out} (one copy, where {@link #toArray} and a put make two). */
    public void putInto(ByteBuffer out) {
        out.put(bytes);
    }

    /** Whether the content equals {@code length} bytes of {@code array} from {@code offset}, without copying them. */
    public boolean contentEquals(byte[] array, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, array.length);
        return Arrays.equals(bytes, 0, bytes.length, array, offset, offset + length);
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
            h = hash(bytes);
            if (h == 0) {
                hashIsZero = true;
            } else {
                hash = h;
            }
        }
        return h;
    }

    /**
     * A content hash over 8 bytes per step. Requests of a KiB are hashed once per delivery (the
     * waiting submitter's lookup), and {@code Arrays.hashCode}'s chain of one multiply per byte
     * showed as 7 % of a replica's CPU in the benchmark's profile. Not collision resistant,
     * as {@code Arrays.hashCode} was not: nothing relies on that, digests do.
     */
    static int hash(byte[] b) {
        long h = b.length;
        int i = 0;
        for (; i <= b.length - Long.BYTES; i += Long.BYTES) {
            h = (h ^ (long) LONGS.get(b, i)) * MIX;
            h ^= h >>> 29; // the multiply only carries upwards: fold high bits back into the low ones
        }
        for (; i < b.length; i++) {
            h = (h ^ (b[i] & 0xff)) * MIX;
            h ^= h >>> 29;
        }
        return (int) (h ^ (h >>> 32));
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
