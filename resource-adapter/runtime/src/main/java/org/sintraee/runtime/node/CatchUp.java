package org.sintraee.runtime.node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sintraee.protocol.abc.AtomicBroadcast;
import org.sintraee.protocol.core.Bytes;

/**
 * The catch-up bookkeeping of one node (see package-info, "Catch-up"): which rounds to ask
 * which peer for, proofs that arrived ahead of the current round, and the bounded queue of
 * rounds each peer asked us for. It decides nothing: every proof is checked by the broadcast
 * ({@code adopt}). Time only paces the re-asking. Loop thread only.
 */
final class CatchUp {
    /** Rounds asked for at once. */
    static final int WINDOW = 8;
    /** Re-ask another peer after this long without progress. */
    static final long RETRY_NANOS = 500_000_000L;
    /** When nothing shows that we are behind, probes back off up to this interval. */
    static final long MAX_PROBE_NANOS = 8_000_000_000L;
    /** Rounds a peer may have asked us for and not been answered yet; more are dropped. */
    static final int SERVE_QUEUE = 16;
    /** Answers per peer in a burst, and per second after it. */
    static final int SERVE_BURST = 32;
    static final int SERVE_PER_SECOND = 64;

    /** A proof, or a checkpointed round's state (see CheckpointedRound), held until its round comes. */
    record Held(int sender, long round, Bytes proof, boolean checkpointed) {
    }

    /** A FETCH to send. */
    record Ask(int peer, long round) {
    }

    private final int self;
    private final int n;
    private final TreeMap<Long, Held> held = new TreeMap<>();
    private final List<ArrayDeque<Long>> asked = new ArrayList<>();
    private final double[] tokens;
    private final long[] refilled;
    private int peer;
    private long askedUpTo = -1;
    private long lastAsk;
    private long lastRound = -1;
    private long lastProgress;
    private long interval = RETRY_NANOS;
    private boolean chase;
    private boolean probed;

    CatchUp(int self, int n, long now) {
        this.self = self;
        this.n = n;
        this.peer = self % n + 1;
        this.tokens = new double[n + 1];
        this.refilled = new long[n + 1];
        for (int p = 0; p <= n; p++) {
            asked.add(new ArrayDeque<>());
            tokens[p] = SERVE_BURST;
            refilled[p] = now;
        }
        this.lastAsk = now;
        this.lastProgress = now;
    }

    // ---- fetching ----

    /**
     * The FETCHes to send after a group. At the first call, every peer is asked for the current
     * round (an idle system shows its last rounds in no later message). Then: a new window
     * [round, round + WINDOW) from the current peer as soon as the previous window is used up
     * and either {@code honestOne()} servers are ahead ({@code evidence > round}) or the last
     * window's answers moved us on; and after {@link #RETRY_NANOS} without progress, the next
     * peer is asked again (a probe of one round, backing off, if nothing shows we are behind).
     */
    List<Ask> plan(long round, long evidence, long now) {
        List<Ask> out = new ArrayList<>();
        if (round > lastRound) {
            lastRound = round;
            lastProgress = now;
        }
        boolean behind = evidence > round;
        if (!probed) {
            probed = true;
            for (int p = 1; p <= n; p++) {
                if (p != self) {
                    out.add(new Ask(p, round));
                }
            }
            askedUpTo = round + 1;
            lastAsk = now;
        } else if (round >= askedUpTo && (behind || chase)) {
            window(out, round, WINDOW, now);
            interval = RETRY_NANOS;
        } else if (now - Math.max(lastAsk, lastProgress) >= interval) {
            peer = next(peer);
            window(out, round, behind ? WINDOW : 1, now);
            interval = behind ? RETRY_NANOS : Math.min(MAX_PROBE_NANOS, interval * 2);
        }
        chase = false;
        return out;
    }

    private void window(List<Ask> out, long round, int k, long now) {
        for (long r = round; r < round + k; r++) {
            out.add(new Ask(peer, r));
        }
        askedUpTo = round + k;
        lastAsk = now;
    }

    private int next(int p) {
        int q = p % n + 1;
        return q == self ? q % n + 1 : q;
    }

    /** A PROOF or CHECKPOINTED arrived: held if for a round in [round, round + ROUND_WINDOW] not held yet, else dropped. */
    void offer(int sender, long proofRound, Bytes proof, boolean checkpointed, long round) {
        if (proofRound >= round && proofRound <= round + AtomicBroadcast.ROUND_WINDOW && !held.containsKey(proofRound)) {
            held.put(proofRound, new Held(sender, proofRound, proof, checkpointed));
        }
    }

    /** The held proof of {@code round}, removed, after dropping older ones; null if none. */
    Held take(long round) {
        held.headMap(round).clear();
        return held.remove(round);
    }

    /** A proof from {@code sender} was adopted: keep asking that peer while it has answers. */
    void adopted(int sender) {
        peer = sender;
        chase = true;
    }

    // ---- serving ----

    /** Peer {@code p} asked for round r: queued unless its queue is full (then dropped, it will re-ask). */
    void fetched(int p, long r) {
        ArrayDeque<Long> q = asked.get(p);
        if (q.size() < SERVE_QUEUE && !q.contains(r)) {
            q.add(r);
        }
    }

    /** The rounds to answer now, per peer within its rate, removed from the queues. */
    Map<Integer, List<Long>> due(long now) {
        Map<Integer, List<Long>> out = new TreeMap<>();
        for (int p = 1; p <= n; p++) {
            ArrayDeque<Long> q = asked.get(p);
            if (q.isEmpty()) {
                continue;
            }
            tokens[p] = Math.min(SERVE_BURST, tokens[p] + (now - refilled[p]) * SERVE_PER_SECOND / 1e9);
            refilled[p] = now;
            while (!q.isEmpty() && tokens[p] >= 1) {
                tokens[p] -= 1;
                out.computeIfAbsent(p, k -> new ArrayList<>()).add(q.poll());
            }
        }
        return out;
    }

    /** Whether some peer's request waits for its rate: the loop should not sleep long. */
    boolean serving() {
        for (ArrayDeque<Long> q : asked) {
            if (!q.isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
