package org.sintraee.ejb;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * How far this server's application has applied the total order: one row per consumer,
 * updated in the same transaction as the effects of each delivery, so that after a crash
 * delivery resumes exactly where the committed effects end.
 */
@Entity
@Table(name = "SINTRA_APPLIED_POSITION")
public class AppliedPosition {

    @Id
    @Column(name = "CONSUMER", length = 64)
    private String consumer;

    @Column(name = "NEXT_SEQ", nullable = false)
    private long nextSeq;

    protected AppliedPosition() {
        // for JPA
    }

    AppliedPosition(String consumer) {
        this.consumer = consumer;
    }

    /** The first seq not applied yet: every seq below it has been, exactly once. */
    public long nextSeq() {
        return nextSeq;
    }

    void applied(long seq) {
        if (seq != nextSeq) {
            throw new IllegalStateException("applying seq " + seq + " at position " + nextSeq);
        }
        nextSeq = seq + 1;
    }
}
