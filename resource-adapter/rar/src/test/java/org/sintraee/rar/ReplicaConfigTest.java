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
    void validPropertiesLoadTheKeysAndCreateTheDataDirectory() throws Exception {
        ReplicaConfig config = ReplicaConfig.validate(files.properties(3));

        assertAll(
                () -> assertEquals(3, config.serverId()),
                () -> assertEquals(4, config.servers(), "n from the public file"),
                () -> assertEquals(1, config.faulty(), "t from the public file"),
                () -> assertEquals(3, config.serverKeys().id()),
                () -> assertEquals(256, config.batchSize(), "as the standalone replica"),
                () -> assertTrue(config.listenAddress().isEmpty(), "the public file's address"),
                () -> assertEquals(files.publicKeyFile, config.publicKeyFile()),
                () -> assertEquals(files.privateKeyFile(3), config.privateKeyFile()),
                () -> assertEquals(files.dataDirectory, config.dataDirectory()),
                () -> assertTrue(Files.isDirectory(files.dataDirectory)),
                () -> assertFalse(config.toString().contains(files.signingSecretOf(3))));
    }

    @Test
    void explicitBatchSizeIsUsed() throws Exception {
        ReplicaConfig config = ReplicaConfig.validate(new ReplicaConfig.RawProperties(2, files.publicKeyFile.toString(),
                files.privateKeyFile(2).toString(), files.dataDirectory.toString(), 8));
        assertEquals(8, config.batchSize());
    }

    @Test
    void serverIdIsRequired() throws Exception {
        assertRejected(files.properties(null), "serverId", "is required");
    }

    @Test
    void serverIdMustBePositive() throws Exception {
        assertRejected(files.properties(0), "serverId", "was 0");
    }

    @Test
    void serverIdMustBeInTheServerSetOfThePublicFile() throws Exception {
        assertRejected(files.properties(5), "serverId", "between 1 and n = 4");
    }

    @Test
    void anotherServersPrivateKeyFileIsRejected() throws Exception {
        ResourceAdapterInternalException e = assertRejected(files.properties(2, files.privateKeyFile(3)),
                "privateKeyFile", "invalid key file");
        assertFalse(e.getMessage().contains(files.signingSecretOf(3)));
    }

    @Test
    void aCorruptPublicKeyFileIsRejectedNamingTheField() throws Exception {
        Files.writeString(files.publicKeyFile, Files.readString(files.publicKeyFile)
                .replace("\"sintra-ee/public-keys\"", "\"something-else\""));
        assertRejected(files.properties(1), "publicKeyFile", "format");
    }

    @Test
    void listenAddressIsParsed() throws Exception {
        ReplicaConfig config = ReplicaConfig.validate(new ReplicaConfig.RawProperties(1, files.publicKeyFile.toString(),
                files.privateKeyFile(1).toString(), files.dataDirectory.toString(), null, " 0.0.0.0:7101 "));
        assertEquals("0.0.0.0:7101", config.listenAddress().orElseThrow().toString());
    }

    @Test
    void aListenAddressWithoutPortIsRejected() throws Exception {
        assertRejected(new ReplicaConfig.RawProperties(1, files.publicKeyFile.toString(),
                files.privateKeyFile(1).toString(), files.dataDirectory.toString(), null, "localhost"),
                "listenAddress", "host:port");
    }

    @Test
    void aListenPortOutOfRangeIsRejected() throws Exception {
        assertRejected(new ReplicaConfig.RawProperties(1, files.publicKeyFile.toString(),
                files.privateKeyFile(1).toString(), files.dataDirectory.toString(), null, "127.0.0.1:70000"),
                "listenAddress", "70000");
    }

    @Test
    void batchSizeHasAnUpperBound() throws Exception {
        assertRejected(new ReplicaConfig.RawProperties(1, files.publicKeyFile.toString(),
                files.privateKeyFile(1).toString(), files.dataDirectory.toString(), 65_537), "batchSize", "was 65537");
    }

    @Test
    void batchSizeMustBePositive() throws Exception {
        assertRejected(new ReplicaConfig.RawProperties(1, files.publicKeyFile.toString(),
                files.privateKeyFile(1).toString(), files.dataDirectory.toString(), 0), "batchSize", "was 0");
    }

    @Test
    void missingPrivateKeyFileIsNamedWithItsPath() throws Exception {
        Path missing = dir.resolve("no-such-private.json");
        assertRejected(files.properties(1, missing), "privateKeyFile", "does not exist or is not readable: " + missing);
    }

    @Test
    void publicKeyFileMustBeAFileNotADirectory() throws Exception {
        assertRejected(new ReplicaConfig.RawProperties(1, dir.toString(), files.privateKeyFile(1).toString(),
                files.dataDirectory.toString(), null), "publicKeyFile", "does not exist or is not readable");
    }

    @Test
    void blankKeyFileIsRequired() throws Exception {
        assertRejected(new ReplicaConfig.RawProperties(1, "  ", files.privateKeyFile(1).toString(),
                files.dataDirectory.toString(), null), "publicKeyFile", "is required");
    }

    @Test
    void dataDirectoryThatIsAFileIsRejected() throws Exception {
        assertRejected(new ReplicaConfig.RawProperties(1, files.publicKeyFile.toString(),
                files.privateKeyFile(1).toString(), files.privateKeyFile(1).toString(), null),
                "dataDirectory", "cannot be created: " + files.privateKeyFile(1));
    }

    private ResourceAdapterInternalException assertRejected(ReplicaConfig.RawProperties properties, String property,
            String detail) throws Exception {
        ResourceAdapterInternalException e =
                assertThrows(ResourceAdapterInternalException.class, () -> ReplicaConfig.validate(properties));
        String message = e.getMessage();
        assertTrue(message.startsWith("Sintra EE: config property '" + property + "' "), message);
        assertTrue(message.contains(detail), message);
        for (int id = 1; id <= TestReplicaFiles.SERVERS; id++) {
            assertFalse(message.contains(files.signingSecretOf(id)), "a secret leaked into: " + message);
        }
        return e;
    }
}
