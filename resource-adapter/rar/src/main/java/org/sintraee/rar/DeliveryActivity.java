package org.sintraee.rar;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.sintraee.api.ActivityStatus;
import org.sintraee.api.DeliveryEntry;

/**
 * This replica's recent activity for the admin page: per-second buckets of the last minute
 * (deliveries, and the delivery latency of requests submitted at this server) and the last
 * {@value #LAST} deliveries (size and a SHA-256 prefix, never the content).
 *
 * <p>Memory is fixed whatever the load: {@value #WINDOW_SECONDS} buckets reused round-robin by
 * epoch second, and a ring. Fed from the node's delivery thread and from submitters' futures,
 * read by HTTP threads: every access holds the monitor, for microseconds (hashing is done
 * outside it). Deliveries the journal replays at start count as delivered then.
 */
final class DeliveryActivity {

    static final int WINDOW_SECONDS = 60;
    static final int LAST = 20;
    /** Bytes of the request's SHA-256 shown: 8 bytes (16 hex digits) tell requests apart. */
    static final int PREFIX_BYTES = 8;

    private final LongSupplier clockMillis;
    private final long[] bucketSecond = new long[WINDOW_SECONDS];
    private final long[] delivered = new long[WINDOW_SECONDS];
    private final LatencyBuckets[] latency = new LatencyBuckets[WINDOW_SECONDS];
    private final DeliveryEntry[] last = new DeliveryEntry[LAST];
    private long deliveries; // ever, so that last[(deliveries - 1) % LAST] is the newest

    /** @param clockMillis epoch milliseconds ({@code System::currentTimeMillis}; tests pass their own) */
    DeliveryActivity(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
        Arrays.fill(bucketSecond, -1);
        for (int i = 0; i < WINDOW_SECONDS; i++) {
            latency[i] = new LatencyBuckets();
        }
    }

    /** The engine's delivery listener calls this for each delivered request. */
    void delivered(long seq, long round, byte[] request) {
        String prefix = HexFormat.of().formatHex(sha256(request), 0, PREFIX_BYTES);
        long now = clockMillis.getAsLong();
        DeliveryEntry entry = new DeliveryEntry(seq, round, request.length, prefix, now);
        synchronized (this) {
            delivered[bucket(now)]++;
            last[(int) (deliveries % LAST)] = entry;
            deliveries++;
        }
    }

    /** A request submitted at this server was delivered {@code millis} after it was handed to the replica. */
    synchronized void latency(long millis) {
        latency[bucket(clockMillis.getAsLong())].add(millis);
    }

    /**
     * {@code node}'s submit, timed: each request's latency counts when its future completes with
     * a sequence number (a request that fails counts nothing).
     */
    Function<byte[], CompletableFuture<Long>> timed(Function<byte[], CompletableFuture<Long>> node) {
        return request -> {
            long handedOver = clockMillis.getAsLong();
            CompletableFuture<Long> result = node.apply(request);
            result.whenComplete((seq, failure) -> {
                if (failure == null) {
                    latency(clockMillis.getAsLong() - handedOver);
                }
            });
            return result;
        };
    }

    /** The last minute (the current second included) and the last deliveries, newest first. */
    synchronized ActivityStatus snapshot() {
        long nowSecond = Math.floorDiv(clockMillis.getAsLong(), 1000);
        List<Long> perSecond = new ArrayList<>(WINDOW_SECONDS);
        LatencyBuckets merged = new LatencyBuckets();
        long sum = 0;
        for (long second = nowSecond - WINDOW_SECONDS + 1; second <= nowSecond; second++) {
            int i = (int) Math.floorMod(second, (long) WINDOW_SECONDS);
            long count = 0;
            if (bucketSecond[i] == second) {
                count = delivered[i];
                merged.addAll(latency[i]);
            }
            perSecond.add(count);
            sum += count;
        }
        List<DeliveryEntry> newest = new ArrayList<>(LAST);
        for (long k = deliveries - 1; k >= 0 && k >= deliveries - LAST; k--) {
            newest.add(last[(int) (k % LAST)]);
        }
        return new ActivityStatus(WINDOW_SECONDS, perSecond, sum, sum / (double) WINDOW_SECONDS, merged.total(),
                merged.quantile(0.5), merged.quantile(0.9), newest);
    }

    /** The bucket of the second holding {@code millis}, emptied first if it still holds an older second. */
    private int bucket(long millis) {
        long second = Math.floorDiv(millis, 1000);
        int i = (int) Math.floorMod(second, (long) WINDOW_SECONDS);
        if (bucketSecond[i] != second) {
            bucketSecond[i] = second;
            delivered[i] = 0;
            latency[i].clear();
        }
        return i;
    }

    private static byte[] sha256(byte[] request) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(request);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
