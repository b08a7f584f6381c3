package org.sintraee.rar;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.ResourceAdapterInternalException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sintraee.api.ReplicaStatus;
import org.sintraee.api.SintraException;

class SintraResourceAdapterTest {

    @TempDir
    Path dir;

    private TestReplicaFiles files;
    private SintraResourceAdapter adapter;
    private FakeBootstrapContext context;
    private int port;

    @BeforeEach
    void configure() throws Exception {
        files = new TestReplicaFiles(dir);
        port = TestReplicaFiles.freePort();
        adapter = files.adapter(1, port);
        context = new FakeBootstrapContext();
    }

    @AfterEach
    void stop() {
        adapter.stop();
        context.close();
    }

    @Test
    void startedAdapterReportsItsConfigurationAndALonelyEngine() throws Exception {
        Instant before = Instant.now();
        adapter.start(context);

        ReplicaStatus status = adapter.status();
        assertAll(
                () -> assertEquals(1, status.serverId()),
                () -> assertEquals(4, status.servers()),
                () -> assertEquals(1, status.faulty()),
                () -> assertEquals("STARTED", status.state()),
                () -> assertEquals(files.dataDirectory.toString(), status.dataDirectory()),
                () -> assertFalse(Instant.parse(status.startedAt()).isBefore(before)),
                () -> assertFalse(status.ready(), "its peers are down"),
                () -> assertEquals(0, status.linksUp()),
                () -> assertEquals(0, status.round()),
                () -> assertEquals(0, status.delivered()),
                // node loop, acceptor and one task per peer, all on the WorkManager
                () -> assertTrue(context.scheduled() >= 2 + 3, "works scheduled: " + context.scheduled()),
                () -> assertTrue(Files.list(files.dataDirectory).findAny().isPresent(), "the journal is open"));
    }

    @Test
    void stopEndsEveryScheduledWorkAndFreesThePeerPort() throws Exception {
        adapter.start(context);
        assertTrue(context.running() > 0);

        adapter.stop();

        assertEquals(0, context.running(), "works still running after stop, of " + context.scheduled());
        assertEquals("STOPPED", adapter.status().state());
        assertFalse(adapter.status().ready());
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress("127.0.0.1", port));
        }
    }

    @Test
    void aPortInUseFailsStartNamingTheAddressAndLeavesNoWork() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", port));

            ResourceAdapterInternalException e = assertThrows(ResourceAdapterInternalException.class,
                    () -> adapter.start(context));
            assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
            assertTrue(e.getMessage().contains("BindException"), e.getMessage());
        }
        await(() -> context.running() == 0, "every work ended");
        assertThrows(SintraException.class, adapter::status);
    }

    @Test
    void aWorkManagerThatRefusesWorkFailsStart() throws Exception {
        try (FakeBootstrapContext refusing = FakeBootstrapContext.refusingWork()) {
            ResourceAdapterInternalException e = assertThrows(ResourceAdapterInternalException.class,
                    () -> adapter.start(refusing));
            assertTrue(e.getMessage().contains("WorkManager refused"), e.getMessage());
        }
        // the journal was closed again: a second start on the same directory works
        adapter.start(context);
        assertEquals("STARTED", adapter.status().state());
    }

    @Test
    void startFailsNamingTheBadProperty() {
        adapter.setPrivateKeyFile(dir.resolve("missing.json").toString());

        ResourceAdapterInternalException e =
                assertThrows(ResourceAdapterInternalException.class, () -> adapter.start(context));
        assertTrue(e.getMessage().contains("'privateKeyFile'"), e.getMessage());
        assertEquals(0, context.scheduled());
    }

    @Test
    void aBadListenAddressIsNamed() {
        adapter.setListenAddress("127.0.0.1");

        ResourceAdapterInternalException e =
                assertThrows(ResourceAdapterInternalException.class, () -> adapter.start(context));
        assertTrue(e.getMessage().contains("'listenAddress'"), e.getMessage());
    }

    @Test
    void statusBeforeStartIsAnError() {
        assertThrows(SintraException.class, adapter::status);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
