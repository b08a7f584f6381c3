package org.sintraee.rar;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The runtime's executor inside the application server: every task becomes a {@link Work}
 * scheduled on the container's WorkManager, so the replica runs only on container threads
 * and makes none of its own. The engine's tasks are long-lived (they run until the engine
 * is closed), hence {@code scheduleWork}: it returns once the work is accepted, without
 * waiting for it to start or end.
 */
final class WorkManagerExecutor implements Executor {

    private final WorkManager workManager;

    WorkManagerExecutor(WorkManager workManager) {
        this.workManager = Objects.requireNonNull(workManager, "workManager");
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        try {
            workManager.scheduleWork(new TaskWork(task));
        } catch (WorkException e) {
            RejectedExecutionException rejected = new RejectedExecutionException(
                    "Sintra EE: the container's WorkManager refused a replica task (error code " + e.getErrorCode()
                            + "): " + e.getMessage()
                            + "; the replica needs 2n long-lived tasks from the adapter's thread pool", e);
            throw rejected;
        }
    }

    /** One runtime task as container work. */
    private static final class TaskWork implements Work {
        private final Runnable task;

        TaskWork(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            task.run();
        }

        /**
         * Deliberately a no-op: the adapter's stop() closes the engine, which ends every task.
         * Interrupting instead could hit the node loop inside a journal write, and an interrupt
         * during FileChannel I/O closes the channel, failing the node instead of stopping it.
         */
        @Override
        public void release() {
            // the engine's close() ends the task
        }

        @Override
        public String toString() {
            return "Sintra EE replica task " + task;
        }
    }
}
