package org.sintraee.protocol.crypto;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A threshold share as it travels: the share index of the server that made it
 * (1..n, the Shamir x-coordinate) and the scheme's encoding of the share and its proof.
 * The bytes are untrusted until the scheme's verification said so.
 */
public final class Share {
    private final int index;
    private final byte[] data;

    public Share(int index, byte[] data) {
        this.index = index;
        this.data = data.clone();
    }

    public int index() {
        return index;
    }

    public byte[] data() {
        return data.clone();
    }

    public int length() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Share s && s.index == index && Arrays.equals(s.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * index + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        // Shares are public once sent; a short prefix is enough to tell them apart in logs.
        String hex = HexFormat.of().formatHex(data, 0, Math.min(8, data.length));
        return "Share[" + index + ", " + data.length + " bytes, " + hex + "...]";
    }
}
