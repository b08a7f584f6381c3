package org.sintraee.runtime.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.sintraee.protocol.core.Bytes;

/** Big-endian primitives and length-prefixed byte strings; the encoder side of {@link FrameReader}. */
final class FrameWriter {
    // Our own buffer rather than a ByteArrayOutputStream: a batch's frame is 512 KiB, and a
    // Bytes goes in with one copy (no toArray first), growing once to the size it needs plus
    // room for the small fields after it (a signature), not doubling to a MiB.
    private byte[] buf = new byte[256];
    private int count;

    private int reserve(int more) {
        int at = count;
        if (more > buf.length - at) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, Math.addExact(at, more) + 4096));
        }
        count = at + more;
        return at;
    }

    FrameWriter u8(int v) {
        int at = reserve(1); // before naming buf: reserve may replace it
        buf[at] = (byte) v;
        return this;
    }

    FrameWriter bool(boolean v) {
        return u8(v ? 1 : 0);
    }

    FrameWriter u16(int v) {
        return u8(v >>> 8).u8(v);
    }

    FrameWriter i32(int v) {
        return u16(v >>> 16).u16(v & 0xffff);
    }

    FrameWriter i64(long v) {
        return i32((int) (v >>> 32)).i32((int) v);
    }

    /** An int32 length, then the bytes; the caller's limit is enforced here too so we never emit what we would reject. */
    FrameWriter bytes(byte[] b, int max) {
        if (b.length > max) {
            throw new IllegalArgumentException("field of " + b.length + " bytes exceeds " + max);
        }
        i32(b.length);
        return raw(b);
    }

    FrameWriter bytes(Bytes b, int max) {
        if (b.length() > max) {
            throw new IllegalArgumentException("field of " + b.length() + " bytes exceeds " + max);
        }
        i32(b.length());
        int at = reserve(b.length());
        b.putInto(ByteBuffer.wrap(buf, at, b.length()));
        return this;
    }

    FrameWriter raw(byte[] b) {
        int at = reserve(b.length);
        System.arraycopy(b, 0, buf, at, b.length);
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, count);
    }
}
