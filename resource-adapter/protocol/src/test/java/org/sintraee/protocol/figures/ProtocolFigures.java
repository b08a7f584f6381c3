package org.sintraee.protocol.figures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import org.sintraee.protocol.figures.FigureRuns.Agreement;
import org.sintraee.protocol.figures.FigureRuns.Broadcast;
import org.sintraee.protocol.figures.FigureRuns.Sched;

/**
 * The protocol figures of docs/protocol-figures.md: for n = 4, 7, 10 and each scheduler, over
 * the seeds, ABBA rounds, MVBA candidate iterations, and atomic broadcast's messages and
 * (estimated) bytes per round and per delivered request at batch sizes 1, 100, 1000.
 *
 * <p>Run: {@code mvn -B -ntp -pl resource-adapter/protocol -am -Pfigures verify -DskipTests}
 * ({@code -Dfigures.seeds=N}, default 30). The one argument is the markdown file to write.
 */
public final class ProtocolFigures {
    static final int[] NS = {4, 7, 10};
    static final int REQUEST = 32;
    static final int LARGE_REQUEST = 1024;

    private final int seeds;
    private final StringBuilder md = new StringBuilder();
    private final List<String> notes = new ArrayList<>();
    private final Interpretation summary = new Interpretation();

    private ProtocolFigures(int seeds) {
        this.seeds = seeds;
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/protocol-figures.md");
        int seeds = Integer.getInteger("figures.seeds", 30);
        long start = System.nanoTime();
        ProtocolFigures f = new ProtocolFigures(seeds);
        f.notes.add("ABC rounds per run (after the warm-up round 0): batch 1: 5, batch 100: 3, batch 1000: 2 (scaled down"
                + " for the big batches); rounds beyond these appear when Twins' batches push honest ones out of a round");
        f.notes.add("1 KiB requests: batch 1 and 100, random scheduler, silent faulty servers only; batch 1000 with 1 KiB"
                + " requests left out (7 MB vectors per c-broadcast at n = 10)");
        String body = f.tables();
        double minutes = (System.nanoTime() - start) / 60e9;
        String doc = Header.render(seeds, minutes, f.notes) + body + f.summary.render();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, doc, StandardCharsets.UTF_8);
        System.out.printf("wrote %s in %.1f min%n", out.toAbsolutePath().normalize(), minutes);
    }

    private String tables() {
        md.append("## ABBA (CKS00 binary agreement, standard variant, mixed inputs)\n\n");
        md.append("Rounds: per run, the highest round in which an honest server decided.\n\n");
        md.append("| n | t | scheduler | faulty servers | seeds | rounds mean | rounds max | messages / server | bytes / server |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (int n : NS) {
            for (boolean twins : new boolean[] {false, true}) {
                for (Sched s : Sched.values()) {
                    summary.aba(n, twins, agreementRow(n, s, twins, seed -> FigureRuns.aba(seed, n, s, twins)));
                }
            }
        }
        md.append("\n## MVBA (CKPS01 validated agreement, 32-byte proposals)\n\n");
        md.append("Iterations: the candidate iteration l (1..n) at which the decision was made.\n\n");
        md.append("| n | t | scheduler | faulty servers | seeds | iterations mean | iterations max | messages / server | bytes / server |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (int n : NS) {
            for (boolean twins : new boolean[] {false, true}) {
                for (Sched s : Sched.values()) {
                    summary.mvba(n, twins, agreementRow(n, s, twins, seed -> FigureRuns.mvba(seed, n, s, twins)));
                }
            }
        }
        md.append("\n## Atomic broadcast (CKPS01), per round and per delivered request\n\n");
        md.append("Requests of ").append(REQUEST).append(" bytes unless stated. Rounds measured: rounds 1.. last"
                + " (round 0, one warm-up request per server, left out). Per round and per request: the bytes one honest"
                + " server sends (mean over honest servers, then over seeds).\n\n");
        md.append("| n | t | scheduler | faulty servers | batch | request bytes | seeds | rounds | messages / round / server"
                + " | bytes / round / server | bytes / delivered request / server |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int batch : new int[] {1, 100, 1000}) {
            for (int n : NS) {
                for (Sched s : Sched.values()) {
                    summary.abc(n, batch, REQUEST, false, abcRow(n, s, false, batch, REQUEST));
                }
                if (batch == 1) {
                    for (Sched s : Sched.values()) {
                        summary.abc(n, batch, REQUEST, true, abcRow(n, s, true, batch, REQUEST));
                    }
                }
            }
        }
        for (int batch : new int[] {1, 100}) {
            for (int n : NS) {
                summary.abc(n, batch, LARGE_REQUEST, false, abcRow(n, Sched.RANDOM, false, batch, LARGE_REQUEST));
            }
        }
        md.append('\n');
        return md.toString();
    }

    private double[] agreementRow(int n, Sched s, boolean twins, LongFunction<Agreement> run) {
        long t0 = System.nanoTime();
        DoubleSummaryStatistics steps = new DoubleSummaryStatistics();
        DoubleSummaryStatistics msgs = new DoubleSummaryStatistics();
        DoubleSummaryStatistics bytes = new DoubleSummaryStatistics();
        for (long seed = 1; seed <= seeds; seed++) {
            Agreement a = run.apply(seed);
            steps.accept(a.steps());
            msgs.accept(a.messages());
            bytes.accept(a.bytes());
        }
        md.append(String.format(Locale.ROOT, "| %d | %d | %s | %s | %d | %.2f | %.0f | %.0f | %.0f |%n", n, (n - 1) / 3,
                s.label, faultyLabel(twins), seeds, steps.getAverage(), steps.getMax(), msgs.getAverage(), bytes.getAverage()));
        progress(md, t0);
        return new double[] {steps.getAverage(), steps.getMax()};
    }

    /** Rounds per run: enough to fill several batches, fewer for the heaviest cells. */
    static int rounds(int n, int batch) {
        return batch == 1 ? 5 : batch == 100 ? 3 : 2;
    }

    /** Seeds per ABC cell: all of them, but fewer for big batches (recorded in the table and the notes). */
    int abcSeeds(int n, int batch, int size) {
        if (size > REQUEST) {
            return Math.min(seeds, 5);
        }
        return batch < 1000 ? seeds : Math.min(seeds, n <= 7 ? 10 : 5);
    }

    private double[] abcRow(int n, Sched s, boolean twins, int batch, int size) {
        long t0 = System.nanoTime();
        int k = rounds(n, batch);
        int cellSeeds = abcSeeds(n, batch, size);
        DoubleSummaryStatistics rounds = new DoubleSummaryStatistics();
        DoubleSummaryStatistics msgs = new DoubleSummaryStatistics();
        DoubleSummaryStatistics bytes = new DoubleSummaryStatistics();
        DoubleSummaryStatistics perRequest = new DoubleSummaryStatistics();
        List<Long> stranded = new ArrayList<>();
        String example = "";
        for (long seed = 1; seed <= cellSeeds; seed++) {
            Broadcast b = FigureRuns.abc(seed, n, s, twins, batch, size, k);
            if (b.stranded()) {
                example = example.isEmpty() ? "seed " + seed + ": " + b.behind() : example;
                stranded.add(seed); // a liveness gap, not a cost: reported, not averaged
                continue;
            }
            rounds.accept(b.rounds());
            msgs.accept(b.messages() / b.rounds());
            bytes.accept(b.bytes() / b.rounds());
            perRequest.accept(b.bytes() / b.delivered());
        }
        md.append(String.format(Locale.ROOT, "| %d | %d | %s | %s | %d | %d | %s | %.1f | %.0f | %.0f | %.0f |%n", n,
                (n - 1) / 3, s.label, faultyLabel(twins), batch, size,
                stranded.isEmpty() ? Integer.toString(cellSeeds) : cellSeeds + " (" + stranded.size() + " stranded*)",
                rounds.getAverage(), msgs.getAverage(), bytes.getAverage(), perRequest.getAverage()));
        progress(md, t0);
        if (!stranded.isEmpty()) {
            summary.stranded(stranded.size());
            notes.add(String.format(Locale.ROOT, "*stranded: ABC n = %d, %s, Twins: seeds %s ended (nothing in flight)"
                    + " with an honest server stuck in an early round while the others went more than KEEP_ROUNDS = 16"
                    + " rounds ahead. These simulations run no catch-up, which the ABC package leaves to the runtime for"
                    + " a server that far behind (peers keep C-REQUEST answers and their proposals' batches for 16"
                    + " rounds). Diagnosed case: this scheduler reorders messages on a link, so a compact C-SEND"
                    + " overtakes the proposer's own BATCH; the receivers ask for the batch, the answers come back after"
                    + " they moved on, and the proposer's c-broadcast lacks their echoes. Excluded from the averages."
                    + " First: %s. Replay: FigureRuns.abc(seed, %d, %s, true, %d, %d, %d)", n, s.label, stranded,
                    example, n, s.name(), batch, size, k));
        }
        if (cellSeeds < seeds) {
            String note = String.format(Locale.ROOT, "ABC batch %d, %d-byte requests: %d seeds", batch, size, cellSeeds);
            if (!notes.contains(note)) {
                notes.add(note);
            }
        }
        return new double[] {msgs.getAverage(), bytes.getAverage(), perRequest.getAverage()};
    }

    private static String faultyLabel(boolean twins) {
        return twins ? "Twins (equivocating)" : "silent";
    }

    private static void progress(StringBuilder md, long t0) {
        String row = md.substring(md.lastIndexOf("\n", md.length() - 2) + 1).trim();
        System.out.printf(Locale.ROOT, "%6.1fs %s%n", (System.nanoTime() - t0) / 1e9, row);
    }

    static String now() {
        return ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
