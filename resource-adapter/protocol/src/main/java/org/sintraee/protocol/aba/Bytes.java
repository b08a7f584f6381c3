package org.sintraee.protocol.aba;

import java.util.HexFormat;

/** Deterministic, short renderings of byte arrays for message toString (traces compare them). */
final class Bytes {
    static final byte[] NONE = new byte[0];

    private Bytes() {
    }

    static String show(byte[] b) {
        return b.length + "B:" + HexFormat.of().formatHex(b, 0, Math.min(4, b.length));
    }
}
