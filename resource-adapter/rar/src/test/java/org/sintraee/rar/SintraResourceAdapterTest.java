package org.sintraee.rar;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.ResourceAdapterInternalException;
import java.nio.file.Path;
import java.time.Instant;
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

    @BeforeEach
    void configure() throws Exception {
        files = new TestReplicaFiles(dir);
        adapter = new SintraResourceAdapter();
        adapter.setServerId(1);
        adapter.setPublicKeyFile(files.publicKeyFile.toString());
        adapter.setPrivateKeyFile(files.privateKeyFile(1).toString());
        adapter.setDataDirectory(files.dataDirectory.toString());
    }

    @Test
    void startedAdapterReportsItsConfiguration() throws Exception {
        Instant before = Instant.now();
        adapter.start(new FakeBootstrapContext());

        ReplicaStatus status = adapter.status();
        assertAll(
                () -> assertEquals(1, status.serverId()),
                () -> assertEquals(4, status.servers()),
                () -> assertEquals(1, status.faulty()),
                () -> assertEquals("STARTED", status.state()),
                () -> assertEquals(files.dataDirectory.toString(), status.dataDirectory()),
                () -> assertFalse(Instant.parse(status.startedAt()).isBefore(before)));
    }

    @Test
    void stoppedAdapterSaysSo() throws Exception {
        adapter.start(new FakeBootstrapContext());
        adapter.stop();

        assertEquals("STOPPED", adapter.status().state());
    }

    @Test
    void startFailsNamingTheBadProperty() {
        adapter.setPrivateKeyFile(dir.resolve("missing.json").toString());

        ResourceAdapterInternalException e =
                assertThrows(ResourceAdapterInternalException.class, () -> adapter.start(new FakeBootstrapContext()));
        assertTrue(e.getMessage().contains("'privateKeyFile'"), e.getMessage());
    }

    @Test
    void statusBeforeStartIsAnError() {
        assertThrows(SintraException.class, adapter::status);
    }
}
