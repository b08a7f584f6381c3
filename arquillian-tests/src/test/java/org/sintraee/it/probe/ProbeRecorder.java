package org.sintraee.it.probe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.sintraee.api.OrderedRequest;
import org.sintraee.ejb.SintraResources;

/**
 * An application observer of the ordered requests: it appends (seq, round, SHA-256 of the
 * request, this deployment's boot id) to a table in the delivery's own transaction, so the
 * table holds exactly what was applied, and survives a crash as the applied position does.
 * It writes through the application's persistence unit, the one the MDB keeps its applied
 * position in, so both share the transaction's one connection. It also counts its calls in
 * memory, retried ones included.
 */
@ApplicationScoped
public class ProbeRecorder {

    /** Distinguishes the rows of each deployment (a restart may deploy twice, see ClusterIT). */
    static final String BOOT = UUID.randomUUID().toString();

    private final AtomicLong calls = new AtomicLong();

    @PersistenceContext(unitName = SintraResources.PERSISTENCE_UNIT)
    private EntityManager em;

    void record(@Observes OrderedRequest ordered) {
        calls.incrementAndGet();
        // a failure here is thrown to the MDB: the delivery rolls back and is retried
        em.createNativeQuery("INSERT INTO " + ProbeTable.NAME + " (SEQ, ROUND_NO, SHA256, BOOT) VALUES (?, ?, ?, ?)")
                .setParameter(1, ordered.seq())
                .setParameter(2, ordered.round())
                .setParameter(3, sha256(ordered.request()))
                .setParameter(4, BOOT)
                .executeUpdate();
    }

    long calls() {
        return calls.get();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
