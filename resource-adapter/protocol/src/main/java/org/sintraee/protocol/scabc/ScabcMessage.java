package org.sintraee.protocol.scabc;

import java.util.Objects;
import org.sintraee.protocol.crypto.Share;

/** The messages of the SC-ABC decryption layer ([CKPS01] §6). */
public sealed interface ScabcMessage {

    /**
     * A server's decryption share (with its proof of correctness) of the ciphertext
     * a-delivered at {@code seq}; sent only once that position is fixed.
     */
    record DecShare(long seq, Share share) implements ScabcMessage {
        public DecShare {
            Objects.requireNonNull(share, "share");
        }

        @Override
        public String toString() {
            return "DEC-SHARE(" + seq + ", " + share + ")";
        }
    }
}
