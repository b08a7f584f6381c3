package org.sintraee.admin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminPasswordCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Map<String, String> env = Map.of(AdminPasswordCommand.PASSWORD_ENV, "s3cret-for-tests");

    @Test
    void writesAnOwnerOnlyFileThatTheStoreAcceptsAndNeverPrintsThePassword() throws Exception {
        Path file = dir.resolve("conf/admin.credentials");
        AdminPasswordCommand.run(new String[] {"--out", file.toString(), "--iterations", "10000"}, env, out());

        String line = Files.readString(file);
        assertTrue(AdminCredential.parse(line, "f").matches("admin", "s3cret-for-tests".toCharArray()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(output.contains("sintra.admin.credentials"), output);
        assertFalse(output.contains("s3cret"), output);
        try (var left = Files.list(file.getParent())) {
            assertEquals(1, left.count(), "no temporary file left");
        }
    }

    @Test
    void replacesAnExistingFileOnlyWithForce() throws Exception {
        Path file = dir.resolve("admin.credentials");
        String[] args = {"--out", file.toString(), "--iterations", "10000"};
        AdminPasswordCommand.run(args, env, out());
        String first = Files.readString(file);

        assertThrows(FileAlreadyExistsException.class, () -> AdminPasswordCommand.run(args, env, out()));
        assertEquals(first, Files.readString(file));
        AdminPasswordCommand.run(new String[] {"--out", file.toString(), "--iterations", "10000", "--force"}, env, out());
        assertFalse(first.equals(Files.readString(file)), "a new salt");
    }

    @Test
    void refusesBadOptions() {
        assertThrows(IllegalArgumentException.class, () -> AdminPasswordCommand.run(new String[] {}, env, out()));
        assertThrows(IllegalArgumentException.class,
                () -> AdminPasswordCommand.run(new String[] {"--out", "x", "--iterations", "many"}, env, out()));
        assertThrows(IllegalArgumentException.class,
                () -> AdminPasswordCommand.run(new String[] {"--out", dir.resolve("y").toString()},
                        Map.of(AdminPasswordCommand.PASSWORD_ENV, "short"), out()));
    }

    private PrintStream out() {
        return new PrintStream(printed, true, StandardCharsets.UTF_8);
    }
}
