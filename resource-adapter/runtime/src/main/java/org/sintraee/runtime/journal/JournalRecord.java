package org.sintraee.runtime.journal;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
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
    record Delivery(long seq, byte[] request) implements JournalRecord {
        public Delivery {
            request = request.clone();
        }

        @Override
        public byte[] request() {
            return request.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Delivery d && d.seq == seq && Arrays.equals(d.request, request);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(seq) * 31 + Arrays.hashCode(request);
        }

        @Override
        public String toString() {
            return "Delivery[" + seq + " " + request.length + "B "
                    + HexFormat.of().formatHex(request, 0, Math.min(8, request.length)) + "]";
        }
    }
}
