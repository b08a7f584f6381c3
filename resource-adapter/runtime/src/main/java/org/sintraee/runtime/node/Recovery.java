package org.sintraee.runtime.node;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.sintraee.api.CheckpointCertificate;
import org.sintraee.api.OrderHashes;
import org.sintraee.protocol.abc.AbcRecords;
import org.sintraee.protocol.abc.AtomicBroadcast;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.Tag;
import org.sintraee.runtime.journal.Journal;
import org.sintraee.runtime.journal.JournalRecord;

/**
 * What a restarted node learns from its journal (see package-info, "Restart"): where the
 * broadcast resumes (the round after the last Decided marker, with that marker's next seq),
 * the digests of the last {@link AtomicBroadcast#DEDUP_WINDOW} deliveries before it, the
 * highest round it spoke in (it stays silent through it), the deliveries past the last marker
 * (which the broadcast re-derives and the loop checks against the journal), and what the
 * decryption layer needs ({@link DecryptionRecovery}).
 *
 * <p>It streams the journal once and keeps none of the log itself: memory is the dedup window,
 * the deliveries between two markers, and the Decided index (two longs per round). The
 * journaled deliveries are read back from the file when the listener is shown them again.
 */
final class Recovery {
    final long round;
    final long nextSeq;
    final long silentThrough;
    /** Deliveries journaled: seq 0 .. end - 1. */
    private final long end;
    /** Digests of the deliveries before nextSeq, the last DEDUP_WINDOW of them, in seq order. */
    final List<Bytes> deliveredDigests;
    /** The journaled deliveries from nextSeq on (past the last marker), in seq order. */
    private final List<Bytes> tail;
    final DecidedIndex index;
    /** Null for a fresh node. */
    final DecryptionRecovery decryption;
    /** The chain ({@link OrderHashes#chain}) over the deliveries before nextSeq. */
    final byte[] chain;
    /** The last certified checkpoint journaled, or null. */
    final CheckpointCertificate checkpoint;
    /** The journal offsets of the checkpoint records, by checkpoint round. */
    final Map<Long, Long> checkpoints;
    /** The round leaves ({@link OrderHashes#roundLeaf}) of the current checkpoint interval, by round. */
    final Map<Long, Bytes> leaves;

    private Recovery(Scan s) {
        this.round = s.lastRound + 1;
        this.nextSeq = s.lastNext;
        this.silentThrough = s.silentThrough;
        this.end = s.end;
        this.deliveredDigests = List.copyOf(s.digests);
        this.tail = List.copyOf(s.tail);
        this.index = s.index;
        this.decryption = s.decryption;
        this.chain = s.chain;
        this.checkpoint = s.checkpoint;
        this.checkpoints = Map.copyOf(s.checkpoints);
        this.leaves = Map.copyOf(s.leaves);
    }

    /** Nothing journaled: round 0, seq 0. */
    static Recovery fresh() {
        return new Recovery(new Scan(null, null, 1));
    }

    /**
     * Streams the journal of a restarted node of instance {@code tag}.
     *
     * @param decryption fed every delivery and durable record, for the decryption layer
     * @param interval   rounds per checkpoint: the leaves of the current interval are kept
     * @throws IllegalStateException if its deliveries do not start at seq 0 (not this node's journal)
     */
    static Recovery of(Journal journal, Tag tag, DecryptionRecovery decryption, int interval) throws IOException {
        Scan s = new Scan(tag, decryption, interval);
        journal.replay(s::accept);
        s.finish();
        return new Recovery(s);
    }

    /** Deliveries journaled: seq 0 .. end() - 1; those from nextSeq on are re-derived, not journaled again. */
    long end() {
        return end;
    }

    /** The journaled delivery {@code seq}, for seqs from nextSeq to end() - 1 (the re-derived ones). */
    Bytes journaled(long seq) {
        if (seq < nextSeq || seq >= end) {
            throw new IllegalArgumentException("seq " + seq + " is not past the last Decided marker (" + nextSeq
                    + " .. " + (end - 1) + ")");
        }
        return tail.get((int) (seq - nextSeq));
    }

    /** One pass over the records, keeping only the bounded state above. */
    private static final class Scan {
        private final Tag tag;
        private final DecryptionRecovery decryption;
        private final ArrayDeque<Bytes> digests = new ArrayDeque<>();
        /** Deliveries since the last marker, full: the marker that covers them turns them into digests. */
        private final ArrayDeque<Bytes> tail = new ArrayDeque<>();
        private final DecidedIndex index = new DecidedIndex();
        private long lastRound = -1;
        private long lastNext;
        private long silentThrough = -1;
        private long end;
        private byte[] chain = OrderHashes.chainStart();
        private CheckpointCertificate checkpoint;
        private final TreeMap<Long, Long> checkpoints = new TreeMap<>();
        private final TreeMap<Long, Bytes> leaves = new TreeMap<>();
        private final int interval;

        Scan(Tag tag, DecryptionRecovery decryption, int interval) {
            this.tag = tag;
            this.decryption = decryption;
            this.interval = interval;
        }

        void accept(JournalRecord r) {
            if (r instanceof JournalRecord.Durable d) {
                OptionalLong round = AbcRecords.roundOf(tag, d.record());
                if (round.isPresent()) {
                    silentThrough = Math.max(silentThrough, round.getAsLong());
                }
                decryption.durable(d.record());
            } else if (r instanceof JournalRecord.Delivery d) {
                if (d.seq() != end) {
                    throw new IllegalStateException("the journal's deliveries start at seq " + d.seq() + ", not 0");
                }
                end++;
                tail.add(d.request());
                decryption.delivery(d.seq(), d.request().toArray());
            } else if (r instanceof JournalRecord.Decided d) {
                for (long seq = lastNext; seq < d.nextSeqAfter(); seq++) { // the scanner checked next seqs only grow
                    Bytes request = tail.poll();
                    chain = OrderHashes.chain(chain, seq, request.toArray());
                    digests.add(AbcRecords.requestDigest(request));
                    if (digests.size() > AtomicBroadcast.DEDUP_WINDOW) {
                        digests.poll();
                    }
                }
                lastRound = d.round();
                lastNext = d.nextSeqAfter();
                index.add(d.round(), d.nextSeqAfter(), d.offset());
                if (d.round() % interval == 0) {
                    leaves.clear();
                }
                leaves.put(d.round(), Bytes.of(OrderHashes.roundLeaf(d.round(), d.nextSeqAfter(), chain)));
            } else if (r instanceof JournalRecord.Checkpoint c) {
                checkpoint = c.certificate();
                checkpoints.put(c.certificate().round(), c.offset());
            }
        }

        void finish() {
            if (end - lastNext != tail.size()) {
                throw new IllegalStateException("recovery lost track: " + tail.size() + " deliveries past seq "
                        + lastNext + " of " + end);
            }
        }
    }
}
