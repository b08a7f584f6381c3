package org.sintraee.rar;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import org.sintraee.api.CheckpointCertificate;
import org.sintraee.api.OrderCertificate;
import org.sintraee.api.ReplicaStatus;

/**
 * A pooled, container-managed connection to the local replica; applications only see its
 * {@link SintraConnectionHandle handles}. It takes part in JTA transactions as a local
 * transaction resource (see {@link SintraLocalTransaction}).
 */
public class SintraManagedConnection implements ManagedConnection {

    private final SintraManagedConnectionFactory factory;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<SintraConnectionHandle> handles = ConcurrentHashMap.newKeySet();
    private final SintraLocalTransaction localTransaction = new SintraLocalTransaction();
    private PrintWriter logWriter;

    SintraManagedConnection(SintraManagedConnectionFactory factory) {
        this.factory = factory;
    }

    SintraManagedConnectionFactory factory() {
        return factory;
    }

    ReplicaStatus status() {
        return factory.status();
    }

    CompletionStage<Long> submit(byte[] request) {
        return factory.submit(request);
    }

    CompletionStage<Long> submitEncrypted(byte[] request) {
        return factory.submitEncrypted(request);
    }

    CompletionStage<OrderCertificate> certify(long seq) {
        return factory.certify(seq);
    }

    Optional<CheckpointCertificate> checkpoint() {
        return factory.checkpoint();
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) {
        SintraConnectionHandle handle = new SintraConnectionHandle(this);
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof SintraConnectionHandle handle)) {
            throw new ResourceException("Sintra EE: not a Sintra connection handle: " + connection);
        }
        SintraManagedConnection previous = handle.associate(this);
        if (previous != null) {
            previous.handles.remove(handle);
        }
        handles.add(handle);
    }

    /** Called by a handle's close(): tells the container it may return this connection to the pool. */
    void handleClosed(SintraConnectionHandle handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        for (ConnectionEventListener listener : listeners) {
            listener.connectionClosed(event);
        }
    }

    @Override
    public void cleanup() {
        for (SintraConnectionHandle handle : handles) {
            handle.invalidate();
        }
        handles.clear();
    }

    @Override
    public void destroy() {
        cleanup();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("Sintra EE: XA is not supported; the adapter uses local transactions");
    }

    @Override
    public LocalTransaction getLocalTransaction() {
        return localTransaction;
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new SintraConnectionMetaData();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }
}
