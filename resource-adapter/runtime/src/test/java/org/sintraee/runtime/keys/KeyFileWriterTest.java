package org.sintraee.runtime.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sintraee.runtime.dealer.TestDealings;

class KeyFileWriterTest {
    @TempDir
    Path dir;

    @Test
    void refusesToOverwriteWithoutBeingAsked() throws Exception {
        Path pub = dir.resolve("public.json");
        Path priv = dir.resolve("server-1.private.json");
        Files.writeString(pub, "old");
        Files.writeString(priv, "old");
        KeyFileWriter writer = new KeyFileWriter(false, false);
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> writer.writePublic(pub, TestDealings.first().publicFile()));
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
        assertThrows(FileAlreadyExistsException.class,
                () -> writer.writePrivate(priv, TestDealings.first().privateFile(1)));
        assertEquals("old", Files.readString(pub));
        assertEquals("old", Files.readString(priv));
    }

    /** An old file with loose permissions is replaced by a fresh owner-only one, not truncated in place. */
    @Test
    void overwritingReplacesAPrivateFileWithAnOwnerOnlyOne() throws Exception {
        Path priv = dir.resolve("server-1.private.json");
        Files.writeString(priv, "old");
        Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-rw-rw-"));
        new KeyFileWriter(true, false).writePrivate(priv, TestDealings.first().privateFile(1));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(priv)));
        assertTrue(Files.readString(priv).contains("\"format\": \"sintra-ee/private-key\""));
    }

    @Test
    void overwritingReplacesThePublicFile() throws Exception {
        Path pub = dir.resolve("public.json");
        Files.writeString(pub, "old");
        new KeyFileWriter(true, false).writePublic(pub, TestDealings.first().publicFile());
        assertEquals(4, KeyFiles.loadPublic(pub).servers());
    }

    @Test
    void writesIndentedJson() throws Exception {
        Path pub = dir.resolve("public.json");
        new KeyFileWriter(false, false).writePublic(pub, TestDealings.first().publicFile());
        String text = Files.readString(pub);
        assertTrue(text.startsWith("{\n    \"format\": \"sintra-ee/public-keys\",\n    \"version\": 1,"), text);
    }
}
