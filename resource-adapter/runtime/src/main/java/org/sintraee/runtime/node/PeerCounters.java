package org.sintraee.runtime.node;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntUnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sintraee.protocol.core.FaultKind;

/**
 * Per-peer traffic and fault counters, written by link readers (bytes in, frame faults) and
 * the loop (bytes out, protocol faults), read by anyone. Fault logs are rate limited: a
 * flooding peer must not flood the log too.
 */
final class PeerCounters {
    private static final Logger LOG = Logger.getLogger(PeerCounters.class.getName());
    private static final FaultKind[] KINDS = FaultKind.values();
    /** Fault log lines per second, at most; the rest are counted and summarised. */
    private static final int LOGS_PER_SECOND = 10;

    private final int n;
    private final int self;
    private final AtomicLongArray bytesIn;
    private final AtomicLongArray bytesOut;
    private final AtomicLongArray faults;
    private long windowStart = System.nanoTime();
    private int loggedInWindow;
    private long suppressed;

    PeerCounters(int n, int self) {
        this.n = n;
        this.self = self;
        this.bytesIn = new AtomicLongArray(n + 1);
        this.bytesOut = new AtomicLongArray(n + 1);
        this.faults = new AtomicLongArray((n + 1) * KINDS.length);
    }

    void received(int peer, int bytes) {
        bytesIn.addAndGet(peer, bytes);
    }

    void sent(int peer, int bytes) {
        bytesOut.addAndGet(peer, bytes);
    }

    /** Counts a fault against {@code peer} (ignored if not a server: the fault names who) and maybe logs it. */
    void fault(int peer, FaultKind kind, String detail) {
        if (peer >= 1 && peer <= n) {
            faults.incrementAndGet(peer * KINDS.length + kind.ordinal());
        }
        if (LOG.isLoggable(Level.FINE)) {
            log(peer, kind, detail);
        }
    }

    private synchronized void log(int peer, FaultKind kind, String detail) {
        long now = System.nanoTime();
        if (now - windowStart >= 1_000_000_000L) {
            if (suppressed > 0) {
                LOG.log(Level.FINE, "server {0}: {1} further peer faults not logged", new Object[] {self, suppressed});
            }
            windowStart = now;
            loggedInWindow = 0;
            suppressed = 0;
        }
        if (loggedInWindow++ < LOGS_PER_SECOND) {
            LOG.log(Level.FINE, "server {0}: {1} by server {2}: {3}", new Object[] {self, kind, peer, detail});
        } else {
            suppressed++;
        }
    }

    /** A snapshot of every peer's counters; {@code inbound} gives each peer's waiting frames. */
    List<NodeMetrics.PeerMetrics> snapshot(IntUnaryOperator inbound) {
        List<NodeMetrics.PeerMetrics> out = new ArrayList<>(n - 1);
        for (int p = 1; p <= n; p++) {
            if (p == self) {
                continue;
            }
            Map<FaultKind, Long> byKind = new EnumMap<>(FaultKind.class);
            for (FaultKind k : KINDS) {
                long c = faults.get(p * KINDS.length + k.ordinal());
                if (c > 0) {
                    byKind.put(k, c);
                }
            }
            out.add(new NodeMetrics.PeerMetrics(p, bytesIn.get(p), bytesOut.get(p), inbound.applyAsInt(p), byKind));
        }
        return out;
    }
}
