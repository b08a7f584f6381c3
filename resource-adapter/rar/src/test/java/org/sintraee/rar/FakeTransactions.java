package org.sintraee.rar;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A TransactionSynchronizationRegistry over transactions the test drives: begin() makes one the
 * current transaction (of the whole registry: tests use one thread), suspend()/resume() switch,
 * commit()/rollback() run the interposed synchronizations as a transaction manager would.
 */
final class FakeTransactions implements TransactionSynchronizationRegistry {

    /** One fake transaction: its status, resources and interposed synchronizations. */
    static final class Tx {
        private int status = Status.STATUS_ACTIVE;
        private final Map<Object, Object> resources = new HashMap<>();
        private final List<Synchronization> synchronizations = new ArrayList<>();

        int synchronizations() {
            return synchronizations.size();
        }
    }

    private Tx current;

    Tx begin() {
        if (current != null) {
            throw new IllegalStateException("a transaction is already current");
        }
        current = new Tx();
        return current;
    }

    Tx suspend() {
        Tx tx = current;
        current = null;
        return tx;
    }

    void resume(Tx tx) {
        current = tx;
    }

    void commit(Tx tx) {
        end(tx, Status.STATUS_COMMITTED);
    }

    void rollback(Tx tx) {
        end(tx, Status.STATUS_ROLLEDBACK);
    }

    private void end(Tx tx, int outcome) {
        if (tx.status != Status.STATUS_ACTIVE && tx.status != Status.STATUS_MARKED_ROLLBACK) {
            throw new IllegalStateException("transaction already ended");
        }
        if (outcome == Status.STATUS_COMMITTED) {
            tx.synchronizations.forEach(Synchronization::beforeCompletion);
        }
        tx.status = outcome;
        if (current == tx) {
            current = null;
        }
        tx.synchronizations.forEach(s -> s.afterCompletion(outcome));
    }

    private Tx active() {
        if (current == null) {
            throw new IllegalStateException("no transaction");
        }
        return current;
    }

    @Override
    public Object getTransactionKey() {
        return current;
    }

    @Override
    public void putResource(Object key, Object value) {
        active().resources.put(key, value);
    }

    @Override
    public Object getResource(Object key) {
        return active().resources.get(key);
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
        if (active().status != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("transaction not active");
        }
        active().synchronizations.add(sync);
    }

    @Override
    public int getTransactionStatus() {
        return current == null ? Status.STATUS_NO_TRANSACTION : current.status;
    }

    @Override
    public void setRollbackOnly() {
        active().status = Status.STATUS_MARKED_ROLLBACK;
    }

    @Override
    public boolean getRollbackOnly() {
        return active().status == Status.STATUS_MARKED_ROLLBACK;
    }
}
