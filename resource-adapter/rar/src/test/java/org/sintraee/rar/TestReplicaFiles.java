package org.sintraee.rar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Stand-in key files and a data directory path inside a test's temporary directory. */
final class TestReplicaFiles {

    /** Written into the private key file, to check it never shows up in messages. */
    static final String PRIVATE_KEY_CONTENT = "{\"test-only-secret\": \"do-not-print-me\"}";

    final Path publicKeyFile;
    final Path privateKeyFile;
    final Path dataDirectory;

    TestReplicaFiles(Path dir) throws IOException {
        publicKeyFile = Files.writeString(dir.resolve("public.json"), "{\"test-only\": true}", StandardCharsets.UTF_8);
        privateKeyFile = Files.writeString(dir.resolve("server0-private.json"), PRIVATE_KEY_CONTENT, StandardCharsets.UTF_8);
        dataDirectory = dir.resolve("data").resolve("server0");
    }

    ReplicaConfig.RawProperties properties(Integer serverId) {
        return new ReplicaConfig.RawProperties(serverId, publicKeyFile.toString(), privateKeyFile.toString(),
                dataDirectory.toString(), null, null, null);
    }
}
