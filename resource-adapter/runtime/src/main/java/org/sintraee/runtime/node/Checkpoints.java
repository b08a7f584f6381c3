package org.sintraee.runtime.node;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.sintraee.api.CheckpointCertificate;
import org.sintraee.api.OrderHashes;
import org.sintraee.protocol.abc.AbcDelivery;
import org.sintraee.protocol.cert.CertInput;
import org.sintraee.protocol.cert.CertMessage;
import org.sintraee.protocol.cert.Certified;
import org.sintraee.protocol.cert.RoundCertifier;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;

/**
 * Certified checkpoints on the node loop (see package-info, "Checkpoints"): keeps the chain
 * ({@link OrderHashes#chain}) over the ordered sequence, and after every round r with
 * {@code (r + 1) % interval == 0} decided in this run, signs the checkpoint statement of
 * (r, next seq, chain) with its share of the service key, through its own
 * {@link RoundCertifier} instance {@code <tag>/checkpoint}. Every server signs every
 * checkpoint unasked, so each gathers t + 1 shares; the combined signature is journaled
 * ({@code Checkpoint} record) and published. Signing waits for the group's sync, so a share
 * never vouches for deliveries that are not durable here. Loop thread only, except
 * {@link #latest()}.
 */
final class Checkpoints {
    /** Checkpoints the certifier keeps, and accepts shares for ahead of the newest decided one. */
    static final int WINDOW_CHECKPOINTS = 4;

    /** A peer's share for a checkpoint, as it waits in the mailbox. */
    record Share(CertMessage message) {
    }

    private record Due(long round, long nextSeq, byte[] chain) {
    }

    private final RoundCertifier certifier;
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
    /** Decided checkpoint rounds to sign after the next sync. */
    private final List<Due> due = new ArrayList<>();
    /** Signed checkpoint rounds waiting for t + 1 shares. */
    private final TreeMap<Long, Due> signing = new TreeMap<>();
    private volatile CheckpointCertificate latest;

    /**
     * @param certifier null when this server has no service key share: the chain is kept, nothing is certified
     * @param recovery  where the chain resumes (its value before recovery.nextSeq) and the last journaled checkpoint
     */
    Checkpoints(RoundCertifier certifier, int interval, Recovery recovery, int self, int n, Durability journal,
                PeerCounters counters, Certification.FrameSender sender) {
        if (interval < 1) {
            throw new IllegalArgumentException("checkpoint interval must be positive: " + interval);
        }
        this.certifier = certifier;
        this.interval = interval;
        this.self = self;
        this.n = n;
        this.journal = journal;
        this.counters = counters;
        this.sender = sender;
        this.chain = recovery.chain;
        this.count = recovery.nextSeq;
        this.latest = recovery.checkpoint;
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

    /** Round {@code round} is decided and persisted, the next seq after it {@code nextSeqAfter}; rounds in order. */
    void decided(long round, long nextSeqAfter) {
        byte[] at = nextSeqAfter == count ? chain : boundaries.get(nextSeqAfter);
        if (at == null) {
            throw new IllegalStateException("no chain at seq " + nextSeqAfter + " for decided round " + round
                    + " (chain at " + count + ")");
        }
        boundaries.headMap(nextSeqAfter, false).clear();
        if (certifier != null && (round + 1) % interval == 0) {
            due.add(new Due(round, nextSeqAfter, at));
        }
    }

    /** After the group's sync: signs the checkpoints decided in it. Returns the journal records appended. */
    int afterSync() throws IOException {
        int appended = 0;
        for (Due d : due) {
            byte[] statement = OrderHashes.checkpointStatement(d.round(), d.nextSeq(), d.chain());
            signing.put(d.round(), d);
            signing.headMap(d.round() - windowRounds(interval), true).clear(); // the certifier forgot them too
            appended += process(certifier.handleInput(new CertInput.Delivered(d.round(), statement)));
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
            CheckpointCertificate cert = new CheckpointCertificate(d.round(), d.nextSeq(), d.chain(), c.signature());
            journal.appendCheckpoint(cert);
            latest = cert;
            appended++;
            signing.headMap(c.round(), false).clear(); // older ones cannot be journaled any more
        }
        return appended;
    }
}
