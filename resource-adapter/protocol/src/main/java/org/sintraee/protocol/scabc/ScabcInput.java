package org.sintraee.protocol.scabc;

import java.util.Objects;
import org.sintraee.protocol.core.Bytes;

/** Local inputs of the SC-ABC decryption layer: the atomic broadcast's output stream. */
public sealed interface ScabcInput {

    /**
     * The request a-delivered at position {@code seq} (0, 1, 2, ... without gaps), as the
     * encoded ciphertext the atomic broadcast ordered. Untrusted bytes: a corrupted server
     * can get anything ordered.
     */
    record Ordered(long seq, Bytes encodedCiphertext) implements ScabcInput {
        public Ordered {
            Objects.requireNonNull(encodedCiphertext, "encodedCiphertext");
        }

        public Ordered(long seq, byte[] encodedCiphertext) {
            this(seq, Bytes.of(encodedCiphertext));
        }
    }
}
