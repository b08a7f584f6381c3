package org.sintraee.runtime.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's options.
 *
 * @param out         where results.json and the plot go
 * @param seconds     measured seconds per load level
 * @param payload     request size in bytes
 * @param batches     batch sizes swept
 * @param outstanding outstanding-request levels swept (closed loop)
 * @param heap        each replica's -Xmx (and -Xms): the configured heap bound
 * @param kill        also run the kill -9 scenario
 * @param warmupSeconds load on every fresh cluster before measuring (JIT)
 * @param soakSeconds   if positive, run only the sustained-load run that long (first batch size,
 *                      last outstanding level) and write DIR/soak.json instead of the sweep
 */
record BenchOptions(Path out, double seconds, int payload, List<Integer> batches, List<Integer> outstanding,
                    String heap, boolean kill, double warmupSeconds, double soakSeconds) {
    static final String USAGE = String.join("\n",
            "usage: bench [--out DIR] [--seconds S] [--payload BYTES] [--batches 512,1024] [--outstanding 2048,8192,16384]",
            "             [--heap 1g] [--warmup S] [--no-kill] [--soak S]",
            "Starts n = 4 replica processes on loopback, sweeps batch size and outstanding requests,",
            "measures the fixed-leader limit and a kill -9 of one replica, and writes DIR/results.json",
            "and DIR/throughput-latency.svg (default DIR: docs/benchmark). With --soak S it instead loads one",
            "cluster for S seconds and writes each replica's live heap (after a full GC) over time to DIR/soak.json.");

    private static final Set<String> FLAGS = Set.of("--out", "--seconds", "--payload", "--batches", "--outstanding", "--heap", "--warmup",
            "--soak");

    static BenchOptions parse(String[] args) {
        Map<String, String> v = new HashMap<>();
        boolean kill = true;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--no-kill")) {
                kill = false;
            } else if (FLAGS.contains(args[i]) && i + 1 < args.length) {
                v.put(args[i], args[++i]);
            } else {
                throw new IllegalArgumentException("unknown or incomplete option " + args[i]);
            }
        }
        double seconds = Double.parseDouble(v.getOrDefault("--seconds", "12"));
        int payload = Integer.parseInt(v.getOrDefault("--payload", "1024"));
        if (seconds <= 0 || payload < 16 || payload > 60_000) {
            throw new IllegalArgumentException("--seconds must be positive and --payload within 16..60000");
        }
        return new BenchOptions(Path.of(v.getOrDefault("--out", "docs/benchmark")), seconds, payload,
                ints(v.getOrDefault("--batches", "512,1024")), ints(v.getOrDefault("--outstanding", "2048,8192,16384")),
                v.getOrDefault("--heap", "1g"), kill, Double.parseDouble(v.getOrDefault("--warmup", "40")),
                Double.parseDouble(v.getOrDefault("--soak", "0")));
    }

    private static List<Integer> ints(String csv) {
        List<Integer> out = Arrays.stream(csv.split(",")).map(String::trim).map(Integer::parseInt).toList();
        if (out.isEmpty() || out.stream().anyMatch(i -> i < 1)) {
            throw new IllegalArgumentException("expected positive numbers, got " + csv);
        }
        return out;
    }
}
