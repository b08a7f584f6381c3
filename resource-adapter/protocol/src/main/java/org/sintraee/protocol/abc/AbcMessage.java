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

    /**
     * The sender's C-SEND of its round-r proposal with the batches named by digest
     * ({@link CompactVector}); the receiver rebuilds the vector from the batches it holds and
     * hands the agreement {@code C-SEND(vector)}, as if the vector had come whole.
     */
    record CompactSend(long round, Bytes compact) implements AbcMessage {
        public CompactSend {
            Objects.requireNonNull(compact, "compact");
        }

        @Override
        public String toString() {
            return "COMPACT-SEND(" + round + ", " + compact + ")";
        }
    }

    /** {@code BATCH-REQUEST(r, j, d)}: asks a proposer for server j's round-r batch of digest d, which its compact C-SEND named. */
    record BatchRequest(long round, int server, Bytes digest) implements AbcMessage {
        public BatchRequest {
            Objects.requireNonNull(digest, "digest");
        }

        @Override
        public String toString() {
            return "BATCH-REQUEST(" + round + ", " + server + ", " + digest + ")";
        }
    }

    /** {@code BATCH-ANSWER(r, j, batch)}: the batch a BATCH-REQUEST asked for; its digest decides. */
    record BatchAnswer(long round, int server, Bytes batch) implements AbcMessage {
        public BatchAnswer {
            Objects.requireNonNull(batch, "batch");
        }

        @Override
        public String toString() {
            return "BATCH-ANSWER(" + round + ", " + server + ", " + batch + ")";
        }
    }
}
