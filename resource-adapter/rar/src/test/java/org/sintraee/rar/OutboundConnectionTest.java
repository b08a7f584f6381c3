package org.sintraee.rar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransactionException;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sintraee.api.SintraConnection;
import org.sintraee.api.SintraConnectionFactory;
import org.sintraee.api.SintraException;

/** The outbound path as a container drives it, with a one-connection "pool" standing in for the container. */
class OutboundConnectionTest {

    @TempDir
    Path dir;

    private SintraManagedConnectionFactory managedConnectionFactory;
    private SingleConnectionManager connectionManager;
    private SintraConnectionFactory factory;
    private SintraResourceAdapter adapter;
    private FakeBootstrapContext context;

    @BeforeEach
    void deploy() throws Exception {
        TestReplicaFiles files = new TestReplicaFiles(dir);
        adapter = files.adapter(2, TestReplicaFiles.freePort());
        context = new FakeBootstrapContext();
        adapter.start(context);

        managedConnectionFactory = new SintraManagedConnectionFactory();
        managedConnectionFactory.setResourceAdapter(adapter);
        connectionManager = new SingleConnectionManager();
        factory = (SintraConnectionFactory) managedConnectionFactory.createConnectionFactory(connectionManager);
    }

    @AfterEach
    void undeploy() {
        adapter.stop();
        context.close();
    }

    @Test
    void connectionReportsTheAdaptersStatus() {
        try (SintraConnection connection = factory.getConnection()) {
            assertEquals(2, connection.status().serverId());
            assertFalse(connection.status().ready(), "no peer is up");
            assertEquals(0, connection.status().linksUp());
            assertTrue(connection.checkpoint().isEmpty(), "no round, so no checkpoint");
        }
    }

    @Test
    void closingAHandleTellsTheContainerAndDisablesTheHandle() {
        SintraConnection connection = factory.getConnection();
        connection.close();

        assertEquals(1, connectionManager.closedEvents.size());
        assertSame(connection, connectionManager.closedEvents.get(0).getConnectionHandle());
        assertThrows(SintraException.class, connection::status);
        assertThrows(SintraException.class, connection::checkpoint);
    }

    @Test
    void certifyOfASeqNotDeliveredHereFailsInTheApisTerms() throws Exception {
        SintraConnection connection = factory.getConnection();
        java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> connection.certify(5).toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof SintraException, e.toString());
        assertTrue(e.getCause().getMessage().contains("not delivered"), e.getCause().getMessage());
        connection.close();
        assertThrows(SintraException.class, () -> connection.certify(0));
    }

    @Test
    void aFreeManagedConnectionIsReused() throws Exception {
        ManagedConnection first = managedConnectionFactory.createManagedConnection(null, null);
        assertSame(first, managedConnectionFactory.matchManagedConnections(Set.of(first), null, null));
    }

    @Test
    void localTransactionIsTrackedAndMisuseRejected() throws Exception {
        SintraLocalTransaction transaction =
                (SintraLocalTransaction) managedConnectionFactory.createManagedConnection(null, null).getLocalTransaction();

        transaction.begin();
        assertTrue(transaction.isActive());
        assertThrows(LocalTransactionException.class, transaction::begin);
        transaction.commit();
        assertFalse(transaction.isActive());
        assertThrows(LocalTransactionException.class, transaction::commit);
        assertThrows(LocalTransactionException.class, transaction::rollback);
    }

    @Test
    void xaIsNotOffered() throws Exception {
        ManagedConnection connection = managedConnectionFactory.createManagedConnection(null, null);
        assertThrows(ResourceException.class, connection::getXAResource);
    }

    /** Creates one managed connection per allocation and records the close events it receives. */
    private static final class SingleConnectionManager implements ConnectionManager, ConnectionEventListener {

        private static final long serialVersionUID = 1L;

        final List<ConnectionEvent> closedEvents = new ArrayList<>();

        @Override
        public Object allocateConnection(ManagedConnectionFactory mcf, ConnectionRequestInfo info) throws ResourceException {
            ManagedConnection connection = mcf.createManagedConnection(null, info);
            connection.addConnectionEventListener(this);
            return connection.getConnection(null, info);
        }

        @Override
        public void connectionClosed(ConnectionEvent event) {
            closedEvents.add(event);
        }

        @Override
        public void localTransactionStarted(ConnectionEvent event) {
        }

        @Override
        public void localTransactionCommitted(ConnectionEvent event) {
        }

        @Override
        public void localTransactionRolledback(ConnectionEvent event) {
        }

        @Override
        public void connectionErrorOccurred(ConnectionEvent event) {
        }
    }
}
