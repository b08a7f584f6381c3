package org.sintraee.api;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where this replica's atomic broadcast stands.
 *
 * @param round              the atomic broadcast's current round, from 0
 * @param mvbaIteration      iterations of the current round's validated agreement this server voted in
 * @param abbaRounds         binary-agreement rounds this server pre-voted in, over the current round
 * @param coinTosses         coins of the current round this server released its share for
 * @param delivered          requests delivered (durably), from 0
 * @param queued             local requests waiting in the broadcast's queue
 * @param mailbox            events waiting in the node's mailbox
 * @param journalSyncs       journal syncs made
 * @param meanRecordsPerSync records per journal sync on average (0 before the first sync)
 * @param failed             the node failed and stopped
 * @param failure            why it failed; empty if it did not
 * @param checkpointRound    the last round of the newest certified checkpoint this server holds, -1 if none
 * @param checkpointSeq      requests that checkpoint covers (0 if none)
 */
public record AgreementStatus(long round, int mvbaIteration, int abbaRounds, int coinTosses, long delivered,
                              int queued, int mailbox, long journalSyncs, double meanRecordsPerSync,
                              boolean failed, String failure, long checkpointRound, long checkpointSeq)
        implements Serializable {

    private static final long serialVersionUID = 2L;

    public AgreementStatus {
        Objects.requireNonNull(failure, "failure");
        if (round < 0 || delivered < 0 || journalSyncs < 0) {
            throw new IllegalArgumentException("counts are never negative: round=" + round + ", delivered="
                    + delivered + ", journalSyncs=" + journalSyncs);
        }
        if (checkpointRound < -1 || checkpointSeq < 0 || checkpointSeq > delivered) {
            throw new IllegalArgumentException("checkpoint round " + checkpointRound + " covering " + checkpointSeq
                    + " of " + delivered + " requests delivered");
        }
    }
}
