package org.sintraee.runtime.wire;

import java.util.Arrays;
import org.sintraee.protocol.core.Bytes;

/** Bounded reads over untrusted bytes: every length is checked against its limit and the remaining input before allocation. */
final class FrameReader {
    private final byte[] in;
    private int pos;
    private int depth;

    FrameReader(byte[] in) {
        this.in = in;
    }

    int remaining() {
        return in.length - pos;
    }

    private void need(int n) throws WireException {
        if (n > remaining()) {
            throw new WireException("truncated at byte " + pos + ": needs " + n + ", has " + remaining());
        }
    }

    int u8() throws WireException {
        need(1);
        return in[pos++] & 0xff;
    }

    boolean bool() throws WireException {
        int b = u8();
        if (b > 1) {
            throw new WireException("boolean byte " + b);
        }
        return b == 1;
    }

    int u16() throws WireException {
        return (u8() << 8) | u8();
    }

    int i32() throws WireException {
        return (u16() << 16) | u16();
    }

    long i64() throws WireException {
        return ((long) i32() << 32) | (i32() & 0xffffffffL);
    }

    /** An int32 length in [0, max] that fits in what is left, then that many bytes. */
    byte[] bytes(int max, String what) throws WireException {
        int len = i32();
        if (len < 0 || len > max) {
            throw new WireException(what + " length " + len + " outside [0, " + max + "]");
        }
        need(len);
        byte[] b = Arrays.copyOfRange(in, pos, pos + len);
        pos += len;
        return b;
    }

    Bytes value(int max, String what) throws WireException {
        return Bytes.of(bytes(max, what));
    }

    /** Raw bytes of a known, already bounded length. */
    byte[] raw(int len) throws WireException {
        need(len);
        byte[] b = Arrays.copyOfRange(in, pos, pos + len);
        pos += len;
        return b;
    }

    /** Enters one nesting level (a wrapper or a composite justification). */
    void enter() throws WireException {
        if (++depth > WireLimits.MAX_DEPTH) {
            throw new WireException("nesting deeper than " + WireLimits.MAX_DEPTH);
        }
    }

    void leave() {
        depth--;
    }
}
