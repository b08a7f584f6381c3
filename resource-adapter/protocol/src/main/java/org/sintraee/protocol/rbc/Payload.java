package org.sintraee.protocol.rbc;

import java.util.Arrays;
import org.sintraee.protocol.core.Bytes;

/** The bytes a reliable broadcast carries: the sender's input and every server's output. Immutable. */
public record Payload(byte[] bytes) {
    public Payload {
        bytes = bytes.clone();
    }

    public static Payload of(byte[] bytes) {
        return new Payload(bytes);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Payload p && Arrays.equals(p.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Payload[" + Bytes.brief(bytes) + "]";
    }
}
