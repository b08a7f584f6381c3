package org.sintraee.runtime.node;

import java.util.ArrayList;
import java.util.List;
import org.sintraee.protocol.abc.AtomicBroadcast;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.Tag;
import org.sintraee.runtime.journal.JournalRecord;

/**
 * What a restarted node learns from its journal (see package-info, "Restart"): where the
 * broadcast resumes (the round after the last Decided marker, with that marker's next seq),
 * the delivered digests before it, the highest round it spoke in (it stays silent through it),
 * every journaled delivery to hand out again, and the deliveries past the last marker, which
 * the broadcast re-derives and the loop checks against the journal.
 */
final class Recovery {
    final long round;
    final long nextSeq;
    final long silentThrough;
    final List<Bytes> deliveredDigests = new ArrayList<>();
    /** Every journaled delivery, seq 0 .. end - 1 (the listener sees them all again at start). */
    final List<Bytes> deliveries = new ArrayList<>();
    final DecidedIndex index = new DecidedIndex();

    private Recovery(long round, long nextSeq, long silentThrough) {
        this.round = round;
        this.nextSeq = nextSeq;
        this.silentThrough = silentThrough;
    }

    /** Nothing journaled: round 0, seq 0. */
    static Recovery fresh() {
        return new Recovery(0, 0, -1);
    }

    /**
     * Reads a recovered journal of instance {@code tag}.
     *
     * @throws IllegalStateException if its deliveries do not start at seq 0 (not this node's journal)
     */
    static Recovery of(List<JournalRecord> records, Tag tag) {
        List<DurableRecord> durable = new ArrayList<>();
        long lastRound = -1;
        long lastNext = 0;
        for (JournalRecord r : records) {
            if (r instanceof JournalRecord.Durable d) {
                durable.add(d.record());
            } else if (r instanceof JournalRecord.Decided d) {
                lastRound = d.round();
                lastNext = d.nextSeqAfter();
            }
        }
        Recovery out = new Recovery(lastRound + 1, lastNext, AtomicBroadcast.lastRoundOf(tag, durable));
        for (JournalRecord r : records) {
            if (r instanceof JournalRecord.Delivery d) {
                if (d.seq() != out.deliveries.size()) {
                    throw new IllegalStateException("the journal's deliveries start at seq " + d.seq() + ", not 0");
                }
                out.deliveries.add(d.request());
                if (d.seq() < out.nextSeq) {
                    out.deliveredDigests.add(AtomicBroadcast.requestDigest(d.request()));
                }
            } else if (r instanceof JournalRecord.Decided d) {
                out.index.add(d.round(), d.nextSeqAfter(), d.offset());
            }
        }
        return out;
    }

    /** Deliveries journaled: seq 0 .. end() - 1; those from nextSeq on are re-derived, not journaled again. */
    long end() {
        return deliveries.size();
    }
}
