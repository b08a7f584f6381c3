package org.sintraee.runtime.node;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.sintraee.protocol.abc.AbcDelivery;
import org.sintraee.protocol.abc.AtomicBroadcast;
import org.sintraee.protocol.abc.RoundProof;
import org.sintraee.protocol.core.Bytes;

/**
 * The loop's Decided records (see package-info, "Decided rounds" and "Restart"): appends one
 * per decided round with its proof and indexes its offset, tells {@link Checkpoints} (which
 * certifies some of them), and checks deliveries re-derived
 * after a restart against the journal. Loop thread only.
 */
final class DecidedLog {
    private final AtomicBroadcast abc;
    private final Recovery recovery;
    private final Durability journal;
    private final Checkpoints checkpoints;
    private long persistedThrough;
    private long nextSeqPersisted;

    DecidedLog(AtomicBroadcast abc, Recovery recovery, Durability journal, Checkpoints checkpoints) {
        this.abc = abc;
        this.checkpoints = checkpoints;
        this.recovery = recovery;
        this.journal = journal;
        this.persistedThrough = recovery.round - 1;
        this.nextSeqPersisted = recovery.nextSeq;
    }

    /** A delivery the journal held past its last Decided marker: the broadcast must derive exactly it again. */
    void rederived(AbcDelivery d) {
        Bytes was = d.seq() < recovery.nextSeq ? null : recovery.journaled(d.seq());
        if (was == null || !was.equals(d.request())) {
            throw new IllegalStateException("FATAL: re-derived delivery seq " + d.seq() + " of round " + d.round()
                    + " differs from the journal's (" + d.request() + " vs " + was + "): the broadcast is not"
                    + " deterministic or the journal is not this server's; refusing to go on");
        }
    }

    /**
     * Appends a Decided record for every round the step decided, after the step's deliveries:
     * with its proof (the broadcast's contract keeps {@code proof(r)} present for a round it
     * decided or adopted), or without one for a round taken from a checkpoint.
     */
    int persist(List<AbcDelivery> outputs) throws IOException {
        int i = 0;
        int appended = 0;
        for (long r = persistedThrough + 1; r < abc.round(); r++) {
            while (i < outputs.size() && outputs.get(i).round() <= r) {
                nextSeqPersisted = outputs.get(i++).seq() + 1;
            }
            Optional<RoundProof> p = abc.proof(r); // empty for a round taken from a checkpoint (adoptDelivered)
            recovery.index.add(r, nextSeqPersisted, p.isPresent()
                    ? journal.appendDecided(r, nextSeqPersisted, p.get().encode())
                    : journal.appendDecidedWithoutProof(r, nextSeqPersisted));
            checkpoints.decided(r, nextSeqPersisted);
            appended++;
            persistedThrough = r;
        }
        return appended;
    }
}
