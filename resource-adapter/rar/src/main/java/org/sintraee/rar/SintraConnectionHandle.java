package org.sintraee.rar;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.sintraee.api.CheckpointCertificate;
import org.sintraee.api.OrderCertificate;
import org.sintraee.api.ReplicaStatus;
import org.sintraee.api.SintraConnection;
import org.sintraee.api.SintraException;

/** The connection an application holds; delegates to the managed connection it is associated with. */
public class SintraConnectionHandle implements SintraConnection {

    private volatile SintraManagedConnection managedConnection;

    SintraConnectionHandle(SintraManagedConnection managedConnection) {
        this.managedConnection = managedConnection;
    }

    @Override
    public ReplicaStatus status() {
        return current().status();
    }

    @Override
    public CompletionStage<Long> submit(byte[] request) {
        return current().submit(request);
    }

    @Override
    public CompletionStage<Long> submitEncrypted(byte[] request) {
        return current().submitEncrypted(request);
    }

    @Override
    public CompletionStage<OrderCertificate> certify(long seq) {
        return current().certify(seq);
    }

    @Override
    public Optional<CheckpointCertificate> checkpoint() {
        return current().checkpoint();
    }

    @Override
    public void close() {
        SintraManagedConnection connection = managedConnection;
        if (connection != null) {
            managedConnection = null;
            connection.handleClosed(this);
        }
    }

    /** Re-associates this handle (container connection sharing); returns the previous managed connection. */
    SintraManagedConnection associate(SintraManagedConnection connection) {
        SintraManagedConnection previous = managedConnection;
        managedConnection = connection;
        return previous;
    }

    /** The container cleaned up the managed connection: this handle is dead. */
    void invalidate() {
        managedConnection = null;
    }

    private SintraManagedConnection current() {
        SintraManagedConnection connection = managedConnection;
        if (connection == null) {
            throw new SintraException("Sintra EE: the connection is closed");
        }
        return connection;
    }
}
