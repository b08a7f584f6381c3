package org.sintraee.runtime.dealer;

import java.io.PrintStream;
import java.util.function.LongSupplier;
import org.sintraee.protocol.crypto.shoup.DealProgress;

/**
 * Shows the safe-prime search on stderr: a line when a stage starts, then at most one every
 * few seconds (a 2048-bit modulus tests tens of thousands of candidates), and one when a
 * prime is found. Other stages are fast and stay quiet.
 */
final class ProgressPrinter implements DealProgress {
    static final long INTERVAL_NANOS = 5_000_000_000L;

    private final PrintStream err;
    private final LongSupplier nanoTime;
    private String stage = "";
    private long lastPrinted;

    ProgressPrinter(PrintStream err, LongSupplier nanoTime) {
        this.err = err;
        this.nanoTime = nanoTime;
    }

    @Override
    public void report(String what, long candidatesTried) {
        if (!what.startsWith("safe prime")) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (what.endsWith(" found")) {
            err.println("dealer: " + what + " after " + candidatesTried + " candidates");
            stage = what;
        } else if (!what.equals(stage) || now - lastPrinted >= INTERVAL_NANOS) {
            err.println("dealer: generating " + what + " (" + ordinal(what) + ") ... candidates tried: " + candidatesTried);
            stage = what;
            lastPrinted = now;
        }
    }

    /** Shoup's dealer finds p, then q. */
    private static String ordinal(String what) {
        return what.endsWith(" q") ? "2/2" : "1/2";
    }
}
