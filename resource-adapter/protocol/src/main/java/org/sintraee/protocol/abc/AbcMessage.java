package org.sintraee.protocol.abc;

import java.util.Objects;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.mvba.MvbaMessage;

/**
 * Atomic broadcast's messages: its own {@code BATCH}, and the messages of each round's
 * validated agreement wrapped with their round (children never send by themselves).
 */
public sealed interface AbcMessage {

    /** The round the message belongs to. */
    long round();

    /**
     * {@code BATCH(r, batch, signature)}: the sender's batch for round r (canonical encoding,
     * see {@link BatchCodec}) and its signature on {@code Statement.of(tag, "batch", int64(r), H(batch))}.
     */
    record Batch(long round, Bytes batch, Bytes signature) implements AbcMessage {
        public Batch {
            Objects.requireNonNull(batch, "batch");
            Objects.requireNonNull(signature, "signature");
        }

        @Override
        public String toString() {
            return "BATCH(" + round + ", " + batch + ", sig " + signature + ")";
        }
    }

    /** A message of round r's validated agreement ({@code tag/r/mvba}). */
    record MvbaPart(long round, MvbaMessage message) implements AbcMessage {
        public MvbaPart {
            Objects.requireNonNull(message, "message");
        }
    }
}
