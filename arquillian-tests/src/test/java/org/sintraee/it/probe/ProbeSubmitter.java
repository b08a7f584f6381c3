package org.sintraee.it.probe;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.CompletionStage;
import org.sintraee.api.OrderCertificate;
import org.sintraee.api.SintraConnection;
import org.sintraee.api.SintraConnectionFactory;
import org.sintraee.ejb.SintraResources;

/**
 * Submits through the adapter's connection factory as an application bean would, in a
 * container-managed transaction that commits, or that rolls back in one of two ways. The
 * stage is returned to the caller, who waits on it after the transaction ended.
 */
@Stateless
public class ProbeSubmitter {

    @Resource(lookup = SintraResources.CONNECTION_FACTORY)
    private SintraConnectionFactory connections;

    @Resource
    private SessionContext context;

    /** In a transaction that commits when this method returns. */
    public CompletionStage<Long> committed(byte[] request) {
        return submit(request);
    }

    /** In a transaction marked rollback-only after the submit. */
    public CompletionStage<Long> markedRollbackOnly(byte[] request) {
        CompletionStage<Long> stage = submit(request);
        context.setRollbackOnly();
        return stage;
    }

    /** In a transaction rolled back by an application exception thrown after the submit. */
    public CompletionStage<Long> rolledBackByException(byte[] request) throws ProbeRollback {
        throw new ProbeRollback(submit(request));
    }

    /** Without a transaction: broadcast at once. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CompletionStage<Long> withoutTransaction(byte[] request) {
        return submit(request);
    }

    /** The order certificate of a delivered seq. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CompletionStage<OrderCertificate> certify(long seq) {
        try (SintraConnection connection = connections.getConnection()) {
            return connection.certify(seq);
        }
    }

    private CompletionStage<Long> submit(byte[] request) {
        try (SintraConnection connection = connections.getConnection()) {
            return connection.submit(request);
        }
    }
}
