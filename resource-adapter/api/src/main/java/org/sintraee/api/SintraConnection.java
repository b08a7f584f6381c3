package org.sintraee.api;

import java.util.concurrent.CompletionStage;

/**
 * A connection handle to the local replica, valid until {@link #close()}.
 * Inside a JTA transaction, the work done through it follows the transaction.
 */
public interface SintraConnection extends AutoCloseable {

    /**
     * The local replica's current status.
     *
     * @throws SintraException if the connection is closed or the replica cannot answer
     */
    ReplicaStatus status();

    /**
     * Submits a request for atomic broadcast to every replica.
     *
     * <p>Inside a JTA transaction the request is broadcast only after the transaction commits,
     * in the order of the transaction's submit calls, and never if it rolls back: the stage then
     * fails with {@link NotBroadcastException}. Outside a transaction it is broadcast at once.
     * The stage completes with the request's seq in the total order once THIS server delivers it,
     * never before the commit. It fails with {@link SintraBusyException} under back-pressure
     * (retry later) and with {@link SintraException} when the replica stopped or refused the
     * request (for example one already delivered: requests are identified by their bytes).
     *
     * <p>Callbacks attached without an executor may run on the replica's delivery thread: keep
     * them short, or use the {@code *Async} variants with the application's executor.
     *
     * @param request the request's bytes; copied before this method returns
     * @return completes with the seq of the request once this server delivered it
     * @throws IllegalArgumentException if the request is larger than the replica accepts
     * @throws SintraException          if the connection is closed, the replica is not running,
     *                                  or the transaction cannot take part (marked for rollback:
     *                                  {@link NotBroadcastException}; or already completing)
     */
    CompletionStage<Long> submit(byte[] request);

    /** Releases the handle; never throws a checked exception. */
    @Override
    void close();
}
