package org.sintraee.runtime.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.sintraee.runtime.client.RefusedException;
import org.sintraee.runtime.client.SintraClient;

/**
 * Drives replicas through their client ports. Closed loop: at most {@code outstanding}
 * requests in flight in total, spread round-robin over the replicas, each new one sent as
 * soon as one completes. Open loop: {@code rate} requests per second whatever the answers
 * (still capped at {@code outstanding}, which then only bounds memory). Every request is
 * unique: a random run id, a counter, and random padding to {@code payloadBytes}.
 * Latency is from submit to the DONE answer, which the replica sends when it delivered the
 * request; so it includes ordering, the journal's fsync and both client hops.
 */
public final class LoadGenerator {
    private static final int MAX_SAMPLES = 2_000_000;

    private final List<InetSocketAddress> replicas;
    private final Executor executor;
    private final int payloadBytes;
    private final SecureRandom random = new SecureRandom();

    public LoadGenerator(List<InetSocketAddress> replicas, Executor executor, int payloadBytes) {
        if (replicas.isEmpty() || payloadBytes < 16) {
            throw new IllegalArgumentException("need replicas and a payload of at least 16 bytes");
        }
        this.replicas = List.copyOf(replicas);
        this.executor = executor;
        this.payloadBytes = payloadBytes;
    }

    /**
     * Runs for {@code seconds}, then waits up to 30 s for the requests still in flight.
     *
     * @param rate requests per second for open loop, or 0 for closed loop
     */
    public LoadResult run(int outstanding, double rate, double seconds) throws IOException, InterruptedException {
        List<SintraClient> clients = new ArrayList<>();
        for (InetSocketAddress a : replicas) {
            clients.add(SintraClient.connect(a, executor));
        }
        try {
            return drive(clients, outstanding, rate, seconds);
        } finally {
            for (SintraClient c : clients) {
                c.close();
            }
        }
    }

    private LoadResult drive(List<SintraClient> clients, int outstanding, double rate, double seconds)
            throws InterruptedException {
        Semaphore window = new Semaphore(outstanding);
        LongAdder completed = new LongAdder();
        LongAdder refused = new LongAdder();
        LongAdder failed = new LongAdder();
        long[] samples = new long[MAX_SAMPLES];
        AtomicLong sampleCount = new AtomicLong();
        long runId = random.nextLong();
        byte[] padding = new byte[payloadBytes - 16];
        random.nextBytes(padding);
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long sent = 0;
        while (System.nanoTime() < end) {
            if (rate > 0) {
                long due = start + (long) (sent * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(Math.min(wait, 5_000_000));
                    continue;
                }
            }
            if (!window.tryAcquire(5, TimeUnit.MILLISECONDS)) {
                continue;
            }
            byte[] request = ByteBuffer.allocate(payloadBytes).putLong(runId).putLong(sent).put(padding).array();
            SintraClient c = clients.get((int) (sent % clients.size()));
            sent++;
            long t0 = System.nanoTime();
            CompletableFuture<Long> f = c.submit(request);
            f.whenComplete((seq, error) -> {
                if (error == null) {
                    completed.increment();
                    long i = sampleCount.getAndIncrement();
                    if (i < samples.length) {
                        samples[(int) i] = System.nanoTime() - t0;
                    }
                } else if (error instanceof RefusedException || error.getCause() instanceof RefusedException) {
                    refused.increment();
                } else {
                    failed.increment();
                }
                window.release();
            });
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long completedInWindow = completed.sum();
        window.tryAcquire(outstanding, 30, TimeUnit.SECONDS); // drain, so the next run starts clean
        int n = (int) Math.min(sampleCount.get(), samples.length);
        long[] latencies = new long[n];
        System.arraycopy(samples, 0, latencies, 0, n);
        return new LoadResult(completedInWindow, refused.sum(), failed.sum(), elapsed, latencies);
    }
}
