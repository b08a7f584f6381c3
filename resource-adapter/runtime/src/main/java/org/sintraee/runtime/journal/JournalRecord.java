package org.sintraee.runtime.journal;

import java.util.List;
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
     * Its proof is NOT held in memory (proofs may be megabytes each): {@code offset} is the
     * proof's location, for {@link Journal#readDecided(long, long)}: the proof frame's offset in
     * the proof segment that holds the round, {@link Journal#NO_PROOF} (-1) for a round taken
     * without its proof, or, for a marker written with its proof inline by older versions, that
     * marker's own offset in the main file flagged with {@link Journal#INLINE}. (The accessor keeps
     * its old name; it is no main-file offset in general.)
     */
    record Decided(long round, long nextSeqAfter, long offset) implements JournalRecord {
        public Decided {
            if (round < 0 || nextSeqAfter < 0 || offset < Journal.NO_PROOF) {
                throw new IllegalArgumentException("decided round " + round + ", next seq " + nextSeqAfter
                        + ", offset " + offset);
            }
        }
    }

    /**
     * A certified checkpoint, appended after its last round's Decided marker, with the round
     * leaves ({@link org.sintraee.api.OrderHashes#roundLeaf}) of its interval, one per round from
     * {@code certificate.firstRound()}, so that a server can prove any one of those rounds to a
     * peer. {@code offset} is where the record starts in the file (for
     * {@link Journal#readCheckpoint}); -1 before it is written.
     */
    record Checkpoint(CheckpointCertificate certificate, List<Bytes> leaves, long offset) implements JournalRecord {
        public Checkpoint {
            Objects.requireNonNull(certificate, "certificate");
            leaves = List.copyOf(leaves);
            if (leaves.size() != certificate.rounds()) {
                throw new IllegalArgumentException(leaves.size() + " round leaves for a checkpoint of "
                        + certificate.rounds() + " rounds");
            }
            for (Bytes leaf : leaves) {
                if (leaf.length() != 32) {
                    throw new IllegalArgumentException("a round leaf of " + leaf.length() + " bytes");
                }
            }
        }
    }
}
