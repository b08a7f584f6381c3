package org.sintraee.protocol.scabc;

import java.util.Objects;
import org.sintraee.protocol.abc.AbcMessage;

/** Messages of {@link SecureCausalAtomicBroadcast}: its children's, wrapped with the child they belong to. */
public sealed interface ScabcStackMessage {

    /** A message of the atomic broadcast ({@code tag/abc}). */
    record Order(AbcMessage message) implements ScabcStackMessage {
        public Order {
            Objects.requireNonNull(message, "message");
        }
    }

    /** A message of the decryption layer ({@code tag/dec}). */
    record Decrypt(ScabcMessage message) implements ScabcStackMessage {
        public Decrypt {
            Objects.requireNonNull(message, "message");
        }
    }
}
