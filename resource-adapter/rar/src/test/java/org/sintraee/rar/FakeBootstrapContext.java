package org.sintraee.rar;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Timer;

/** A bootstrap context that offers nothing: the skeleton's start() needs none of it. */
final class FakeBootstrapContext implements BootstrapContext {

    @Override
    public WorkManager getWorkManager() {
        throw new UnsupportedOperationException("no work manager in this test");
    }

    @Override
    public XATerminator getXATerminator() {
        throw new UnsupportedOperationException("no XA terminator in this test");
    }

    @Override
    public Timer createTimer() {
        throw new UnsupportedOperationException("no timers in this test");
    }

    @Override
    public boolean isContextSupported(Class<? extends WorkContext> workContextClass) {
        return false;
    }

    @Override
    public TransactionSynchronizationRegistry getTransactionSynchronizationRegistry() {
        throw new UnsupportedOperationException("no transactions in this test");
    }
}
