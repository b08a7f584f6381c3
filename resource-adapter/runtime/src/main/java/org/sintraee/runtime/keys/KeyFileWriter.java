package org.sintraee.runtime.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes key files as JSON. A private file is created with mode 0600 in the same system
 * call that creates it, before any content is written, so it is never readable by others,
 * not even for an instant. Existing files are refused unless overwriting was asked for.
 */
public final class KeyFileWriter {
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final boolean overwrite;
    private final boolean allowNonPosix;

    /**
     * @param overwrite     replace existing files (else an existing file is an error)
     * @param allowNonPosix write private files where permissions cannot be set (they may
     *                      then be readable by others); otherwise that is an error
     */
    public KeyFileWriter(boolean overwrite, boolean allowNonPosix) {
        this.overwrite = overwrite;
        this.allowNonPosix = allowNonPosix;
    }

    /** True if files in {@code dir} can be given POSIX permissions. */
    public static boolean supportsPosix(Path dir) throws IOException {
        return Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
    }

    /** Fails with {@link FileAlreadyExistsException} if the file exists and overwriting was not asked for. */
    public void checkWritable(Path file) throws IOException {
        if (!overwrite && Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(file.toString(), null,
                    "exists; pass --force to overwrite key files");
        }
    }

    public void writePublic(Path file, PublicKeyFile content) throws IOException {
        checkWritable(file);
        String json = KeyFiles.JSON.toJson(content) + "\n";
        if (overwrite) {
            Files.writeString(file, json, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } else {
            Files.writeString(file, json, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    /**
     * Fails unless private files written into {@code dir} (an existing directory) can be
     * restricted to their owner, or writing them unrestricted was allowed.
     *
     * @return true if POSIX permissions are supported there
     */
    public boolean checkDirectory(Path dir) throws IOException {
        boolean posix = supportsPosix(dir);
        if (!posix && !allowNonPosix) {
            throw new IOException(dir + ": this file system does not support POSIX permissions, so private key"
                    + " files could not be restricted to their owner; write them elsewhere, or pass"
                    + " --allow-non-posix if the directory is otherwise protected");
        }
        return posix;
    }

    public void writePrivate(Path file, PrivateKeyFile content) throws IOException {
        checkWritable(file);
        boolean posix = checkDirectory(file.toAbsolutePath().getParent());
        if (overwrite) {
            // A fresh file, not a truncated old one: an old file may have looser permissions.
            Files.deleteIfExists(file);
        }
        if (posix) {
            Files.createFile(file, OWNER_ONLY);
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, KeyFiles.JSON.toJson(content) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
