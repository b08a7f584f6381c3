package org.sintraee.api;

import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What this replica did over the last minute, and its last deliveries.
 *
 * @param windowSeconds         the window's length in seconds (60)
 * @param deliveredPerSecond    requests delivered in each second of the window, oldest first
 *                              ({@code windowSeconds} entries, the last one is the current second)
 * @param deliveredInWindow     the sum of {@code deliveredPerSecond}
 * @param throughputPerSecond   {@code deliveredInWindow / windowSeconds}
 * @param latencySamples        requests submitted at this server and delivered in the window
 * @param latencyP50Millis      median time from handing such a request to the replica to its
 *                              delivery here, in ms; -1 with no sample
 * @param latencyP90Millis      the 90th percentile of the same; -1 with no sample
 * @param lastDeliveries        the most recent deliveries, newest first (at most 20)
 */
public record ActivityStatus(int windowSeconds, List<Long> deliveredPerSecond, long deliveredInWindow,
                             double throughputPerSecond, long latencySamples, long latencyP50Millis,
                             long latencyP90Millis, List<DeliveryEntry> lastDeliveries) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ActivityStatus {
        deliveredPerSecond = List.copyOf(Objects.requireNonNull(deliveredPerSecond, "deliveredPerSecond"));
        lastDeliveries = List.copyOf(Objects.requireNonNull(lastDeliveries, "lastDeliveries"));
        if (windowSeconds < 1 || deliveredInWindow < 0 || latencySamples < 0
                || latencyP50Millis < -1 || latencyP90Millis < -1) {
            throw new IllegalArgumentException("windowSeconds must be positive, counts non-negative and latencies"
                    + " -1 or more: windowSeconds=" + windowSeconds + ", deliveredInWindow=" + deliveredInWindow
                    + ", latencySamples=" + latencySamples + ", latencyP50Millis=" + latencyP50Millis
                    + ", latencyP90Millis=" + latencyP90Millis);
        }
    }

    /** No activity yet: zero deliveries in each of the window's seconds, no latency, no deliveries. */
    public static ActivityStatus none(int windowSeconds) {
        return new ActivityStatus(windowSeconds, Collections.nCopies(windowSeconds, 0L), 0, 0, 0, -1, -1,
                List.of());
    }
}
