package org.sintraee.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A Payara Server domain of the test's own, running the product's EAR as one replica of a test
 * cluster. It is created under {@code dir} on ports free at start, so it collides neither with
 * the build's domain1 (8080, 4848, data grid 4900), which runs while the ITs do, nor with Payara
 * Micro. Started with a pre-boot file (adapter configuration, admin credentials, a data grid of
 * its own), then the EAR is deployed with asadmin. {@link #close()} stops the domain and kills
 * it by its pid file if that fails; a JVM shutdown hook kills it if the JVM ends first.
 */
final class ServerDomain implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ServerDomain.class.getName());
    private static final String NAME = "sintra-mixed";
    /** The adapter inside sintra-ee.ear (application-name sintra-ee, module sintra-rar.rar). */
    private static final String RA_NAME = "sintra-ee#sintra-rar";
    private static final Duration ASADMIN = Duration.ofMinutes(6);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path dir;
    private final Path payaraHome;
    private final int adminPort;
    private final int httpPort;
    private final Thread killer = new Thread(this::killNow, "server-domain-shutdown-hook");

    private ServerDomain(Path dir, Path payaraHome, int adminPort, int httpPort) {
        this.dir = dir;
        this.payaraHome = payaraHome;
        this.adminPort = adminPort;
        this.httpPort = httpPort;
    }

    /**
     * Creates the domain in {@code dir} (wiped first), starts it as replica {@code serverId}
     * with the keys in {@code keys}, deploys {@code ear} and waits until {@code deployedPath}
     * answers 200. On failure the domain is stopped and the exception holds its log's tail.
     */
    static ServerDomain start(Path dir, Path payaraHome, Path keys, int serverId, Path adminCredentials, Path ear,
                              String deployedPath) throws IOException, InterruptedException {
        if (!Files.isRegularFile(cli(payaraHome))) {
            throw new IllegalStateException("no Payara Server at payaraHome " + payaraHome
                    + " (the build unpacks it in pre-integration-test)");
        }
        MicroCluster.deleteTree(dir);
        Files.createDirectories(dir);
        List<Integer> ports = FreePorts.take(12);
        ServerDomain domain = new ServerDomain(dir, payaraHome, ports.get(0), ports.get(1));
        Runtime.getRuntime().addShutdownHook(domain.killer);
        try {
            domain.create(ports);
            domain.boot(keys, serverId, adminCredentials, ports.get(10));
            long begun = System.nanoTime();
            domain.asadmin("--port", String.valueOf(domain.adminPort), "deploy", ear.toString());
            domain.awaitOk(deployedPath, ASADMIN);
            LOG.info(() -> "EAR deployed after " + (System.nanoTime() - begun) / 1_000_000 + " ms");
            return domain;
        } catch (IOException | InterruptedException | RuntimeException e) {
            domain.close();
            throw e;
        }
    }

    private void create(List<Integer> ports) throws IOException, InterruptedException {
        // every listener the domain opens gets a port of its own, not the defaults domain1 holds
        String properties = "http.ssl.port=" + ports.get(2) + ":jms.port=" + ports.get(3)
                + ":domain.jmxPort=" + ports.get(4) + ":orb.listener.port=" + ports.get(5)
                + ":orb.ssl.port=" + ports.get(6) + ":orb.mutualauth.port=" + ports.get(7)
                + ":osgi.shell.telnet.port=" + ports.get(8) + ":java.debugger.port=" + ports.get(9);
        asadmin("create-domain", "--domaindir", domains().toString(), "--adminport", String.valueOf(adminPort),
                "--instanceport", String.valueOf(httpPort), "--domainproperties", properties, "--nopassword", NAME);
    }

    private void boot(Path keys, int serverId, Path adminCredentials, int dataGridPort)
            throws IOException, InterruptedException {
        Path preBoot = dir.resolve("pre-boot.asadmin");
        Files.writeString(preBoot, "create-resource-adapter-config --property serverId=" + serverId
                + ":publicKeyFile=" + ClusterKeys.publicFile(keys)
                + ":privateKeyFile=" + ClusterKeys.privateFile(keys, serverId)
                + ":dataDirectory=" + dir.resolve("data") + " " + RA_NAME + "\n"
                + "create-system-properties sintra.admin.credentials=" + adminCredentials + "\n"
                // a data grid port of its own: the DAS discovers members at its das port, domain1's is 4900
                + "set-hazelcast-configuration --clustername sintra-it-mixed --startport " + dataGridPort
                + " --dasport " + dataGridPort + "\n");
        long begun = System.nanoTime();
        asadmin("start-domain", "--domaindir", domains().toString(), "--prebootcommandfile", preBoot.toString(), NAME);
        LOG.info(() -> "domain " + NAME + " started after " + (System.nanoTime() - begun) / 1_000_000
                + " ms; admin port " + adminPort + ", HTTP port " + httpPort);
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + "/" + path);
    }

    /** Polls {@code path} until it answers 200; fails with the log's tail if time runs out. */
    void awaitOk(String path, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpRequest get = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10)).GET().build();
                if (HTTP.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListening) {
                // not yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Payara Server: /" + path + " not 200 after " + timeout + "\n" + tail());
    }

    /** The last 40 lines of the domain's server.log, for failure messages. */
    String tail() {
        Path log = domains().resolve(NAME).resolve("logs").resolve("server.log");
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "---- the end of " + log + " ----\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log at " + log + ": " + e + ")";
        }
    }

    /** stop-domain, then SIGKILL by the pid file if the server still runs. */
    @Override
    public void close() throws InterruptedException {
        Optional<ProcessHandle> server = process();
        try {
            asadmin("stop-domain", "--domaindir", domains().toString(), NAME);
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "stop-domain failed, killing the server: " + e.getMessage());
        }
        server.filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroyForcibly);
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing left to remove
        }
    }

    /** From the shutdown hook: no asadmin, no waiting. */
    private void killNow() {
        process().ifPresent(ProcessHandle::destroyForcibly);
    }

    /** The running server's JVM, from the pid file the domain writes while it runs. */
    private Optional<ProcessHandle> process() {
        Path pid = domains().resolve(NAME).resolve("config").resolve("pid");
        try {
            return ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // not started, or stopped cleanly
        }
    }

    private Path domains() {
        return dir.resolve("domains");
    }

    private static Path cli(Path payaraHome) {
        return payaraHome.resolve("glassfish/lib/client/appserver-cli.jar");
    }

    /** Runs one asadmin command, its output appended to asadmin.log; fails with that output's tail. */
    private void asadmin(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", cli(payaraHome).toString(), "--interactive=false"));
        command.addAll(List.of(args));
        Path log = dir.resolve("asadmin.log");
        Files.writeString(log, "\n==== " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(ASADMIN.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("asadmin " + args[0] + " did not finish in " + ASADMIN + "\n" + tail());
        }
        if (process.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            throw new IllegalStateException("asadmin " + args[0] + " failed with status " + process.exitValue()
                    + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()))
                    + "\n" + tail());
        }
    }
}
