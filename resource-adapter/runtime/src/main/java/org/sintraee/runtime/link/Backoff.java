package org.sintraee.runtime.link;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential reconnection delay with jitter. It only paces dialling so that a dead peer
 * costs little; no protocol decision depends on it. Not thread-safe: one per dialling task.
 */
final class Backoff {
    private final long minMillis;
    private final long maxMillis;
    private long current;

    Backoff(Duration min, Duration max) {
        this.minMillis = Math.max(1, min.toMillis());
        this.maxMillis = Math.max(minMillis, max.toMillis());
        this.current = minMillis;
    }

    /** The next delay: uniform in [d/2, d], after which d doubles up to the maximum. */
    long nextMillis() {
        long d = current;
        current = Math.min(maxMillis, current * 2);
        return d / 2 + ThreadLocalRandom.current().nextLong(d - d / 2 + 1);
    }

    /** After a successful connection, start again from the minimum. */
    void reset() {
        current = minMillis;
    }
}
