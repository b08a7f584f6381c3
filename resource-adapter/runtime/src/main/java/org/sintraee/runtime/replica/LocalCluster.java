package org.sintraee.runtime.replica;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.sintraee.runtime.keys.KeyFileException;
import org.sintraee.runtime.keys.KeyFileFormat;
import org.sintraee.runtime.keys.KeyFiles;
import org.sintraee.runtime.keys.PublicKeys;

/**
 * n replicas as separate JVM processes on this machine, from a dealer's output directory:
 * server i runs {@link ReplicaCommand} with {@code DATA/i} as its data directory and
 * status file, and its output in {@code DATA/i/replica.log}. Readiness is read from the
 * status files, never guessed from sleeps. Used by {@link ClusterCommand}, the loopback
 * cluster tests and the benchmark.
 */
public final class LocalCluster implements Closeable {
    /**
     * JVM options every server gets before the caller's (which may override them). G1's default
     * region for a heap of a GiB or so is 1 MiB, so every batch (512 KiB at the default size)
     * and proposal vector (n - t batches) was a humongous object: allocated in the old
     * generation, each one a reason for a collection. In the benchmark that made two of every
     * three collections; 8 MiB regions hold vectors up to 4 MiB as ordinary objects.
     */
    public static final List<String> GC_OPTIONS = List.of("-XX:+UseG1GC", "-XX:G1HeapRegionSize=8m");

    private final Path keys;
    private final Path data;
    private final PublicKeys publicKeys;
    private final List<String> replicaArgs;
    private final List<String> jvmArgs;
    private final Process[] processes;

    /**
     * @param keys        the dealer's output: public.json and server-i.private.json
     * @param data        the cluster's data directory (one subdirectory per server)
     * @param replicaArgs extra replica options for every server (e.g. --batch 64)
     * @param jvmArgs     JVM options for every server (e.g. -Xmx512m)
     */
    public LocalCluster(Path keys, Path data, List<String> replicaArgs, List<String> jvmArgs) throws KeyFileException {
        this.keys = Objects.requireNonNull(keys);
        this.data = Objects.requireNonNull(data);
        this.publicKeys = KeyFiles.loadPublic(keys.resolve(KeyFileFormat.PUBLIC_FILE_NAME));
        this.replicaArgs = List.copyOf(replicaArgs);
        this.jvmArgs = List.copyOf(jvmArgs);
        this.processes = new Process[publicKeys.servers() + 1];
    }

    public int servers() {
        return publicKeys.servers();
    }

    public PublicKeys publicKeys() {
        return publicKeys;
    }

    /** Starts server {@code id} (1..n); its previous process, if any, must have ended. */
    public void start(int id) throws IOException {
        start(id, ReplicaCommand.class.getName(), List.of());
    }

    /**
     * Starts server {@code id} running {@code mainClass} (on this JVM's class path, given the
     * replica options and then {@code extraArgs}) instead of {@link ReplicaCommand}: for tests
     * that run one server with a different, e.g. Byzantine, main class.
     */
    public synchronized void start(int id, String mainClass, List<String> extraArgs) throws IOException {
        publicKeys.member(id); // checks the id
        if (processes[id] != null && processes[id].isAlive()) {
            throw new IllegalStateException("server " + id + " is running");
        }
        Path dir = data.resolve(Integer.toString(id));
        Files.createDirectories(dir);
        Files.deleteIfExists(statusFile(id));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(GC_OPTIONS);
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass,
                "--public", keys.resolve(KeyFileFormat.PUBLIC_FILE_NAME).toString(),
                "--private", keys.resolve(KeyFileFormat.privateFileName(id)).toString(),
                "--data", dir.toString()));
        command.addAll(replicaArgs);
        command.addAll(extraArgs);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("replica.log").toFile()));
        processes[id] = pb.start();
    }

    /** Starts every server. */
    public void startAll() throws IOException {
        for (int id = 1; id <= servers(); id++) {
            start(id);
        }
    }

    /** Waits until every running server's status file says ready. */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int id = 1; id <= servers(); id++) {
            Process p = process(id);
            if (p == null) {
                continue;
            }
            while (!"ready".equals(StatusFile.state(statusFile(id)))) {
                if (!p.isAlive()) {
                    throw new IOException("server " + id + " exited with status " + p.exitValue() + "; see "
                            + data.resolve(Integer.toString(id)).resolve("replica.log"));
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("server " + id + " not ready after " + timeout + ": "
                            + StatusFile.state(statusFile(id)));
                }
                Thread.sleep(50);
            }
        }
    }

    /** kill -9: the process gets no chance to flush or say goodbye. */
    public void kill(int id) throws InterruptedException {
        Process p = process(id);
        if (p != null) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM, then waits for a clean stop (kill -9 after 20 s). */
    public void stop(int id) throws InterruptedException {
        Process p = process(id);
        if (p != null && p.isAlive()) {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    public synchronized Process process(int id) {
        return processes[id];
    }

    /** Where server id's client port is (the default: loopback, peer port + offset). */
    public InetSocketAddress clientAddress(int id) {
        return new InetSocketAddress("127.0.0.1", publicKeys.member(id).address().port() + ReplicaOptions.CLIENT_PORT_OFFSET);
    }

    /** Server id's data directory (its journal, status file and log). */
    public Path dataDirectory(int id) {
        return data.resolve(Integer.toString(id));
    }

    public Path statusFile(int id) {
        return data.resolve(Integer.toString(id)).resolve("status.json");
    }

    public Path log(int id) {
        return data.resolve(Integer.toString(id)).resolve("replica.log");
    }

    /**
     * {@code count} loopback ports p that are free now, with p + CLIENT_PORT_OFFSET free too
     * and no two within the offset of each other, for a dealing on this machine.
     */
    public static List<Integer> freePorts(int count) throws IOException {
        List<Integer> ports = new ArrayList<>();
        while (ports.size() < count) {
            int p;
            try (ServerSocket s = new ServerSocket(0)) {
                p = s.getLocalPort();
            }
            int client = p + ReplicaOptions.CLIENT_PORT_OFFSET;
            if (client <= 65_535 && free(p) && free(client)
                    && ports.stream().noneMatch(q -> Math.abs(q - p) <= ReplicaOptions.CLIENT_PORT_OFFSET)) {
                ports.add(p);
            }
        }
        return ports;
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops every server cleanly. */
    @Override
    public void close() {
        for (int id = 1; id <= servers(); id++) {
            Process p = process(id);
            if (p != null) {
                p.destroy();
            }
        }
        try {
            for (int id = 1; id <= servers(); id++) {
                stop(id);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            for (int id = 1; id <= servers(); id++) {
                Process p = process(id);
                if (p != null) {
                    p.destroyForcibly();
                }
            }
        }
    }
}
