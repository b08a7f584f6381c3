package org.sintraee.api;

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

    /** Releases the handle; never throws a checked exception. */
    @Override
    void close();
}
