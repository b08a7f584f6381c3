package org.sintraee.admin.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes the admin credentials file:
 * {@code java -cp web-admin/target/classes org.sintraee.admin.security.AdminPasswordCommand --out FILE}
 * [{@code --user admin}] [{@code --iterations N}] [{@code --force}]. The password comes from the
 * environment variable {@value #PASSWORD_ENV} if set, else from the console (not echoed), else
 * from the first line of standard input. It is never printed; the file is made owner-only.
 */
public final class AdminPasswordCommand {

    public static final String PASSWORD_ENV = "SINTRA_ADMIN_PASSWORD";

    private AdminPasswordCommand() {
    }

    public static void main(String[] args) {
        try {
            run(args, System.getenv(), System.out);
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: AdminPasswordCommand --out FILE [--user admin] [--iterations "
                    + AdminCredential.DEFAULT_ITERATIONS + "] [--force]  (password from $" + PASSWORD_ENV
                    + ", the console or standard input)");
            System.exit(2);
        }
    }

    static Path run(String[] args, Map<String, String> env, PrintStream out) throws IOException {
        Path file = null;
        String user = "admin";
        int iterations = AdminCredential.DEFAULT_ITERATIONS;
        boolean force = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> file = Path.of(value(args, ++i, "--out"));
                case "--user" -> user = value(args, ++i, "--user");
                case "--iterations" -> iterations = number(value(args, ++i, "--iterations"));
                case "--force" -> force = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("--out FILE is required");
        }
        char[] password = password(env);
        try {
            AdminCredential credential = AdminCredential.create(user, password, iterations, new SecureRandom());
            write(file, credential.format() + "\n", force);
        } finally {
            Arrays.fill(password, '\0');
        }
        out.println("wrote " + file + " for user " + user + " (PBKDF2-HMAC-SHA256, " + iterations
                + " iterations); point the server's property sintra.admin.credentials at it");
        return file;
    }

    private static char[] password(Map<String, String> env) throws IOException {
        String fromEnv = env.get(PASSWORD_ENV);
        if (fromEnv != null) {
            return fromEnv.toCharArray();
        }
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("admin password: ");
            char[] again = console.readPassword("again: ");
            if (first == null || !Arrays.equals(first, again)) {
                throw new IllegalArgumentException("the two passwords differ");
            }
            return first;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null) {
            throw new IllegalArgumentException("no password: set " + PASSWORD_ENV + " or give it on standard input");
        }
        return line.toCharArray();
    }

    private static void write(Path file, String line, boolean force) throws IOException {
        if (Files.exists(file) && !force) {
            throw new FileAlreadyExistsException(file + " exists; --force replaces it");
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".admin-credentials", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own protection applies
            }
            Files.writeString(tmp, line, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int number(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--iterations is not a number: " + value);
        }
    }
}
