package org.sintraee.rar;

import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.LocalTransactionException;
import java.util.logging.Logger;

/**
 * The container drives this when a connection is used inside a JTA transaction: begin()
 * at enlistment, commit() or rollback() at the end.
 *
 * <p>Skeleton: it only tracks whether a transaction is active. The submission step keeps
 * the requests made in a transaction here and broadcasts them only in commit(), dropping
 * them in rollback(), so nothing is broadcast for a rolled-back transaction.
 */
class SintraLocalTransaction implements LocalTransaction {

    private static final Logger LOG = Logger.getLogger(SintraLocalTransaction.class.getName());

    private boolean active;

    @Override
    public synchronized void begin() throws LocalTransactionException {
        if (active) {
            throw new LocalTransactionException("Sintra EE: a local transaction is already active");
        }
        active = true;
        LOG.fine("Sintra EE: local transaction begun");
    }

    @Override
    public synchronized void commit() throws LocalTransactionException {
        end("commit");
    }

    @Override
    public synchronized void rollback() throws LocalTransactionException {
        end("rollback");
    }

    synchronized boolean isActive() {
        return active;
    }

    private void end(String how) throws LocalTransactionException {
        if (!active) {
            throw new LocalTransactionException("Sintra EE: " + how + " without an active local transaction");
        }
        active = false;
        LOG.fine(() -> "Sintra EE: local transaction ended by " + how);
    }
}
