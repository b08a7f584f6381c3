package org.sintraee.rar;

import java.util.Arrays;

/**
 * Latency counts in logarithmic buckets: exact below 16 ms, then 8 buckets per power of two,
 * so a percentile read back is within 1/16 of the true value, in a fixed 184 counters
 * whatever the number of samples. Values above about 4.6 hours count in the last bucket.
 * Not thread-safe: {@link DeliveryActivity} guards it.
 */
final class LatencyBuckets {

    private static final int EXACT = 16;
    private static final int SUB = 8; // buckets per power of two
    private static final int MAX_EXPONENT = 24;
    static final int BUCKETS = EXACT + (MAX_EXPONENT - 3) * SUB;

    private final int[] counts = new int[BUCKETS];
    private long total;

    void add(long millis) {
        counts[index(Math.max(0, millis))]++;
        total++;
    }

    void clear() {
        Arrays.fill(counts, 0);
        total = 0;
    }

    long total() {
        return total;
    }

    /** Adds {@code other}'s counts to this one's. */
    void addAll(LatencyBuckets other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    /** The value at quantile {@code q} (0 < q <= 1), as its bucket's middle; -1 with no sample. */
    long quantile(double q) {
        if (total == 0) {
            return -1;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return middle(i);
            }
        }
        return middle(BUCKETS - 1);
    }

    static int index(long v) {
        if (v < EXACT) {
            return (int) v;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(v); // 4 and up
        if (exponent > MAX_EXPONENT) {
            return BUCKETS - 1;
        }
        int mantissa = (int) (v >> (exponent - 3)) & (SUB - 1);
        return Math.min(BUCKETS - 1, EXACT + (exponent - 4) * SUB + mantissa);
    }

    /** The middle of bucket {@code i}'s range of values. */
    static long middle(int i) {
        if (i < EXACT) {
            return i;
        }
        int exponent = (i - EXACT) / SUB + 4;
        int mantissa = (i - EXACT) % SUB;
        long low = (long) (SUB + mantissa) << (exponent - 3);
        long width = 1L << (exponent - 3);
        return low + width / 2;
    }
}
