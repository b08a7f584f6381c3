package org.sintraee.runtime.node;

import java.io.IOException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sintraee.api.CheckpointCertificate;
import org.sintraee.api.OrderHashes;
import org.sintraee.protocol.abc.AbcDelivery;
import org.sintraee.protocol.cert.CertInput;
import org.sintraee.protocol.cert.CertMessage;
import org.sintraee.protocol.cert.Certified;
import org.sintraee.protocol.cert.RoundCertifier;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.Verdict;
import org.sintraee.runtime.journal.JournalRecord;

/**
 * Certified checkpoints on the node loop (see package-info, "Checkpoints"): keeps the chain
 * ({@link OrderHashes#chain}) over the ordered sequence and the round leaves of the current
 * interval, and after every round r with {@code (r + 1) % interval == 0} decided in this run
 * signs the checkpoint statement with its share of the service key, through its own
 * {@link RoundCertifier} instance {@code <tag>/checkpoint}. Every server signs every checkpoint
 * unasked, so each gathers t + 1 shares; the combined signature is journaled with the
 * interval's leaves, and once that record is synced the proofs of the rounds it covers are
 * pruned. It also proves pruned rounds to lagging peers ({@link #serve}) and checks such
 * proofs from peers ({@link #check}). Loop thread only, except {@link #latest()}.
 */
final class Checkpoints {
    /** Checkpoints the certifier keeps, and accepts shares for ahead of the newest decided one. */
    static final int WINDOW_CHECKPOINTS = 4;

    /** A peer's share for a checkpoint, as it waits in the mailbox. */
    record Share(CertMessage message) {
    }

    private record Due(long round, long nextSeq, byte[] chain, long firstRound, List<Bytes> leaves, byte[] root) {
        byte[] statement() {
            return OrderHashes.checkpointStatement(round, nextSeq, chain, firstRound, root);
        }
    }

    private final RoundCertifier certifier;
    private final PublicKey serviceKey;
    private final int interval;
    private final int self;
    private final int n;
    private final Durability journal;
    private final PeerCounters counters;
    private final Certification.FrameSender sender;
    private byte[] chain;
    private long count;
    private long lastRound = -1;
    /** The chain where a round's deliveries begin, by seq, for rounds not yet decided. */
    private final TreeMap<Long, byte[]> boundaries = new TreeMap<>();
    /** The round leaves of the current interval, by round. */
    private final TreeMap<Long, Bytes> leaves;
    /** Decided checkpoint rounds to sign after the next sync. */
    private final List<Due> due = new ArrayList<>();
    /** Signed checkpoint rounds waiting for t + 1 shares. */
    private final TreeMap<Long, Due> signing = new TreeMap<>();
    /** The journal offset of every checkpoint record, by round: to prove pruned rounds. */
    private final TreeMap<Long, Long> records;
    /** The record last read back for serving (peers ask for consecutive rounds). */
    private JournalRecord.Checkpoint served;
    private long journaledThrough = -1;
    private long prunedThrough = -1;
    private volatile CheckpointCertificate latest;

    /**
     * @param certifier  null when this server has no service key share: the chain is kept, nothing is certified
     * @param serviceKey the service's public key, to check peers' checkpoints; null: none is taken
     * @param recovery   where the chain resumes, the current interval's leaves and the journaled checkpoints
     */
    Checkpoints(RoundCertifier certifier, PublicKey serviceKey, int interval, Recovery recovery, int self, int n,
                Durability journal, PeerCounters counters, Certification.FrameSender sender) {
        if (interval < 1 || interval > CheckpointCertificate.MAX_INTERVAL) {
            throw new IllegalArgumentException("checkpoint interval must be in [1, " + CheckpointCertificate.MAX_INTERVAL
                    + "]: " + interval);
        }
        this.certifier = certifier;
        this.serviceKey = serviceKey;
        this.interval = interval;
        this.self = self;
        this.n = n;
        this.journal = journal;
        this.counters = counters;
        this.sender = sender;
        this.chain = recovery.chain;
        this.count = recovery.nextSeq;
        this.leaves = new TreeMap<>(recovery.leaves);
        this.records = new TreeMap<>(recovery.checkpoints);
        this.latest = recovery.checkpoint;
        this.journaledThrough = latest == null ? -1 : latest.round();
    }

    /** The checkpoints' instance tag under the node's: frames with it carry {@code CertMessage}s. */
    static Tag tagOf(Tag nodeTag) {
        return nodeTag.child("checkpoint");
    }

    /** The certifier's window for an interval: {@value #WINDOW_CHECKPOINTS} checkpoints, in rounds. */
    static int windowRounds(int interval) {
        return (int) Math.min(Integer.MAX_VALUE, (long) interval * WINDOW_CHECKPOINTS);
    }

    /** The newest certified checkpoint, or null; any thread. */
    CheckpointCertificate latest() {
        return latest;
    }

    /** An ordered delivery, in seq order from where the recovered chain ends (re-derived ones included). */
    void ordered(AbcDelivery d) {
        if (d.seq() != count) {
            throw new IllegalStateException("checkpoint chain at " + count + " got delivery " + d.seq());
        }
        if (d.round() != lastRound) {
            boundaries.put(count, chain);
            lastRound = d.round();
        }
        chain = OrderHashes.chain(chain, count, d.request().toArray());
        count++;
    }

