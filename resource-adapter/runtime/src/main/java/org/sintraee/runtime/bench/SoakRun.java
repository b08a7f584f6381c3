package org.sintraee.runtime.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Sustained load ({@code --soak S}): one cluster at a fixed closed-loop level for S seconds,
 * and every interval each replica's <em>live</em> heap: {@code jcmd GC.run} (a full
 * collection) then {@code GC.heap_info}'s "used". A heap that only "used" samples watch looks
 * full under G1 whether or not anything leaks; the live set after a full collection grows
 * only if something is kept per request.
 */
final class SoakRun {
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    /** One sample: seconds since the start, requests delivered everywhere, each replica's live heap (MiB). */
    record Sample(double seconds, long delivered, double rps, long[] liveMb) {
        String json() {
            StringBuilder b = new StringBuilder();
            for (int id = 1; id < liveMb.length; id++) {
                b.append(id > 1 ? ", " : "").append(liveMb[id]);
            }
            return String.format(Locale.ROOT, "{\"seconds\": %.0f, \"delivered\": %d, \"rps\": %.1f, \"live_heap_mb\": [%s]}",
                    seconds, delivered, rps, b);
        }
    }

    private SoakRun() {
    }

    static List<Sample> run(ClusterRun run, int outstanding, double seconds, double interval)
            throws IOException, InterruptedException {
        List<Sample> out = new ArrayList<>();
        long start = System.nanoTime();
        out.add(new Sample(0, run.minDelivered(), 0, liveHeaps(run)));
        while ((System.nanoTime() - start) / 1e9 < seconds) {
            SweepPoint p = run.measure(outstanding, 0, interval);
            Sample s = new Sample((System.nanoTime() - start) / 1e9, run.minDelivered(), p.rps(), liveHeaps(run));
            System.out.println("soak: " + s.json());
            out.add(s);
        }
        return out;
    }

    static String json(List<Sample> samples, int batch, int outstanding, String heap, int payload) {
        return String.format(Locale.ROOT, "{%n  \"batch_size\": %d,%n  \"outstanding\": %d,%n  \"heap_bound\": \"%s\",%n"
                        + "  \"payload_bytes\": %d,%n  \"machine\": %s,%n  \"samples\": [%n    %s%n  ]%n}%n",
                batch, outstanding, heap, payload, Machine.json(),
                samples.stream().map(Sample::json).collect(Collectors.joining(",\n    ")));
    }

    private static long[] liveHeaps(ClusterRun run) throws IOException, InterruptedException {
        long[] mb = new long[run.servers() + 1];
        for (int id = 1; id <= run.servers(); id++) {
            long pid = run.pid(id);
            jcmd(pid, "GC.run");
            Matcher m = USED.matcher(jcmd(pid, "GC.heap_info"));
            mb[id] = m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
        }
        return mb;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " " + command + " failed: " + text.strip());
        }
        return text;
    }
}
