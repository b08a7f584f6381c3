package org.sintraee.ejb.notary;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.sintraee.api.SintraConnection;
import org.sintraee.api.SintraConnectionFactory;
import org.sintraee.api.SintraException;
import org.sintraee.api.notary.NotaryReceipt;
import org.sintraee.api.notary.NotaryRequest;
import org.sintraee.ejb.SintraResources;

/**
 * The replicated notary: a document digest is ordered by atomic broadcast, and the answer is
 * the service's threshold signature over the round that ordered it, with the digest's Merkle
 * path ({@link NotaryReceipt}). A digest stamped before gets its original place again.
 *
 * <p>Not transactional: the request is broadcast at once (there is nothing of the caller's
 * to commit with it), and waiting for the order must not hold a transaction open.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NotaryService {

    @Resource(lookup = SintraResources.CONNECTION_FACTORY)
    private SintraConnectionFactory connectionFactory;

    @Resource
    private ManagedExecutorService executor;

    @Resource
    private SessionContext context;

    @Inject
    private NotaryLedger ledger;

    /**
     * Stamps a document digest.
     *
     * @return completes with the signed receipt once this server delivered the request and t + 1
     *         servers signed its round; fails with the adapter's exception (busy, not running)
     * @throws IllegalArgumentException if the digest is not 32 bytes
     */
    public CompletionStage<NotaryReceipt> stamp(byte[] digest) {
        byte[] request = NotaryRequest.encode(digest);
        Optional<NotaryEntry> known = ledger.find(digest);
        if (known.isPresent()) {
            return certify(known.get().seq(), digest);
        }
        CompletionStage<Long> ordered;
        try (SintraConnection connection = connectionFactory.getConnection()) {
            ordered = connection.submit(request);
        }
        NotaryService self = context.getBusinessObject(NotaryService.class);
        // certify on a container thread: the delivery callback runs on the replica's own thread
        return ordered.handleAsync((seq, failure) -> {
            if (failure == null) {
                return self.certify(seq, digest);
            }
            // a digest ordered meanwhile (e.g. sent to several servers) is refused as already delivered
            Optional<NotaryEntry> now = self.lookup(digest);
            if (now.isPresent()) {
                return self.certify(now.get().seq(), digest);
            }
            return CompletableFuture.<NotaryReceipt>failedFuture(unwrap(failure));
        }, executor).thenCompose(stage -> stage);
    }

    /** The receipt of a digest stamped before, if this server applied it. */
    public Optional<CompletionStage<NotaryReceipt>> receipt(byte[] digest) {
        NotaryRequest.encode(digest);
        return ledger.find(digest).map(entry -> certify(entry.seq(), digest));
    }

    /** Business method so that the lookup runs with the container's persistence context. */
    public Optional<NotaryEntry> lookup(byte[] digest) {
        return ledger.find(digest);
    }

    /** Business method: the certificate of the request at seq, as this digest's receipt. */
    public CompletionStage<NotaryReceipt> certify(long seq, byte[] digest) {
        try (SintraConnection connection = connectionFactory.getConnection()) {
            return connection.certify(seq).thenApply(certificate -> new NotaryReceipt(digest, certificate));
        } catch (SintraException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
