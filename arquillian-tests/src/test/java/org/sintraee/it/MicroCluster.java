package org.sintraee.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Four Payara Micro servers on loopback running the real sintra-rar.rar and a WAR, as the demo
 * starts them: fresh keys dealt for ports free at start, one pre-boot file each (the adapter's
 * configuration and the admin credentials file), no data grid.
 * Started in sequence (a start is CPU-bound), each until live, then all until ready (links to a
 * quorum). State lives under {@code dir}, wiped at start. A JVM shutdown hook kills whatever
 * is still running, so no server outlives the build.
 */
final class MicroCluster implements AutoCloseable {

    static final int SERVERS = 4;
    private static final Logger LOG = Logger.getLogger(MicroCluster.class.getName());
    private static final Duration START = Duration.ofMinutes(5);
    private static final Duration READY = Duration.ofMinutes(3);

    private final Path dir;
    private final String deployedPath;
    private final int micros;
    private final List<MicroServer> servers = new ArrayList<>();
    private final Thread killer = new Thread(this::killAll, "micro-cluster-shutdown-hook");

    private MicroCluster(Path dir, String deployedPath, int micros) {
        this.dir = dir;
        this.deployedPath = deployedPath;
        this.micros = micros;
    }

    /**
     * Deals keys into {@code dir/keys} and starts the servers with {@code rar} and {@code war}.
     * A server counts as started once {@code deployedPath} of the WAR answers 200: its health
     * endpoints answer UP before the application (and its health checks) are deployed.
     * On failure every server started so far is stopped and the exception names the server and
     * holds its log's tail.
     */
    static MicroCluster start(Path dir, Path microJar, Path adminCredentials, Path rar, Path war,
                              String deployedPath) throws IOException, InterruptedException {
        return start(dir, microJar, adminCredentials, rar, war, deployedPath, SERVERS);
    }

    /**
     * As above, but keys are dealt for all four servers and only servers 1..{@code micros} are
     * started on Payara Micro: the test runs the others elsewhere (MixedClusterIT: on Payara
     * Server) with the same {@link #keys()}. At least three: a server is ready once it links
     * to a quorum, and {@code start} waits for that.
     */
    static MicroCluster start(Path dir, Path microJar, Path adminCredentials, Path rar, Path war,
                              String deployedPath, int micros) throws IOException, InterruptedException {
        if (micros < SERVERS - 1 || micros > SERVERS) {
            throw new IllegalArgumentException("micros must be " + (SERVERS - 1) + ".." + SERVERS + ", was " + micros);
        }
        requireFile(microJar);
        requireFile(adminCredentials);
        requireFile(rar);
        requireFile(war);
        MicroCluster cluster = new MicroCluster(dir, deployedPath, micros);
        Runtime.getRuntime().addShutdownHook(cluster.killer);
        try {
            cluster.startAll(microJar, adminCredentials, rar, war);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void startAll(Path microJar, Path adminCredentials, Path rar, Path war)
            throws IOException, InterruptedException {
        deleteTree(dir);
        Path keys = keys();
        List<Integer> ports = FreePorts.take(2 * SERVERS);
        long dealt = System.nanoTime();
        ClusterKeys.deal(keys, ports.subList(SERVERS, 2 * SERVERS));
        LOG.info(() -> "keys dealt in " + (System.nanoTime() - dealt) / 1_000_000 + " ms; HTTP ports "
                + ports.subList(0, SERVERS) + ", peer ports " + ports.subList(SERVERS, 2 * SERVERS));
        for (int id = 1; id <= micros; id++) {
            servers.add(new MicroServer(id, ports.get(id - 1), dir.resolve("server-" + id), microJar, keys,
                    adminCredentials, rar, war));
        }
        for (MicroServer server : servers) {
            long begun = System.nanoTime();
            server.start();
            awaitStarted(server);
            LOG.info(() -> "server " + server.id() + " live after " + (System.nanoTime() - begun) / 1_000_000 + " ms");
        }
        awaitAllReady();
    }

    void awaitAllReady() throws InterruptedException {
        for (MicroServer server : servers) {
            server.awaitOk("health/ready", READY);
        }
    }

    /** The dealt keys: public.json, service-key.pem and each server's private file. */
    Path keys() {
        return dir.resolve("keys");
    }

    /** The server with this id (1..4). */
    MicroServer server(int id) {
        return servers.get(id - 1);
    }

    List<MicroServer> servers() {
        return List.copyOf(servers);
    }

    URI url(int id, String path) {
        return server(id).url(path);
    }

    /** SIGKILL to one server: a crash, its data and root directories left as they are. */
    void kill9(int id) throws InterruptedException {
        server(id).kill9();
    }

    /** Starts a killed or stopped server again on the same directories; returns once it is live and ready. */
    void restart(int id) throws IOException, InterruptedException {
        MicroServer server = server(id);
        server.start();
        awaitStarted(server);
        server.awaitOk("health/ready", READY);
    }

    private void awaitStarted(MicroServer server) throws InterruptedException {
        server.awaitBooted(START);
        server.awaitOk("health/live", START);
        server.awaitOk(deployedPath, START);
    }

    /** Every server's log tail, for a failure message. */
    String tails() {
        StringBuilder text = new StringBuilder();
        for (MicroServer server : servers) {
            text.append('\n').append(server.tail());
        }
        return text.toString();
    }

    @Override
    public void close() throws InterruptedException {
        for (MicroServer server : servers) {
            server.stop();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing left to remove
        }
    }

    private void killAll() {
        servers.forEach(MicroServer::killNow);
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("not built: " + file + " (run the build from the top with mvn verify)");
        }
    }

    /** Deletes {@code root} and everything under it, if it exists. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
