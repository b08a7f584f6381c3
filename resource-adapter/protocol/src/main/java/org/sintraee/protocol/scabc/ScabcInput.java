package org.sintraee.protocol.scabc;

import java.util.Arrays;
import org.sintraee.protocol.core.Bytes;

/** Local inputs of the SC-ABC decryption layer: the atomic broadcast's output stream. */
public sealed interface ScabcInput {

    /**
     * The request a-delivered at position {@code seq} (0, 1, 2, ... without gaps), as the
     * encoded ciphertext the atomic broadcast ordered. Untrusted bytes: a corrupted server
     * can get anything ordered.
     */
    record Ordered(long seq, byte[] encodedCiphertext) implements ScabcInput {
        public Ordered {
            encodedCiphertext = encodedCiphertext.clone();
        }

        @Override
        public byte[] encodedCiphertext() {
            return encodedCiphertext.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ordered r && r.seq == seq && Arrays.equals(r.encodedCiphertext, encodedCiphertext);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(seq) * 31 + Arrays.hashCode(encodedCiphertext);
        }

        @Override
        public String toString() {
            return "Ordered(" + seq + ", " + Bytes.brief(encodedCiphertext) + ")";
        }
    }
}
