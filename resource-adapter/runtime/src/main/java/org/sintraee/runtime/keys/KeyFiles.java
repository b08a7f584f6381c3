package org.sintraee.runtime.keys;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loading key files: read, bind with JSON-B, validate. What comes back is ready to use
 * ({@link PublicKeys}, {@link ServerKeys}); anything wrong is a {@link KeyFileException}
 * naming the file and field. Writing is {@link KeyFileWriter}'s job.
 */
public final class KeyFiles {
    private static final Logger LOG = Logger.getLogger(KeyFiles.class.getName());
    /** Far above any real file (n = 1024 with 16384-bit RSA is a few MiB); stops reading a wrong huge file. */
    private static final long MAX_FILE_BYTES = 32L << 20;
    /** Yasson names the property it failed on like this; the rest of its message may quote the value. */
    private static final Pattern PROPERTY = Pattern.compile("property '([A-Za-z0-9_]+)'");

    static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

    private KeyFiles() {
    }

    /** Loads and validates the public file. */
    public static PublicKeys loadPublic(Path file) throws KeyFileException {
        return new PublicKeysReader(file.toString()).read(bind(file, PublicKeyFile.class));
    }

    /** Loads a private file and checks every key in it against {@code publicKeys}; the server id comes from the file. */
    public static ServerKeys loadPrivate(Path file, PublicKeys publicKeys) throws KeyFileException {
        return loadPrivate(file, publicKeys, 0);
    }

    /** As {@link #loadPrivate(Path, PublicKeys)}, and the file must be server {@code expectedServer}'s. */
    public static ServerKeys loadPrivate(Path file, PublicKeys publicKeys, int expectedServer) throws KeyFileException {
        warnIfReadableByOthers(file);
        return new ServerKeysReader(file.toString(), publicKeys).read(bind(file, PrivateKeyFile.class), expectedServer);
    }

    /**
     * Reads and binds one file. Binding errors are reported by position and property name
     * only: parser and binder messages can quote the offending text, which in a private
     * file may be a secret.
     */
    static <T> T bind(Path file, Class<T> type) throws KeyFileException {
        String name = file.toString();
        String text;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw KeyFileException.file(name, "is larger than " + (MAX_FILE_BYTES >> 20) + " MiB; not a key file");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw KeyFileException.file(name, "does not exist", e);
        } catch (CharacterCodingException e) {
            throw KeyFileException.file(name, "is not UTF-8 text");
        } catch (IOException e) {
            throw KeyFileException.file(name, "cannot be read: " + e.getClass().getSimpleName(), e);
        }
        if (text.isBlank()) {
            throw KeyFileException.file(name, "is empty");
        }
        T bound;
        try {
            bound = JSON.fromJson(text, type);
        } catch (JsonbException | jakarta.json.JsonException e) {
            throw KeyFileException.file(name, describe(e));
        }
        if (bound == null) {
            throw KeyFileException.file(name, "does not hold a JSON object");
        }
        return bound;
    }

    private static String describe(Exception e) {
        String wrongNumber = null;
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof JsonParsingException p && p.getLocation() != null) {
                JsonLocation at = p.getLocation();
                return "is not well-formed JSON (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")";
            }
            if (c instanceof WholeNumber.NotWholeNumber) {
                wrongNumber = c.getMessage();
            }
        }
        // Yasson nests "Unable to deserialize property 'a' because of: ... property 'b' ...": a.b is the field.
        List<String> path = new ArrayList<>();
        Matcher m = PROPERTY.matcher(e.getMessage() == null ? "" : e.getMessage());
        while (m.find()) {
            path.add(m.group(1));
        }
        if (path.isEmpty()) {
            return "does not have the structure of a key file (wrong JSON types?)";
        }
        return "field '" + String.join(".", path) + "' " + (wrongNumber != null ? wrongNumber : "has the wrong JSON type");
    }

    /** ssh refuses such keys; a server may run with mounted secrets, so this warns instead. */
    private static void warnIfReadableByOthers(Path file) {
        try {
            if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
                return;
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                LOG.warning(() -> file + ": private key file has permissions " + PosixFilePermissions.toString(perms)
                        + "; it should be readable by its owner only (chmod 600)");
            }
        } catch (IOException e) {
            // Reading the file will fail with a clear message right after.
        }
    }
}
