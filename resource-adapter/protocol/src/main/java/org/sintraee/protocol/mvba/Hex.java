package org.sintraee.protocol.mvba;

import java.util.HexFormat;

/** Deterministic short renderings of byte arrays for toString (traces compare them). */
final class Hex {
    private Hex() {
    }

    static String brief(byte[] bytes) {
        int shown = Math.min(8, bytes.length);
        return bytes.length + "B:" + HexFormat.of().formatHex(bytes, 0, shown) + (bytes.length > shown ? ".." : "");
    }
}
