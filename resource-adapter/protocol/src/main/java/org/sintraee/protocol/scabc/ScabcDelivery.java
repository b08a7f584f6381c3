package org.sintraee.protocol.scabc;

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
    record Delivered(long seq, Bytes plaintext) implements ScabcDelivery {
        public Delivered {
            Objects.requireNonNull(plaintext, "plaintext");
        }

        public Delivered(long seq, byte[] plaintext) {
            this(seq, Bytes.of(plaintext));
        }
    }

    /** Position {@code seq} holds nothing to decrypt: invalid, a replayed key, or an undecryptable payload. */
    record Skipped(long seq, String reason) implements ScabcDelivery {
        public Skipped {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
