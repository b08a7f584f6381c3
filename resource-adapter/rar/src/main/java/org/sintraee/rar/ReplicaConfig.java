package org.sintraee.rar;

import jakarta.resource.spi.ResourceAdapterInternalException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import org.sintraee.runtime.keys.HostPort;
import org.sintraee.runtime.keys.KeyFileException;
import org.sintraee.runtime.keys.KeyFiles;
import org.sintraee.runtime.keys.PublicKeys;
import org.sintraee.runtime.keys.ServerKeys;
import org.sintraee.runtime.replica.ReplicaOptions;

/**
 * One replica's validated configuration, built from the adapter's config properties.
 * Only {@link #validate(RawProperties)} makes instances, so holding one means the values
 * were checked: the key files were readable and the data directory writable at start.
 *
 * <p>The key files are loaded and checked here (format, sizes, and that the private keys
 * match the public file), so a bad file fails the deployment at once. Error messages name
 * the offending property, the file and the field; they never contain secret values.
 */
public final class ReplicaConfig {

    /** As the standalone replica's default, so both modes propose batches of the same size. */
    static final int DEFAULT_BATCH_SIZE = ReplicaOptions.DEFAULT_BATCH;
    /** As the standalone replica's bound; the node refuses sizes whose batch vector exceeds the wire's. */
    static final int MAX_BATCH_SIZE = 65_536;

    /** The config properties as the container set them; any of them may be null. */
    public record RawProperties(Integer serverId, String publicKeyFile, String privateKeyFile,
                                String dataDirectory, Integer batchSize, String listenAddress) {
        /** Without a listen address: the member's address from the public file. */
        public RawProperties(Integer serverId, String publicKeyFile, String privateKeyFile, String dataDirectory,
                             Integer batchSize) {
            this(serverId, publicKeyFile, privateKeyFile, dataDirectory, batchSize, null);
        }
    }

    private final int serverId;
    private final int batchSize;
    private final Optional<HostPort> listenAddress;
    private final Path publicKeyFile;
    private final Path privateKeyFile;
    private final Path dataDirectory;
    private final PublicKeys publicKeys;
    private final ServerKeys serverKeys;

    private ReplicaConfig(int serverId, int batchSize, Optional<HostPort> listenAddress, Path publicKeyFile,
                          Path privateKeyFile, Path dataDirectory, PublicKeys publicKeys, ServerKeys serverKeys) {
        this.serverId = serverId;
        this.batchSize = batchSize;
        this.listenAddress = listenAddress;
        this.publicKeys = publicKeys;
        this.serverKeys = serverKeys;
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
        if (raw.serverId() == null) {
            throw invalid("serverId", "is required");
        }
        int serverId = raw.serverId();
        if (serverId < 1) {
            throw invalid("serverId", "must be between 1 and n, the number of servers; was " + serverId);
        }

        int batchSize = orDefault(raw.batchSize(), DEFAULT_BATCH_SIZE);
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw invalid("batchSize", "must be between 1 and " + MAX_BATCH_SIZE + ", was " + batchSize);
        }
        Optional<HostPort> listenAddress = listenAddress(raw.listenAddress());

        Path publicKeyFile = readableFile("publicKeyFile", raw.publicKeyFile());
        PublicKeys publicKeys;
        try {
            publicKeys = KeyFiles.loadPublic(publicKeyFile);
        } catch (KeyFileException e) {
            throw invalid("publicKeyFile", "names an invalid key file: " + e.getMessage());
        }
        if (serverId > publicKeys.servers()) {
            throw invalid("serverId", "must be between 1 and n = " + publicKeys.servers()
                    + " (from " + publicKeyFile + "); was " + serverId);
        }
        Path privateKeyFile = readableFile("privateKeyFile", raw.privateKeyFile());
        ServerKeys serverKeys;
        try {
            serverKeys = KeyFiles.loadPrivate(privateKeyFile, publicKeys, serverId);
        } catch (KeyFileException e) {
            throw invalid("privateKeyFile", "names an invalid key file: " + e.getMessage());
        }
        Path dataDirectory = writableDirectory("dataDirectory", raw.dataDirectory());
        return new ReplicaConfig(serverId, batchSize, listenAddress, publicKeyFile, privateKeyFile, dataDirectory,
                publicKeys, serverKeys);
    }

    private static Optional<HostPort> listenAddress(String value) throws ResourceAdapterInternalException {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(HostPort.parse(value.trim()));
        } catch (IllegalArgumentException e) {
            throw invalid("listenAddress", "must be host:port (IPv6 literals in brackets), port 1..65535: "
                    + e.getMessage());
        }
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

    /** n, the number of servers, from the public key file. */
    public int servers() {
        return publicKeys.servers();
    }

    /** t, the number of faulty servers tolerated, from the public key file. */
    public int faulty() {
        return publicKeys.faulty();
    }

    /** The validated public keys every server and client shares. */
    public PublicKeys publicKeys() {
        return publicKeys;
    }

    /** This server's validated secret keys; never logged. */
    ServerKeys serverKeys() {
        return serverKeys;
    }

    public int batchSize() {
        return batchSize;
    }

    /** The peer port's bind address; empty: this member's address from the public file. */
    public Optional<HostPort> listenAddress() {
        return listenAddress;
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

    @Override
    public String toString() {
        return "ReplicaConfig[serverId=" + serverId + ", n=" + servers() + ", t=" + faulty()
                + ", batchSize=" + batchSize + ", listenAddress=" + listenAddress.map(HostPort::toString).orElse("(public file)")
                + ", dataDirectory=" + dataDirectory + "]";
    }
}
