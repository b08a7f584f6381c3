package org.sintraee.rar;

import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.LocalTransactionException;
import java.util.logging.Logger;

/**
 * The container drives this when a connection is used inside a JTA transaction: begin()
 * at enlistment, commit() or rollback() at the end.
 *
 * <p>It only tracks whether a transaction is active; it broadcasts nothing. Requests made in a
 * JTA transaction are held by the adapter's interposed synchronization ({@link CommitBuffer}),
 * which sees the transaction's final outcome, and broadcast only after it committed. Without a
 * TransactionSynchronizationRegistry they are broadcast at once (the adapter warns at start).
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