    /**
     * Round {@code round} is decided and its marker appended, the next seq after it
     * {@code nextSeqAfter}; rounds in order. The last round of an interval also starts a new
     * proof segment, so that a checkpoint's rounds can be pruned as whole segments.
     */
    void decided(long round, long nextSeqAfter) throws IOException {
        byte[] at = nextSeqAfter == count ? chain : boundaries.get(nextSeqAfter);
        if (at == null) {
            throw new IllegalStateException("no chain at seq " + nextSeqAfter + " for decided round " + round
                    + " (chain at " + count + ")");
        }
        boundaries.headMap(nextSeqAfter, false).clear();
        if (round % interval == 0) {
            leaves.clear();
        }
        leaves.put(round, Bytes.of(OrderHashes.roundLeaf(round, nextSeqAfter, at)));
        if ((round + 1) % interval != 0) {
            return;
        }
        journal.rollProofs();
        long first = round + 1 - interval;
        if (certifier != null && leaves.size() == interval && leaves.firstKey() == first) {
            List<Bytes> list = List.copyOf(leaves.values());
            List<byte[]> raw = list.stream().map(Bytes::toArray).toList();
            due.add(new Due(round, nextSeqAfter, at, first, list, OrderHashes.root(raw)));
        }
        leaves.clear();
    }

    /**
     * After the group's sync: prunes the proofs the checkpoints journaled before it cover (their
     * records are durable now), and signs the checkpoints decided in the group. Returns the
     * journal records appended.
     */
    int afterSync() throws IOException {
        if (journaledThrough > prunedThrough) {
            journal.pruneProofs(journaledThrough);
            prunedThrough = journaledThrough;
        }
        int appended = 0;
        for (Due d : due) {
            signing.put(d.round(), d);
            signing.headMap(d.round() - windowRounds(interval), true).clear(); // the certifier forgot them too
            appended += process(certifier.handleInput(new CertInput.Delivered(d.round(), d.statement())));
            appended += process(certifier.handleInput(new CertInput.Sign(d.round())));
        }
        due.clear();
        return appended;
    }

    /** A share from a peer. Returns the journal records appended. */
    int received(int peer, CertMessage m) throws IOException {
        return certifier == null ? 0 : process(certifier.handleMessage(peer, m));
    }

    private int process(Step<CertMessage, Certified> step) throws IOException {
        int appended = 0;
        for (Certified c : Certification.run(certifier, step, self, n, counters, sender)) {
            Due d = signing.remove(c.round());
            CheckpointCertificate last = latest;
            if (d == null || last != null && c.round() <= last.round()) {
                continue; // a newer one is certified already: journaled checkpoints only move forward
            }
            CheckpointCertificate cert = new CheckpointCertificate(d.round(), d.nextSeq(), d.chain(), d.firstRound(),
                    d.root(), c.signature());
            records.put(d.round(), journal.appendCheckpoint(cert, d.leaves()));
            latest = cert;
            journaledThrough = d.round();
            appended++;
            signing.headMap(c.round(), false).clear(); // older ones cannot be journaled any more
        }
        return appended;
    }

    // ---- pruned rounds for lagging peers ----

    /**
     * Decided round {@code r} as a {@link CheckpointedRound}, if a journaled checkpoint covers it;
     * {@code requests} reads the round's deliveries. Null if none does.
     */
    CheckpointedRound serve(long r, RoundRequests requests) throws IOException {
        Map.Entry<Long, Long> e = records.ceilingEntry(r);
        if (e == null) {
            return null;
        }
        if (served == null || served.certificate().round() != e.getKey()) {
            served = journal.readCheckpoint(e.getValue());
        }
        CheckpointCertificate c = served.certificate();
        if (r < c.firstRound()) {
            return null;
        }
        List<byte[]> raw = served.leaves().stream().map(Bytes::toArray).toList();
        return new CheckpointedRound(r, c, OrderHashes.path(raw, (int) (r - c.firstRound())), requests.of(r));
    }

    /** How {@link #serve} reads a decided round's deliveries from the journal. */
    @FunctionalInterface
    interface RoundRequests {
        List<Bytes> of(long round) throws IOException;
    }

    /**
     * Whether {@code c} proves what round {@code c.round()} delivered, as the next round here:
     * its checkpoint verifies with the service key, and its requests carry this server's chain
     * to the value the round's leaf under the checkpoint names.
     */
    Verdict check(CheckpointedRound c) {
        if (serviceKey == null) {
            return Verdict.invalid("this server holds no service key to check checkpoints with");
        }
        if (!c.certificate().verify(serviceKey)) {
            return Verdict.invalid("the checkpoint's signature does not verify with the service key");
        }
        byte[] after = chain;
        long seq = count;
        for (Bytes request : c.requests()) {
            after = OrderHashes.chain(after, seq++, request.toArray());
        }
        return c.certificate().coversRound(c.round(), seq, after, c.path()) ? Verdict.VALID
                : Verdict.invalid("round " + c.round() + "'s requests do not lead to its leaf under checkpoint "
                        + c.certificate().round());
    }
}
