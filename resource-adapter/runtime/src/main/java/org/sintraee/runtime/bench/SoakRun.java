package org.sintraee.runtime.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Sustained load ({@code --soak S}): one cluster at a fixed closed-loop level for S seconds,
 * and every interval each replica's <em>live</em> heap: {@code jcmd GC.run} (a full
 * collection) then {@code GC.heap_info}'s "used". A heap that only "used" samples watch looks
 * full under G1 whether or not anything leaks; the live set after a full collection grows
 * only if something is kept per request. It also samples each replica's journal on disk (the
 * data directory without the log), to show what pruning at checkpoints leaves per request.
 */
final class SoakRun {
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    /**
     * One sample: seconds since the start, requests delivered everywhere, and per replica its live
     * heap (MiB) and its journal's bytes on disk.
     */
    record Sample(double seconds, long delivered, double rps, long[] liveMb, long[] journalBytes) {
        String json() {
            long most = 0;
            for (int id = 1; id < journalBytes.length; id++) {
                most = Math.max(most, journalBytes[id]);
            }
            return String.format(Locale.ROOT, "{\"seconds\": %.0f, \"delivered\": %d, \"rps\": %.1f, "
                            + "\"live_heap_mb\": [%s], \"journal_mb\": [%s], \"journal_bytes_per_request\": %.0f}",
                    seconds, delivered, rps, list(liveMb, 1), list(journalBytes, 1 << 20),
                    delivered == 0 ? 0.0 : (double) most / delivered);
        }

        private static String list(long[] values, long unit) {
            StringBuilder b = new StringBuilder();
            for (int id = 1; id < values.length; id++) {
                b.append(id > 1 ? ", " : "").append(values[id] / unit);
            }
            return b.toString();
        }
    }

    private SoakRun() {
    }

    static List<Sample> run(ClusterRun run, int outstanding, double seconds, double interval)
            throws IOException, InterruptedException {
        List<Sample> out = new ArrayList<>();
        long start = System.nanoTime();
        out.add(new Sample(0, run.minDelivered(), 0, liveHeaps(run), journals(run)));
        while ((System.nanoTime() - start) / 1e9 < seconds) {
            SweepPoint p = run.measure(outstanding, 0, interval);
            Sample s = new Sample((System.nanoTime() - start) / 1e9, run.minDelivered(), p.rps(), liveHeaps(run),
                    journals(run));
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

    /** Each replica's data directory on disk, without its log: the journal and its proof segments. */
    private static long[] journals(ClusterRun run) throws IOException {
        long[] bytes = new long[run.servers() + 1];
        for (int id = 1; id <= run.servers(); id++) {
            bytes[id] = sizeOf(run.cluster().dataDirectory(id), run.cluster().log(id));
        }
        return bytes;
    }

    private static long sizeOf(Path dir, Path except) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try (Stream<Path> files = Files.walk(dir)) {
                long sum = 0;
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (!f.equals(except) && Files.isRegularFile(f)) {
                        sum += Files.size(f);
                    }
                }
                return sum;
            } catch (NoSuchFileException | UncheckedIOException e) {
                if (attempt == 2) {
                    throw new IOException("cannot size " + dir + ": files kept vanishing (pruning)", e);
                } // a segment was pruned while we walked: walk again
            }
        }
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
