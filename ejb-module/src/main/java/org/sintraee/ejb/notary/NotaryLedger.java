package org.sintraee.ejb.notary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HexFormat;
import java.util.Optional;
import org.sintraee.api.OrderedRequest;
import org.sintraee.api.notary.NotaryRequest;
import org.sintraee.ejb.RequestType;

/**
 * The notary's replicated state: records each ordered notary request. It observes the
 * ordered deliveries synchronously, so its row commits with the delivery's applied position
 * (exactly once per server) and a failure rolls both back.
 */
@ApplicationScoped
public class NotaryLedger {

    @PersistenceContext
    private EntityManager em;

    void record(@Observes @RequestType(NotaryRequest.TYPE) OrderedRequest ordered) {
        NotaryRequest.digestOf(ordered.request()).ifPresent(digest -> {
            // the first place of a digest is its stamp; a later identical request changes nothing
            if (em.find(NotaryEntry.class, ordered.seq()) == null && find(digest).isEmpty()) {
                em.persist(new NotaryEntry(ordered.seq(), ordered.round(), HexFormat.of().formatHex(digest)));
            }
        });
    }

    /** The entry for a document digest, if the service ordered it and this server applied it. */
    public Optional<NotaryEntry> find(byte[] digest) {
        return em.createNamedQuery(NotaryEntry.BY_DIGEST, NotaryEntry.class)
                .setParameter("digest", HexFormat.of().formatHex(digest))
                .getResultStream().findFirst();
    }
}
