package org.sintraee.rar;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.resource.spi.work.WorkRejectedException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Timer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bootstrap context whose WorkManager runs each scheduled work on a thread pool, as a
 * container would, counting the works scheduled and those still running, so a test can
 * check that the adapter's stop() let every one of them end. Optionally refuses all work, and
 * optionally offers a {@link FakeTransactions} registry (else it refuses, as a container without JTA may).
 */
final class FakeBootstrapContext implements BootstrapContext, AutoCloseable {

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final AtomicInteger scheduled = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final boolean refuseWork;
    private final WorkManager workManager = new PoolWorkManager();
    private final FakeTransactions transactions; // null: the container offers no registry

    FakeBootstrapContext() {
        this(false, null);
    }

    private FakeBootstrapContext(boolean refuseWork, FakeTransactions transactions) {
        this.refuseWork = refuseWork;
        this.transactions = transactions;
    }

    /** A context whose TransactionSynchronizationRegistry is {@code transactions}, driven by the test. */
    static FakeBootstrapContext withTransactions(FakeTransactions transactions) {
        return new FakeBootstrapContext(false, transactions);
    }

    /** A context whose WorkManager rejects every work, as a saturated container would. */
    static FakeBootstrapContext refusingWork() {
        return new FakeBootstrapContext(true, null);
    }

    /** Works scheduled so far. */
    int scheduled() {
        return scheduled.get();
    }

    /** Works scheduled and not yet ended (queued or running). */
    int running() {
        return running.get();
    }

    /** Ends the pool's threads; works still running are interrupted. */
    @Override
    public void close() {
        pool.shutdownNow();
    }

    @Override
    public WorkManager getWorkManager() {
        return workManager;
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
        if (transactions == null) {
            throw new UnsupportedOperationException("no transactions in this test");
        }
        return transactions;
    }

    private final class PoolWorkManager implements WorkManager {

        @Override
        public void scheduleWork(Work work) throws WorkException {
            if (refuseWork) {
                throw new WorkRejectedException("the test refuses all work", WorkException.START_TIMED_OUT);
            }
            scheduled.incrementAndGet();
            running.incrementAndGet();
            try {
                pool.execute(() -> {
                    try {
                        work.run();
                    } finally {
                        running.decrementAndGet();
                    }
                });
            } catch (RejectedExecutionException e) {
                running.decrementAndGet();
                throw new WorkRejectedException(e);
            }
        }

        @Override
        public void scheduleWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
                throws WorkException {
            scheduleWork(work);
        }

        @Override
        public void doWork(Work work) {
            throw new UnsupportedOperationException("the adapter only schedules work");
        }

        @Override
        public void doWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener) {
            throw new UnsupportedOperationException("the adapter only schedules work");
        }

        @Override
        public long startWork(Work work) {
            throw new UnsupportedOperationException("the adapter only schedules work");
        }

        @Override
        public long startWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener) {
            throw new UnsupportedOperationException("the adapter only schedules work");
        }
    }
}
