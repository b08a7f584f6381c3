package org.sintraee.rar;

import jakarta.resource.spi.ResourceAdapterInternalException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * One replica's validated configuration, built from the adapter's config properties.
 * Only {@link #validate(RawProperties)} makes instances, so holding one means the values
 * were checked: the key files were readable and the data directory writable at start.
 *
 * <p>Error messages name the offending property and, for files, the path; they never
 * contain file contents (nothing here reads the key files).
 */
public final class ReplicaConfig {

    static final int DEFAULT_BATCH_SIZE = 64;
    static final int DEFAULT_SERVERS = 4;
    static final int DEFAULT_FAULTY = 1;

    /** The config properties as the container set them; any of them may be null. */
    public record RawProperties(Integer serverId, String publicKeyFile, String privateKeyFile,
                                String dataDirectory, Integer batchSize, Integer servers, Integer faulty) {
    }

    private final int serverId;
    private final int servers;
    private final int faulty;
    private final int batchSize;
    private final Path publicKeyFile;
    private final Path privateKeyFile;
    private final Path dataDirectory;

    private ReplicaConfig(int serverId, int servers, int faulty, int batchSize,
                          Path publicKeyFile, Path privateKeyFile, Path dataDirectory) {
        this.serverId = serverId;
        this.servers = servers;
        this.faulty = faulty;
        this.batchSize = batchSize;
        this.publicKeyFile = publicKeyFile;
        this.privateKeyFile = privateKeyFile;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Checks the properties and creates the data directory if it is missing.
     *
     * @throws ResourceAdapterInternalException naming the first bad property
     */
    public static ReplicaConfig validate(RawProperties raw) throws ResourceAdapterInternalException {
        // Seam: n and t come from the optional 'servers'/'faulty' properties for now. A later
        // step reads them from the dealer's public key file (JSON) here instead, and checks
        // serverId against the server set found there.
        int servers = orDefault(raw.servers(), DEFAULT_SERVERS);
        int faulty = orDefault(raw.faulty(), DEFAULT_FAULTY);
        if (faulty < 0) {
            throw invalid("faulty", "must be >= 0, was " + faulty);
        }
        if (servers <= 3 * faulty) {
            throw invalid("servers", "must be greater than 3 * faulty (" + 3 * faulty + "), was " + servers);
        }

        if (raw.serverId() == null) {
            throw invalid("serverId", "is required");
        }
        int serverId = raw.serverId();
        if (serverId < 0 || serverId >= servers) {
            throw invalid("serverId", "must be >= 0 and less than servers (" + servers + "), was " + serverId);
        }

        int batchSize = orDefault(raw.batchSize(), DEFAULT_BATCH_SIZE);
        if (batchSize < 1) {
            throw invalid("batchSize", "must be >= 1, was " + batchSize);
        }

        Path publicKeyFile = readableFile("publicKeyFile", raw.publicKeyFile());
        Path privateKeyFile = readableFile("privateKeyFile", raw.privateKeyFile());
        Path dataDirectory = writableDirectory("dataDirectory", raw.dataDirectory());
        return new ReplicaConfig(serverId, servers, faulty, batchSize, publicKeyFile, privateKeyFile, dataDirectory);
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static Path readableFile(String property, String value) throws ResourceAdapterInternalException {
        Path path = path(property, value);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw invalid(property, "names a file that does not exist or is not readable: " + path);
        }
        return path;
    }

    private static Path writableDirectory(String property, String value) throws ResourceAdapterInternalException {
        Path path = path(property, value);
        try {
            Files.createDirectories(path);
        } catch (IOException | SecurityException e) {
            throw invalid(property, "names a directory that cannot be created: " + path + " (" + e + ")");
        }
        if (!Files.isWritable(path)) {
            throw invalid(property, "names a directory that is not writable: " + path);
        }
        return path;
    }

    private static Path path(String property, String value) throws ResourceAdapterInternalException {
        if (value == null || value.isBlank()) {
            throw invalid(property, "is required");
        }
        try {
            return Path.of(value.trim()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw invalid(property, "is not a valid path: " + value);
        }
    }

    private static ResourceAdapterInternalException invalid(String property, String problem) {
        return new ResourceAdapterInternalException("Sintra EE: config property '" + property + "' " + problem);
    }

    public int serverId() {
        return serverId;
    }

    /** n, the number of servers. */
    public int servers() {
        return servers;
    }

    /** t, the number of faulty servers tolerated. */
    public int faulty() {
        return faulty;
    }

    public int batchSize() {
        return batchSize;
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    public Path privateKeyFile() {
        return privateKeyFile;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }
}
