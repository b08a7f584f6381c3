package org.sintraee.runtime.journal;

import java.util.Objects;
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
}
