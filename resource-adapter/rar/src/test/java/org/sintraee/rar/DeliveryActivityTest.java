package org.sintraee.rar;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.sintraee.api.ActivityStatus;
import org.sintraee.api.DeliveryEntry;

/** The admin page's last minute and last deliveries, on a clock the test moves. */
class DeliveryActivityTest {

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final DeliveryActivity activity = new DeliveryActivity(now::get);

    @Test
    void countsDeliveriesPerSecondOverTheLastMinuteOnly() {
        activity.delivered(0, 0, new byte[1]);
        now.addAndGet(1_000);
        activity.delivered(1, 0, new byte[1]);
        activity.delivered(2, 1, new byte[1]);

        ActivityStatus s = activity.snapshot();
        assertAll(
                () -> assertEquals(60, s.deliveredPerSecond().size()),
                () -> assertEquals(2L, s.deliveredPerSecond().get(59), "this second"),
                () -> assertEquals(1L, s.deliveredPerSecond().get(58), "the second before"),
                () -> assertEquals(3, s.deliveredInWindow()),
                () -> assertEquals(3 / 60.0, s.throughputPerSecond(), 1e-9));

        now.addAndGet(59_000); // the first delivery's second left the window, the others' not yet
        assertEquals(2, activity.snapshot().deliveredInWindow());
        now.addAndGet(1_000);
        assertEquals(0, activity.snapshot().deliveredInWindow());
        activity.delivered(3, 2, new byte[1]); // reuses the bucket of a second long gone
        assertEquals(1, activity.snapshot().deliveredInWindow());
    }

    @Test
    void keepsTheLastTwentyDeliveriesNewestFirstWithAHashPrefixNeverTheContent() throws Exception {
        for (int seq = 0; seq < 25; seq++) {
            activity.delivered(seq, seq / 5, ("request " + seq).getBytes(StandardCharsets.UTF_8));
            now.addAndGet(10);
        }
        List<DeliveryEntry> last = activity.snapshot().lastDeliveries();

        assertEquals(20, last.size());
        assertEquals(24, last.get(0).seq());
        assertEquals(5, last.get(19).seq());
        DeliveryEntry newest = last.get(0);
        byte[] request = "request 24".getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request));
        assertAll(
                () -> assertEquals(4, newest.round()),
                () -> assertEquals(request.length, newest.size()),
                () -> assertEquals(sha.substring(0, 16), newest.sha256Prefix()),
                () -> assertEquals(now.get() - 10, newest.atMillis()),
                () -> assertFalse(last.toString().contains("request"), "no content"));
    }

    @Test
    void timesLocalRequestsFromHandOverToDeliveryAndReportsPercentiles() {
        List<CompletableFuture<Long>> pending = new ArrayList<>();
        Function<byte[], CompletableFuture<Long>> node = activity.timed(request -> {
            CompletableFuture<Long> f = new CompletableFuture<>();
            pending.add(f);
            return f;
        });
        assertEquals(-1, activity.snapshot().latencyP50Millis(), "no sample yet");

        for (int i = 0; i < 10; i++) {
            node.apply(new byte[1]);
        }
        // request i is delivered (i + 1) * 100 ms after its hand-over
        for (int i = 0; i < 10; i++) {
            now.addAndGet(100);
            pending.get(i).complete((long) i);
        }
        node.apply(new byte[1]);
        pending.get(10).completeExceptionally(new IllegalStateException("stopped")); // counts nothing

        ActivityStatus s = activity.snapshot();
        assertEquals(10, s.latencySamples());
        assertNear(500, s.latencyP50Millis());
        assertNear(900, s.latencyP90Millis());
        now.addAndGet(61_000);
        assertEquals(0, activity.snapshot().latencySamples(), "out of the window");
    }

    @Test
    void bucketsKeepPercentilesWithinASixteenth() {
        for (long v : new long[] {0, 1, 15, 16, 17, 100, 999, 1_000, 12_345, 65_536, 3_600_000}) {
            LatencyBuckets b = new LatencyBuckets();
            b.add(v);
            long back = b.quantile(0.5);
            assertTrue(Math.abs(back - v) <= Math.max(1, v / 16), v + " came back as " + back);
        }
        assertEquals(LatencyBuckets.BUCKETS - 1, LatencyBuckets.index(Long.MAX_VALUE), "bounded");
    }

    @Test
    void concurrentDeliveriesAndReadsLoseNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        activity.delivered(i, 0, new byte[8]);
                        activity.latency(5);
                        activity.snapshot();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        ActivityStatus s = activity.snapshot();
        assertEquals(4_000, s.deliveredInWindow());
        assertEquals(4_000, s.latencySamples());
        assertEquals(20, s.lastDeliveries().size());
    }

    private static void assertNear(long expected, long actual) {
        assertTrue(Math.abs(actual - expected) <= expected / 16, "expected about " + expected + ", got " + actual);
    }
}
