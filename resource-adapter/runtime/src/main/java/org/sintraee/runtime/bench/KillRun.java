package org.sintraee.runtime.bench;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * kill -9 of one replica under open-loop load: the longest pause in deliveries at the
 * others (sampled every {@value #SAMPLE_MS} ms), and whether the killed one, restarted on
 * its data directory, catches up to the identical sequence.
 */
final class KillRun {
    static final int SAMPLE_MS = 10;

    /** What the run saw. */
    record Outcome(double maxGapMs, long deliveredAtOthers, boolean caughtUp, double catchUpSeconds) {
    }

    private KillRun() {
    }

    static Outcome run(ClusterRun run, double rate, double seconds, ExecutorService executor) throws Exception {
        int victim = run.cluster().servers();
        LoadGenerator load = new LoadGenerator(run.clientAddresses().subList(0, victim - 1), executor, 1024);
        Future<LoadResult> driving = executor.submit(() -> load.run(4096, rate, seconds));
        long[] last = new long[victim];
        long[] lastChange = new long[victim];
        double maxGap = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        boolean killed = false;
        boolean restarted = false;
        Arrays.fill(lastChange, start);
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            if (!killed && now - start > (end - start) / 3) {
                run.cluster().kill(victim);
                killed = true;
            } else if (killed && !restarted && now - start > 2 * (end - start) / 3) {
                run.cluster().start(victim);
                restarted = true;
            }
            for (int id = 1; id < victim; id++) {
                long d = run.state(id).delivered();
                if (d != last[id]) {
                    maxGap = Math.max(maxGap, (now - lastChange[id]) / 1e6);
                    last[id] = d;
                    lastChange[id] = now;
                }
            }
            Thread.sleep(SAMPLE_MS);
        }
        driving.get();
        long target = run.minDeliveredOf(1, victim - 1);
        long t0 = System.nanoTime();
        boolean caughtUp = awaitCatchUp(run, victim, target, 120);
        return new Outcome(maxGap, target, caughtUp, (System.nanoTime() - t0) / 1e9);
    }

    private static boolean awaitCatchUp(ClusterRun run, int victim, long target, int timeoutSeconds) throws Exception {
        run.cluster().awaitReady(java.time.Duration.ofSeconds(timeoutSeconds));
        run.connect(victim);
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (run.state(victim).delivered() >= target) {
                return run.sameChain(target);
            }
            Thread.sleep(100);
        }
        return false;
    }
}
