package org.sintraee.protocol.rbc;

import java.util.HexFormat;

/** Deterministic short text for byte strings in toString: length and a hex prefix. */
final class Brief {
    private static final int PREFIX = 8;

    private Brief() {
    }

    static String of(byte[] bytes) {
        String hex = HexFormat.of().formatHex(bytes, 0, Math.min(PREFIX, bytes.length));
        return bytes.length + ":" + hex + (bytes.length > PREFIX ? ".." : "");
    }
}
