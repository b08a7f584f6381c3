package org.sintraee.runtime.wire;

import java.io.ByteArrayOutputStream;
import org.sintraee.protocol.core.Bytes;

/** Big-endian primitives and length-prefixed byte strings; the encoder side of {@link FrameReader}. */
final class FrameWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    FrameWriter u8(int v) {
        out.write(v);
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
        out.write(b, 0, b.length);
        return this;
    }

    FrameWriter bytes(Bytes b, int max) {
        return bytes(b.toArray(), max);
    }

    FrameWriter raw(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
