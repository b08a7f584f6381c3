package org.sintraee.runtime.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.sintraee.runtime.dealer.DealerCommand;
import org.sintraee.runtime.replica.LocalCluster;

/**
 * {@code bench [options]} (see {@link BenchOptions#USAGE}): the throughput/latency sweep,
 * the limit mode, the half-peak latency run and the kill -9 run, against 4 replica
 * processes and this load generator on one machine; writes results.json and the plot.
 */
public final class Benchmark {
    private final BenchOptions options;
    private final Path work;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bench");
        t.setDaemon(true);
        return t;
    });
    private final List<SweepPoint> sweep = new ArrayList<>();
    private final double[] peakRssMb = new double[5];
    private final long[] peakHeapMb = new long[5];

    private Benchmark(BenchOptions options, Path work) {
        this.options = options;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage() + "\n" + BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        Path work = Files.createTempDirectory("sintra-bench");
        try {
            new Benchmark(options, work).run();
        } finally {
            deleteTree(work); // journals of a full run take gigabytes
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void run() throws Exception {
        deal();
        if (options.soakSeconds() > 0) {
            soak();
            return;
        }
        for (String mode : List.of("abc", "limit")) {
            for (int batch : options.batches()) {
                try (ClusterRun run = start(mode, batch)) {
                    warmUp(run);
                    for (int outstanding : options.outstanding()) {
                        SweepPoint p = run.measure(outstanding, 0, options.seconds());
                        System.out.println(p);
                        sweep.add(p);
                    }
                    keepMemory(run);
                }
            }
        }
        SweepPoint peak = best("abc");
        SweepPoint limit = best("limit");
        SweepPoint half;
        KillRun.Outcome kill = null;
        try (ClusterRun run = start("abc", peak.batch())) {
            warmUp(run);
            half = run.measure(peak.outstanding(), peak.rps() / 2, options.seconds());
            System.out.println("half peak: " + half);
            sweep.add(half);
            if (options.kill()) {
                kill = KillRun.run(run, peak.rps() / 2, Math.max(30, 2 * options.seconds()), executor);
                System.out.println("kill -9: " + kill);
            }
            keepMemory(run);
        }
        write(peak, limit, half, kill);
        executor.shutdownNow();
    }

    private void soak() throws Exception {
        int batch = options.batches().get(0);
        int outstanding = options.outstanding().get(options.outstanding().size() - 1);
        try (ClusterRun run = start("abc", batch)) {
            warmUp(run);
            List<SoakRun.Sample> samples = SoakRun.run(run, outstanding, options.soakSeconds(), 30);
            Files.createDirectories(options.out());
            Files.writeString(options.out().resolve("soak.json"),
                    SoakRun.json(samples, batch, outstanding, options.heap(), options.payload()), StandardCharsets.UTF_8);
            System.out.println("wrote " + options.out().resolve("soak.json"));
        }
        executor.shutdownNow();
    }

    /**
     * Loads a fresh cluster until the JIT has compiled the hot paths: with 4 replica JVMs and
     * the load generator on 2 cores, C2 reaches TLS's AES-GCM callers only after about 30 s,
     * and until then GHASH runs as Java code at a fraction of its speed.
     */
    private void warmUp(ClusterRun run) throws Exception {
        run.measure(options.outstanding().get(options.outstanding().size() - 1), 0, options.warmupSeconds());
    }

    private Path deal() throws Exception {
        List<Integer> ports = LocalCluster.freePorts(4);
        String hosts = ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
        Path keys = work.resolve("keys");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        int status = new DealerCommand().run(new String[] {"--servers", "4", "--hosts", hosts, "--out", keys.toString()},
                out, out);
        if (status != 0) {
            throw new IllegalStateException("dealing failed:\n" + log.toString(StandardCharsets.UTF_8));
        }
        return keys;
    }

    private ClusterRun start(String mode, int batch) throws Exception {
        Path data = work.resolve("data-" + mode + "-" + batch + "-" + System.nanoTime());
        return ClusterRun.start(work.resolve("keys"), data, mode, batch, options.payload(), options.heap(), executor);
    }

    private void keepMemory(ClusterRun run) {
        run.sampleMemory();
        for (int id = 1; id <= 4; id++) {
            peakRssMb[id] = Math.max(peakRssMb[id], run.peakRssMb(id));
            peakHeapMb[id] = Math.max(peakHeapMb[id], run.peakHeapMb(id));
        }
    }

    private SweepPoint best(String mode) {
        return sweep.stream().filter(p -> p.mode().equals(mode) && p.offeredRps() == 0)
                .max(Comparator.comparingDouble(SweepPoint::rps)).orElseThrow();
    }

    private void write(SweepPoint peak, SweepPoint limit, SweepPoint half, KillRun.Outcome kill) throws Exception {
        Files.createDirectories(options.out());
        StringBuilder b = new StringBuilder("{\n");
        b.append(String.format(Locale.ROOT, "  \"date\": \"%s\",%n", Instant.now()));
        b.append("  \"machine\": ").append(Machine.json()).append(",\n");
        b.append(String.format(Locale.ROOT, "  \"servers\": 4,%n  \"faulty\": 1,%n  \"payload_bytes\": %d,%n", options.payload()));
        b.append(String.format(Locale.ROOT, "  \"batch_size\": %d,%n  \"outstanding_at_peak\": %d,%n", peak.batch(), peak.outstanding()));
        b.append(String.format(Locale.ROOT, "  \"peak_rps\": %.1f,%n  \"limit_rps\": %.1f,%n  \"fraction_of_limit\": %.3f,%n",
                peak.rps(), limit.rps(), peak.rps() / limit.rps()));
        b.append(String.format(Locale.ROOT, "  \"p50_ms_at_half_peak\": %.1f,%n  \"p90_ms_at_half_peak\": %.1f,%n"
                + "  \"p99_ms_at_half_peak\": %.1f,%n", half.p50Ms(), half.p90Ms(), half.p99Ms()));
        b.append(String.format(Locale.ROOT, "  \"max_gap_ms_on_kill\": %s,%n  \"killed_replica_caught_up\": %s,%n",
                kill == null ? "null" : String.format(Locale.ROOT, "%.0f", kill.maxGapMs()),
                kill == null ? "null" : Boolean.toString(kill.caughtUp())));
        double rss = java.util.Arrays.stream(peakRssMb).max().orElse(0);
        long heap = java.util.Arrays.stream(peakHeapMb).max().orElse(0);
        b.append(String.format(Locale.ROOT, "  \"peak_rss_mb\": %.0f,%n  \"peak_heap_mb\": %d,%n  \"heap_bound\": \"%s\",%n",
                rss, heap, options.heap()));
        b.append(String.format(Locale.ROOT, "  \"peak_rss_mb_per_replica\": [%.0f, %.0f, %.0f, %.0f],%n"
                        + "  \"peak_heap_mb_per_replica\": [%d, %d, %d, %d],%n",
                peakRssMb[1], peakRssMb[2], peakRssMb[3], peakRssMb[4], peakHeapMb[1], peakHeapMb[2], peakHeapMb[3],
                peakHeapMb[4]));
        b.append(String.format(Locale.ROOT, "  \"cpu_s_per_1000_at_peak\": %.3f,%n  \"wire_bytes_per_request_at_peak\": %.0f,%n",
                peak.cpuPer1000(), peak.bytesPerRequest()));
        b.append(String.format(Locale.ROOT, "  \"seconds_per_level\": %.0f,%n", options.seconds()));
        b.append("  \"sweep\": [\n    ").append(sweep.stream().map(SweepPoint::json).collect(Collectors.joining(",\n    ")))
                .append("\n  ]\n}\n");
        Files.writeString(options.out().resolve("results.json"), b.toString(), StandardCharsets.UTF_8);
        List<SvgPlot.Series> series = new ArrayList<>();
        String[] colours = {"#1f77b4", "#2ca02c", "#9467bd", "#8c564b"};
        int c = 0;
        for (String mode : List.of("abc", "limit")) {
            for (int batch : options.batches()) {
                List<SvgPlot.Point> points = sweep.stream()
                        .filter(p -> p.mode().equals(mode) && p.batch() == batch && p.offeredRps() == 0)
                        .map(p -> new SvgPlot.Point(p.rps(), p.p50Ms(), p.p99Ms())).toList();
                series.add(new SvgPlot.Series((mode.equals("abc") ? "atomic broadcast" : "limit (fixed leader)")
                        + ", batch " + batch, mode.equals("abc") ? colours[c++ % 2] : colours[2 + c++ % 2], points));
            }
        }
        Files.writeString(options.out().resolve("throughput-latency.svg"),
                SvgPlot.render("Sintra EE, n = 4 on one 2-core machine, " + options.payload() + "-byte requests", series),
                StandardCharsets.UTF_8);
        System.out.println("wrote " + options.out().resolve("results.json"));
    }
}
