package org.sintraee.rar;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import javax.naming.Reference;
import org.sintraee.api.SintraConnection;
import org.sintraee.api.SintraConnectionFactory;
import org.sintraee.api.SintraException;

/** What applications get from JNDI: asks the container's connection manager for a pooled connection. */
public class SintraConnectionFactoryImpl implements SintraConnectionFactory, jakarta.resource.Referenceable {

    private static final long serialVersionUID = 1L;

    private final SintraManagedConnectionFactory managedConnectionFactory;
    private final ConnectionManager connectionManager;
    private Reference reference;

    SintraConnectionFactoryImpl(SintraManagedConnectionFactory managedConnectionFactory, ConnectionManager connectionManager) {
        this.managedConnectionFactory = managedConnectionFactory;
        this.connectionManager = connectionManager;
    }

    @Override
    public SintraConnection getConnection() {
        try {
            return (SintraConnection) connectionManager.allocateConnection(managedConnectionFactory, null);
        } catch (ResourceException e) {
            throw new SintraException("Sintra EE: no connection to the local replica: " + e.getMessage(), e);
        }
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
