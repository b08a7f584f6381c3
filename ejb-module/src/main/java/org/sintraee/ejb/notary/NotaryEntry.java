package org.sintraee.ejb.notary;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One stamped document digest: where the service ordered it. Written in the delivery's
 * transaction, so every server holds the same rows once it applied the same prefix.
 */
@Entity
@Table(name = "SINTRA_NOTARY", indexes = @Index(name = "SINTRA_NOTARY_DIGEST", columnList = "DIGEST", unique = true))
@NamedQuery(name = NotaryEntry.BY_DIGEST, query = "SELECT e FROM NotaryEntry e WHERE e.digest = :digest")
public class NotaryEntry {
    static final String BY_DIGEST = "NotaryEntry.byDigest";

    @Id
    @Column(name = "SEQ")
    private long seq;

    @Column(name = "ROUND_NO", nullable = false)
    private long round;

    /** SHA-256 of the document, lower-case hex. */
    @Column(name = "DIGEST", nullable = false, length = 64)
    private String digest;

    protected NotaryEntry() {
        // for JPA
    }

    NotaryEntry(long seq, long round, String digest) {
        this.seq = seq;
        this.round = round;
        this.digest = digest;
    }

    public long seq() {
        return seq;
    }

    public long round() {
        return round;
    }

    public String digest() {
        return digest;
    }
}
