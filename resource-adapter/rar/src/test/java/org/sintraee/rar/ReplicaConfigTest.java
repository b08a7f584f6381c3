package org.sintraee.rar;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.ResourceAdapterInternalException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicaConfigTest {

    @TempDir
    Path dir;

    private TestReplicaFiles files;

    @BeforeEach
    void writeKeyFiles() throws Exception {
        files = new TestReplicaFiles(dir);
    }

    @Test
    void validPropertiesGiveTheDefaultsAndCreateTheDataDirectory() throws Exception {
        ReplicaConfig config = ReplicaConfig.validate(files.properties(3));

        assertAll(
                () -> assertEquals(3, config.serverId()),
                () -> assertEquals(4, config.servers()),
                () -> assertEquals(1, config.faulty()),
                () -> assertEquals(64, config.batchSize()),
                () -> assertEquals(files.publicKeyFile, config.publicKeyFile()),
                () -> assertEquals(files.privateKeyFile, config.privateKeyFile()),
                () -> assertEquals(files.dataDirectory, config.dataDirectory()),
                () -> assertTrue(Files.isDirectory(files.dataDirectory)));
    }

    @Test
    void explicitGroupSizeAndBatchSizeAreUsed() throws Exception {
        ReplicaConfig config = ReplicaConfig.validate(new ReplicaConfig.RawProperties(6, files.publicKeyFile.toString(),
                files.privateKeyFile.toString(), files.dataDirectory.toString(), 8, 7, 2));

        assertAll(
                () -> assertEquals(7, config.servers()),
                () -> assertEquals(2, config.faulty()),
                () -> assertEquals(8, config.batchSize()));
    }

    @Test
    void serverIdIsRequired() {
        assertRejected(files.properties(null), "serverId", "is required");
    }

    @Test
    void serverIdMustNotBeNegative() {
        assertRejected(files.properties(-1), "serverId", "was -1");
    }

    @Test
    void serverIdMustBeBelowTheNumberOfServers() {
        assertRejected(files.properties(4), "serverId", "less than servers (4), was 4");
    }

    @Test
    void moreThanAThirdFaultyIsRejected() {
        assertRejected(new ReplicaConfig.RawProperties(0, files.publicKeyFile.toString(),
                files.privateKeyFile.toString(), files.dataDirectory.toString(), null, 3, 1), "servers", "was 3");
    }

    @Test
    void batchSizeMustBePositive() {
        assertRejected(new ReplicaConfig.RawProperties(0, files.publicKeyFile.toString(),
                files.privateKeyFile.toString(), files.dataDirectory.toString(), 0, null, null), "batchSize", "was 0");
    }

    @Test
    void missingPrivateKeyFileIsNamedWithItsPath() {
        Path missing = dir.resolve("no-such-private.json");
        assertRejected(new ReplicaConfig.RawProperties(0, files.publicKeyFile.toString(), missing.toString(),
                files.dataDirectory.toString(), null, null, null),
                "privateKeyFile", "does not exist or is not readable: " + missing);
    }

    @Test
    void publicKeyFileMustBeAFileNotADirectory() {
        assertRejected(new ReplicaConfig.RawProperties(0, dir.toString(), files.privateKeyFile.toString(),
                files.dataDirectory.toString(), null, null, null), "publicKeyFile", "does not exist or is not readable");
    }

    @Test
    void blankKeyFileIsRequired() {
        assertRejected(new ReplicaConfig.RawProperties(0, "  ", files.privateKeyFile.toString(),
                files.dataDirectory.toString(), null, null, null), "publicKeyFile", "is required");
    }

    @Test
    void dataDirectoryThatIsAFileIsRejected() {
        assertRejected(new ReplicaConfig.RawProperties(0, files.publicKeyFile.toString(),
                files.privateKeyFile.toString(), files.privateKeyFile.toString(), null, null, null),
                "dataDirectory", "cannot be created: " + files.privateKeyFile);
    }

    private static void assertRejected(ReplicaConfig.RawProperties properties, String property, String detail) {
        ResourceAdapterInternalException e =
                assertThrows(ResourceAdapterInternalException.class, () -> ReplicaConfig.validate(properties));
        String message = e.getMessage();
        assertTrue(message.startsWith("Sintra EE: config property '" + property + "' "), message);
        assertTrue(message.contains(detail), message);
        assertFalse(message.contains("do-not-print-me"), "a key file's content leaked into: " + message);
    }
}
