package org.sintraee.runtime.journal;

import java.util.Objects;
import org.sintraee.api.CheckpointCertificate;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.DurableRecord;

/** One record read back from the journal, in the order it was appended. */
public sealed interface JournalRecord {

    /** Something a protocol step marked durable. */
    record Durable(DurableRecord record) implements JournalRecord {
        public Durable {
            Objects.requireNonNull(record, "record");
        }
    }

    /** The request delivered at position {@code seq} of the total order. */
    record Delivery(long seq, Bytes request) implements JournalRecord {
        public Delivery {
            Objects.requireNonNull(request, "request");
        }

        public Delivery(long seq, byte[] request) {
            this(seq, Bytes.of(request));
        }
    }

    /**
     * Round {@code round} is decided and the next delivery after it has seq {@code nextSeqAfter}.
     * Its proof is NOT held in memory (proofs may be megabytes each): {@code offset} is where the
     * record starts in the file, for {@link Journal#readDecided(long)}.
     */
    record Decided(long round, long nextSeqAfter, long offset) implements JournalRecord {
        public Decided {
            if (round < 0 || nextSeqAfter < 0 || offset < 0) {
                throw new IllegalArgumentException("decided round " + round + ", next seq " + nextSeqAfter
                        + ", offset " + offset);
            }
        }
    }

    /**
     * A certified checkpoint: the service's signature on the chain of the sequence through its
     * round. Appended after that round's Decided marker.
     */
    record Checkpoint(CheckpointCertificate certificate) implements JournalRecord {
        public Checkpoint {
            Objects.requireNonNull(certificate, "certificate");
        }
    }
}
