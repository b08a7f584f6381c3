package org.sintraee.protocol.scabc;

import java.util.Arrays;
import java.util.Objects;
import org.sintraee.protocol.core.Bytes;

/**
 * What the layer outputs for each a-delivered position, strictly in order: the decrypted
 * request, or the deterministic reason it was skipped (the same on every honest server).
 */
public sealed interface ScabcDelivery {

    /** The a-delivery position this output is for. */
    long seq();

    /** The request at {@code seq}, decrypted. */
    record Delivered(long seq, byte[] plaintext) implements ScabcDelivery {
        public Delivered {
            plaintext = plaintext.clone();
        }

        @Override
        public byte[] plaintext() {
            return plaintext.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Delivered d && d.seq == seq && Arrays.equals(d.plaintext, plaintext);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(seq) * 31 + Arrays.hashCode(plaintext);
        }

        @Override
        public String toString() {
            return "Delivered(" + seq + ", " + Bytes.brief(plaintext) + ")";
        }
    }

    /** Position {@code seq} holds nothing to decrypt: invalid, a replayed key, or an undecryptable payload. */
    record Skipped(long seq, String reason) implements ScabcDelivery {
        public Skipped {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
