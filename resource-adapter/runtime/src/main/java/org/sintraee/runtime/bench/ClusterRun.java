package org.sintraee.runtime.bench;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.sintraee.runtime.client.ReplicaState;
import org.sintraee.runtime.client.SintraClient;
import org.sintraee.runtime.keys.KeyFileException;
import org.sintraee.runtime.replica.LocalCluster;
import org.sintraee.runtime.replica.StatusFile;

/**
 * One cluster configuration under measurement: the replica processes, a status client per
 * replica, and the probes that turn a load run into a {@link SweepPoint}.
 */
final class ClusterRun implements Closeable {
    private final LocalCluster cluster;
    private final ExecutorService executor;
    private final String mode;
    private final int batch;
    private final int payload;
    private final SintraClient[] status;
    private final double[] peakRssMb;
    private final long[] peakHeapMb;

    private ClusterRun(LocalCluster cluster, ExecutorService executor, String mode, int batch, int payload) {
        this.cluster = cluster;
        this.executor = executor;
        this.mode = mode;
        this.batch = batch;
        this.payload = payload;
        this.status = new SintraClient[cluster.servers() + 1];
        this.peakRssMb = new double[cluster.servers() + 1];
        this.peakHeapMb = new long[cluster.servers() + 1];
    }

    static ClusterRun start(Path keys, Path data, String mode, int batch, int payload, String heap,
                            ExecutorService executor) throws IOException, InterruptedException, KeyFileException {
        List<String> args = List.of("--batch", Integer.toString(batch), "--order", mode.equals("limit") ? "leader" : "abc");
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap, "-Xms" + heap));
        String extra = System.getProperty("sintra.bench.jvm", "").trim(); // e.g. a JFR recording, for profiles
        if (!extra.isEmpty()) {
            jvm.addAll(List.of(extra.split("\\s+")));
        }
        LocalCluster cluster = new LocalCluster(keys, data, args, jvm);
        ClusterRun run = new ClusterRun(cluster, executor, mode, batch, payload);
        try {
            cluster.startAll();
            cluster.awaitReady(Duration.ofMinutes(2));
            for (int id = 1; id <= cluster.servers(); id++) {
                run.connect(id);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            run.close();
            throw e;
        }
        return run;
    }

    LocalCluster cluster() {
        return cluster;
    }

    void connect(int id) throws IOException {
        if (status[id] != null) {
            status[id].close();
        }
        status[id] = SintraClient.connect(cluster.clientAddress(id), executor);
    }

    List<InetSocketAddress> clientAddresses() {
        List<InetSocketAddress> out = new ArrayList<>();
        for (int id = 1; id <= cluster.servers(); id++) {
            out.add(cluster.clientAddress(id));
        }
        return out;
    }

    ReplicaState state(int id) throws IOException {
        try {
            return status[id].status().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("status of server " + id + ": " + e.getMessage(), e);
        }
    }

    /** The fewest deliveries any replica has made: what "delivered at all replicas" counts. */
    long minDelivered() throws IOException {
        long min = Long.MAX_VALUE;
        for (int id = 1; id <= cluster.servers(); id++) {
            min = Math.min(min, state(id).delivered());
        }
        return min;
    }

    /** The fewest deliveries among servers from..to. */
    long minDeliveredOf(int from, int to) throws IOException {
        long min = Long.MAX_VALUE;
        for (int id = from; id <= to; id++) {
            min = Math.min(min, state(id).delivered());
        }
        return min;
    }

    /** True iff every replica has the same delivery chain after the first {@code count} deliveries. */
    boolean sameChain(long count) throws IOException {
        byte[] reference = null;
        for (int id = 1; id <= cluster.servers(); id++) {
            byte[] c;
            try {
                c = status[id].chain(count).get(30, TimeUnit.SECONDS).orElse(null);
            } catch (Exception e) {
                throw new IOException("chain of server " + id + ": " + e.getMessage(), e);
            }
            if (c == null || (reference != null && !java.util.Arrays.equals(reference, c))) {
                return false;
            }
            reference = c;
        }
        return true;
    }

    private double cpuSeconds() {
        double s = 0;
        for (int id = 1; id <= cluster.servers(); id++) {
            s += ProcessProbe.cpuSeconds(cluster.process(id));
        }
        return s;
    }

    private long bytesOut() {
        long b = 0;
        for (int id = 1; id <= cluster.servers(); id++) {
            b += Math.max(0, StatusFile.number(cluster.statusFile(id), "bytesOut"));
        }
        return b;
    }

    int servers() {
        return cluster.servers();
    }

    /** Server id's process id. */
    long pid(int id) {
        return cluster.process(id).pid();
    }

    /** Samples peak RSS and heap of every replica (peaks kept across the run). */
    void sampleMemory() {
        for (int id = 1; id <= cluster.servers(); id++) {
            peakRssMb[id] = Math.max(peakRssMb[id], ProcessProbe.peakRssMb(cluster.process(id)));
            peakHeapMb[id] = Math.max(peakHeapMb[id], StatusFile.number(cluster.statusFile(id), "heapUsedMb"));
        }
    }

    /** Server id's peak resident set in MiB so far (0 if never sampled). */
    double peakRssMb(int id) {
        return peakRssMb[id];
    }

    /** Server id's largest heap use in MiB seen in its status file so far. */
    long peakHeapMb(int id) {
        return peakHeapMb[id];
    }

    /** One load level: closed loop with {@code outstanding}, or open loop at {@code rate}. */
    SweepPoint measure(int outstanding, double rate, double seconds) throws IOException, InterruptedException {
        LoadGenerator load = new LoadGenerator(clientAddresses(), executor, payload);
        long delivered0 = minDelivered();
        double cpu0 = cpuSeconds();
        long bytes0 = bytesOut();
        long t0 = System.nanoTime();
        LoadResult r = load.run(outstanding, rate, seconds);
        long delivered1 = minDelivered();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(2 * 200); // the status files are rewritten every 200 ms
        double cpu = cpuSeconds() - cpu0;
        long bytes = bytesOut() - bytes0;
        sampleMemory();
        long n = Math.max(1, delivered1 - delivered0);
        return new SweepPoint(mode, batch, outstanding, rate, (delivered1 - delivered0) / elapsed, r.latencyMs(0.5),
                r.latencyMs(0.9), r.latencyMs(0.99), cpu * 1000 / n, (double) bytes / n, r.refused());
    }

    @Override
    public void close() {
        for (SintraClient c : status) {
            if (c != null) {
                try {
                    c.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
        sampleMemory();
        cluster.close();
    }
}
