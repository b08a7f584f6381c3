package org.sintraee.rar;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import javax.security.auth.Subject;
import org.sintraee.api.ReplicaStatus;
import org.sintraee.api.SintraConnection;
import org.sintraee.api.SintraConnectionFactory;
import org.sintraee.api.SintraException;

/** Outbound: makes the application-facing connection factory and the pooled managed connections. */
@ConnectionDefinition(
        connectionFactory = SintraConnectionFactory.class,
        connectionFactoryImpl = SintraConnectionFactoryImpl.class,
        connection = SintraConnection.class,
        connectionImpl = SintraConnectionHandle.class)
public class SintraManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation {

    private static final long serialVersionUID = 1L;

    private transient volatile SintraResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;

    @Override
    public Object createConnectionFactory(ConnectionManager connectionManager) {
        return new SintraConnectionFactoryImpl(this, connectionManager);
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        throw new NotSupportedException("Sintra EE: the adapter runs inside an application server only");
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) {
        return new SintraManagedConnection(this);
    }

    @Override
    @SuppressWarnings("rawtypes") // the connector API's signature
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo info) {
        // every connection of this factory is interchangeable: no per-user state
        for (Object candidate : candidates) {
            if (candidate instanceof SintraManagedConnection connection && connection.factory() == this) {
                return connection;
            }
        }
        return null;
    }

    /** Status of the replica this factory's adapter runs. */
    ReplicaStatus status() {
        return adapter().status();
    }

    /** Submits through this factory's adapter (see {@code SintraConnection.submit}). */
    CompletionStage<Long> submit(byte[] request) {
        return adapter().submit(request);
    }

    /** Submits encrypted through this factory's adapter (see {@code SintraConnection.submitEncrypted}). */
    CompletionStage<Long> submitEncrypted(byte[] request) {
        return adapter().submitEncrypted(request);
    }

    /** The order certificate of seq from this factory's adapter (see {@code SintraConnection.certify}). */
    CompletionStage<org.sintraee.api.OrderCertificate> certify(long seq) {
        return adapter().certify(seq);
    }

    /** The newest checkpoint of this factory's adapter (see {@code SintraConnection.checkpoint}). */
    java.util.Optional<org.sintraee.api.CheckpointCertificate> checkpoint() {
        return adapter().checkpoint();
    }

    private SintraResourceAdapter adapter() {
        SintraResourceAdapter adapter = resourceAdapter;
        if (adapter == null) {
            throw new SintraException("Sintra EE: the connection factory is not associated with the resource adapter");
        }
        return adapter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) throws ResourceException {
        if (!(adapter instanceof SintraResourceAdapter sintra)) {
            throw new ResourceException("Sintra EE: expected a SintraResourceAdapter, got " + adapter);
        }
        this.resourceAdapter = sintra;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    // The connector contract wants equality by configuration; this factory has no
    // properties of its own yet, so all instances are equal.
    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
