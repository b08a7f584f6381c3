package org.sintraee.protocol.abc;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sintraee.protocol.abc.AbcMessage.BatchAnswer;
import org.sintraee.protocol.abc.AbcMessage.BatchRequest;
import org.sintraee.protocol.abc.AbcMessage.CompactSend;
import org.sintraee.protocol.abc.BatchCodec.SignedBatch;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.crypto.Decoded;

/**
 * The receiving side of compact proposals, in the current round and the kept ones (see
 * package-info, "Dissemination"): a {@link CompactSend} whose batches are all held here is rebuilt at once;
 * one that names a batch not held waits (parked) while its proposer is asked for the missing
 * batches, which the proposer holds if honest (it built the vector from them). Parked sends are
 * completed by batches that arrive later, by BATCH or by BATCH-ANSWER.
 *
 * <p>Bounds, per round for the current and the last KEEP_ROUNDS rounds (older ones dropped):
 * one compact send per proposer (later ones are ignored: the consistent broadcast would
 * reject a second payload anyway), at most n requests per parked send, one answer per
 * (requester, server). An answer is hashed only if it was asked for. Deterministic: tree maps
 * only.
 */
final class CompactSends {
    /** Looks up a batch this server holds for the current round by server and digest, or null. */
    interface Held {
        Bytes batch(int server, byte[] digest);
    }

    /** A rebuilt C-SEND of round r: its proposer and the full vector. */
    record Rebuilt(long round, int proposer, Bytes vector) {
    }

    /** What taking a compact send gave: the rebuilt vector, or the requests to send its proposer, or why it is malformed. */
    record Taken(Rebuilt rebuilt, List<BatchRequest> requests, String malformed) {
    }

    private static final class Parked {
        final List<CompactVector.Entry> entries;
        final Bytes[] batches;
        int missing;

        Parked(List<CompactVector.Entry> entries) {
            this.entries = entries;
            this.batches = new Bytes[entries.size()];
        }
    }

    /** One round's state. */
    private static final class RoundState {
        final TreeSet<Integer> taken = new TreeSet<>();
        final TreeMap<Integer, Parked> parked = new TreeMap<>();
        /** (proposer, server) asked -> the digest asked for. */
        final TreeMap<Long, Bytes> asked = new TreeMap<>();
        /** (requester, server) answered. */
        final TreeSet<Long> answered = new TreeSet<>();
    }

    private final int n;
    /** The current round and the last KEEP_ROUNDS ones, whose agreements are kept. */
    private final TreeMap<Long, RoundState> rounds = new TreeMap<>();
    private long round;

    CompactSends(int n, long round) {
        this.n = n;
        this.round = round;
    }

    void enter(long r) {
        round = r;
        rounds.headMap(r - AtomicBroadcast.KEEP_ROUNDS).clear();
    }

    private RoundState at(long r) {
        return rounds.computeIfAbsent(r, k -> new RoundState());
    }

    private long pair(int a, int b) {
        return (long) a * (n + 1) + b;
    }

    /** A compact send of round {@code m.round()} (the current one or a kept one) from {@code proposer}. */
    Taken take(int proposer, CompactSend m, Held held) {
        RoundState st = at(m.round());
        if (!st.taken.add(proposer)) {
            return new Taken(null, List.of(), null);
        }
        Decoded<List<CompactVector.Entry>> d = CompactVector.decode(m.compact(), n);
        if (!d.ok()) {
            return new Taken(null, List.of(), d.error());
        }
        Parked p = new Parked(d.get());
        List<BatchRequest> requests = new ArrayList<>();
        for (int k = 0; k < p.entries.size(); k++) {
            CompactVector.Entry e = p.entries.get(k);
            p.batches[k] = held.batch(e.server(), e.digest().toArray());
            if (p.batches[k] == null) {
                p.missing++;
                if (st.asked.putIfAbsent(pair(proposer, e.server()), e.digest()) == null) {
                    requests.add(new BatchRequest(m.round(), e.server(), e.digest()));
                }
            }
        }
        if (p.missing == 0) {
            return new Taken(rebuild(m.round(), proposer, p), List.of(), null);
        }
        st.parked.put(proposer, p);
        return new Taken(null, requests, null);
    }

    /** A batch of round r now held (from BATCH, or an answer): the parked sends it completes. */
    List<Rebuilt> held(long r, int server, byte[] digest, Bytes batch) {
        RoundState st = rounds.get(r);
        if (st == null) {
            return List.of();
        }
        List<Rebuilt> out = new ArrayList<>();
        Bytes d = Bytes.of(digest);
        for (var it = st.parked.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            Parked p = e.getValue();
            for (int k = 0; k < p.entries.size(); k++) {
                CompactVector.Entry x = p.entries.get(k);
                if (p.batches[k] == null && x.server() == server && x.digest().equals(d)) {
                    p.batches[k] = batch;
                    p.missing--;
                }
            }
            if (p.missing == 0) {
                out.add(rebuild(r, e.getKey(), p));
                it.remove();
            }
        }
        return out;
    }

    /** Whether {@code requester} may be answered for {@code server}'s batch of round {@code r} (once each). */
    boolean mayAnswer(int requester, long r, int server) {
        return r > round - AtomicBroadcast.KEEP_ROUNDS && at(r).answered.add(pair(requester, server));
    }

    /**
     * The digest this server asked {@code sender} for (server's batch of the answer's round),
     * consumed; null if it asked nothing (an unsolicited answer, not even hashed).
     */
    Bytes askedOf(int sender, BatchAnswer a) {
        RoundState st = rounds.get(a.round());
        return st == null ? null : st.asked.remove(pair(sender, a.server()));
    }

    /** Parked sends in all kept rounds (for tests and bounds). */
    int parkedCount() {
        return rounds.values().stream().mapToInt(st -> st.parked.size()).sum();
    }

    private static Rebuilt rebuild(long r, int proposer, Parked p) {
        List<SignedBatch> vector = new ArrayList<>(p.entries.size());
        for (int k = 0; k < p.entries.size(); k++) {
            CompactVector.Entry e = p.entries.get(k);
            vector.add(new SignedBatch(e.server(), p.batches[k], e.signature()));
        }
        return new Rebuilt(r, proposer, Bytes.of(BatchCodec.encodeVector(vector)));
    }
}
