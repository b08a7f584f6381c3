package org.sintraee.runtime.bench;

import java.util.Locale;

/**
 * One measured load level.
 *
 * @param mode           "abc" (the protocol) or "limit" (fixed-leader order)
 * @param batch          requests per server and round
 * @param outstanding    requests in flight (closed loop) or the cap (open loop)
 * @param offeredRps     the open loop's rate, 0 for closed loop
 * @param rps            requests delivered per second at every replica (the slowest one counts)
 * @param p50Ms          median submit-to-delivery latency
 * @param p90Ms          90th percentile
 * @param p99Ms          99th percentile
 * @param cpuPer1000     CPU seconds of all replica processes per 1,000 delivered requests
 * @param bytesPerRequest bytes all replicas sent to peers per delivered request
 * @param refused        submissions refused as busy (back-pressure)
 */
record SweepPoint(String mode, int batch, int outstanding, double offeredRps, double rps, double p50Ms, double p90Ms,
                  double p99Ms, double cpuPer1000, double bytesPerRequest, long refused) {

    String json() {
        return String.format(Locale.ROOT, "{\"mode\": \"%s\", \"batch\": %d, \"outstanding\": %d, \"offered_rps\": %.0f, "
                        + "\"rps\": %.1f, \"p50_ms\": %.1f, \"p90_ms\": %.1f, \"p99_ms\": %.1f, "
                        + "\"cpu_s_per_1000\": %.3f, \"wire_bytes_per_request\": %.0f, \"refused\": %d}",
                mode, batch, outstanding, offeredRps, rps, nan0(p50Ms), nan0(p90Ms), nan0(p99Ms), cpuPer1000,
                bytesPerRequest, refused);
    }

    private static double nan0(double v) {
        return Double.isNaN(v) ? -1 : v;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%-5s batch %5d outstanding %5d%s: %8.0f req/s, p50 %7.1f ms, p99 %7.1f ms, "
                        + "%.3f CPU s/1000, %,.0f wire B/req, %d refused",
                mode, batch, outstanding, offeredRps > 0 ? String.format(Locale.ROOT, " rate %.0f", offeredRps) : "",
                rps, p50Ms, p99Ms, cpuPer1000, bytesPerRequest, refused);
    }
}
