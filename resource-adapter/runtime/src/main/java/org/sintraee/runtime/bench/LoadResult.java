package org.sintraee.runtime.bench;

import java.util.Arrays;

/**
 * What one load run measured at the clients: requests completed (delivered at the replica
 * they were submitted to), refusals, the window, and latencies from submit to delivery.
 */
public record LoadResult(long completed, long refused, long failed, double seconds, long[] latencyNanos) {
    public LoadResult {
        latencyNanos = latencyNanos.clone();
        Arrays.sort(latencyNanos);
    }

    /** Completed requests per second at the submitting replicas. */
    public double rps() {
        return seconds > 0 ? completed / seconds : 0;
    }

    /** The q-quantile (0..1) of submit-to-delivery latency in milliseconds, NaN without samples. */
    public double latencyMs(double q) {
        if (latencyNanos.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(latencyNanos.length - 1, Math.max(0, Math.ceil(q * latencyNanos.length) - 1));
        return latencyNanos[i] / 1e6;
    }

    @Override
    public long[] latencyNanos() {
        return latencyNanos.clone();
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%d completed in %.1f s (%.0f/s), %d refused, %d failed, p50 %.1f ms, p99 %.1f ms",
                completed, seconds, rps(), refused, failed, latencyMs(0.5), latencyMs(0.99));
    }
}
