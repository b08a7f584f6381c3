package org.sintraee.runtime.dealer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.sintraee.api.ServiceKeys;
import org.sintraee.runtime.keys.KeyFileFormat;
import org.sintraee.runtime.keys.KeyFileWriter;

/**
 * Writes a dealing into one directory: {@code public.json}, {@code service-key.pem} (the service's
 * RSA public key alone, for clients checking order certificates) and {@code server-<id>.private.json}
 * for each id.
 */
final class DealingFiles {

    private DealingFiles() {
    }

    static Path publicFile(Path dir) {
        return dir.resolve(KeyFileFormat.PUBLIC_FILE_NAME);
    }

    static Path serviceKeyFile(Path dir) {
        return dir.resolve(ServiceKeys.FILE_NAME);
    }

    static Path privateFile(Path dir, int id) {
        return dir.resolve(KeyFileFormat.privateFileName(id));
    }

    /**
     * Checks every target before writing any, so a refused overwrite leaves no half-written
     * set behind. Creates the directory (owner-only where supported) if it is missing.
     *
     * @return the JSON files written, the public file first (service-key.pem is written beside them)
     */
    static List<Path> write(Dealing dealing, Path dir, KeyFileWriter writer) throws IOException {
        createDirectory(dir);
        int n = dealing.parameters().servers();
        List<Path> targets = checkTargets(dir, n, writer);
        writer.writePublic(targets.get(0), dealing.publicFile());
        Files.writeString(serviceKeyFile(dir), ServiceKeys.toPem(dealing.serviceKey()), StandardCharsets.US_ASCII);
        for (int id = 1; id <= n; id++) {
            writer.writePrivate(targets.get(id), dealing.privateFile(id));
        }
        return targets;
    }

    /**
     * Fails if any of the n + 1 files exists and may not be overwritten, or private files
     * could not be made owner-only there and that was not allowed. The command calls
     * this before dealing too, so a refusal comes before minutes of prime search, not after.
     */
    static List<Path> checkTargets(Path dir, int n, KeyFileWriter writer) throws IOException {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new IOException(dir + ": is not a directory");
            }
            writer.checkDirectory(dir);
        }
        List<Path> targets = new ArrayList<>(n + 1);
        targets.add(publicFile(dir));
        for (int id = 1; id <= n; id++) {
            targets.add(privateFile(dir, id));
        }
        for (Path target : targets) {
            writer.checkWritable(target);
        }
        writer.checkWritable(serviceKeyFile(dir));
        return targets;
    }

    private static void createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }
}
