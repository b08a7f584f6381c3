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
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One Payara Micro JVM of the test cluster: its command line, its directories under the
 * cluster's directory, its log file, and waiting on its health endpoints. Restarts reuse the
 * same root and data directories, as a restarted server would.
 */
final class MicroServer {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final Pattern BOOTED = Pattern.compile("Payara Micro .* ready in [0-9,.]+ \\(ms\\)");

    private final int id;
    private final int httpPort;
    private final Path dir;
    private final List<String> command;
    private volatile Process process;
    private volatile int starts;

    MicroServer(int id, int httpPort, Path dir, Path microJar, Path keys, Path adminCredentials, Path rar, Path war)
            throws IOException {
        this.id = id;
        this.httpPort = httpPort;
        this.dir = dir;
        Files.createDirectories(dir);
        Path preBoot = dir.resolve("pre-boot.asadmin");
        // a restart finds the configuration of the first start in the root directory: replace it
        Files.writeString(preBoot, "delete-resource-adapter-config sintra-rar\n"
                + "create-resource-adapter-config --property serverId=" + id
                + ":publicKeyFile=" + ClusterKeys.publicFile(keys)
                + ":privateKeyFile=" + ClusterKeys.privateFile(keys, id)
                + ":dataDirectory=" + dataDirectory() + " sintra-rar\n"
                + "create-system-properties sintra.admin.credentials=" + adminCredentials + "\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        command = List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", microJar.toString(), "--nocluster", "--port", String.valueOf(httpPort),
                "--rootdir", rootDirectory().toString(), "--prebootcommandfile", preBoot.toString(),
                "--deploy", rar.toString(), "--deploy", war.toString());
    }

    int id() {
        return id;
    }

    /** The adapter's data directory (journal); survives restarts. */
    Path dataDirectory() {
        return dir.resolve("data");
    }

    /** Payara's instance root: domain configuration and the embedded H2 database; survives restarts. */
    Path rootDirectory() {
        return dir.resolve("payara");
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + "/" + path);
    }

    /** Starts the JVM, appending to this server's log (one file across restarts). */
    synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("server " + id + " is running");
        }
        starts++;
        Files.writeString(log(), "\n==== start " + starts + " of server " + id + ": " + String.join(" ", command)
                + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .start();
    }

    /** Polls {@code path} until it answers 200; fails with the log's tail if the JVM exits or time runs out. */
    void awaitOk(String path, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (answersOk(path)) {
                return;
            }
            Process p = process;
            if (p == null || !p.isAlive()) {
                throw new IllegalStateException("server " + id + " exited while waiting for /" + path + "\n" + tail());
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("server " + id + ": /" + path + " not 200 after " + timeout + "\n" + tail());
    }

    /**
     * Waits until this start's boot finished ("Payara Micro ... ready in" in the log): a restart
     * first loads the applications the root directory remembers and only then redeploys the
     * --deploy archives, so the application answers, disappears and answers again meanwhile.
     */
    void awaitBooted(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (bootsLogged() >= starts) {
                return;
            }
            Process p = process;
            if (p == null || !p.isAlive()) {
                throw new IllegalStateException("server " + id + " exited while booting\n" + tail());
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("server " + id + ": not booted after " + timeout + "\n" + tail());
    }

    private long bootsLogged() {
        try (Stream<String> lines = Files.lines(log(), StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> BOOTED.matcher(line).find()).count();
        } catch (IOException | UncheckedIOException e) {
            return 0; // not written yet
        }
    }

    private boolean answersOk(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: no shutdown hooks, no flush; what is on disk is what a crash leaves. */
    synchronized void kill9() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM, then SIGKILL if it has not exited within 30 s. */
    synchronized void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill9();
            }
        }
    }

    /** From a shutdown hook: no waiting. */
    void killNow() {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
        }
    }

    Path log() {
        return dir.resolve("server.log");
    }

    /** The last 40 lines of the log, for failure messages. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log(), StandardCharsets.UTF_8);
            List<String> last = new ArrayList<>(lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            return "---- the end of " + log() + " ----\n" + String.join("\n", last);
        } catch (IOException | UncheckedIOException e) {
            return "(no log at " + log() + ": " + e + ")";
        }
    }
}
