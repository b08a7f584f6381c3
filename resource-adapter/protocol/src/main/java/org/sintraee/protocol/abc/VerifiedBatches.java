package org.sintraee.protocol.abc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.sintraee.protocol.abc.BatchCodec.Requests;
import org.sintraee.protocol.abc.BatchCodec.SignedBatch;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.Verdict;
import org.sintraee.protocol.quorum.Quorums;

/**
 * Q_r, the external validity of round r's agreement, and a cache of the signed batches that
 * passed their checks in the current round. A batch reaches a server in its BATCH and in up to
 * n proposals, each checked when its c-broadcast is sent and again when it is delivered; with
 * the cache it is decoded, its requests hashed and its signature (and the SHA-256 of its
 * 512 KiB under it) verified once per round. The cache changes no outcome:
 * <ul>
 *   <li>an entry is made only after the batch passed every check for exactly (round, server,
 *       batch bytes, signature bytes), and a lookup matches all four by comparing the bytes
 *       themselves (no hash is trusted), so an unchecked batch never counts as checked;</li>
 *   <li>it holds only the current round's batches, at most {@link #PER_SERVER} per server (an
 *       honest server signs one; further ones of an equivocating server are checked afresh),
 *       and is emptied when the round advances; other rounds are always checked afresh.</li>
 * </ul>
 */
final class VerifiedBatches {
    /** Batches cached per server and round: an honest server's one, and one more. */
    static final int PER_SERVER = 2;

    private final ServerContext ctx;
    private final Quorums quorums;
    private final Tag tag;
    private final int batchSize;
    private final int maxRequestBytes;
    private final int maxBatchBytes;
    private long round;
    private final TreeMap<Integer, List<Entry>> entries = new TreeMap<>();

    private record Entry(SignedBatch batch, Requests requests, byte[] digest) {
        boolean matches(SignedBatch e) { // the short signature first: a mismatch costs no 512 KiB comparison
            return batch.signature().equals(e.signature()) && batch.batch().equals(e.batch());
        }
    }

    VerifiedBatches(ServerContext ctx, Tag tag, int batchSize, int maxRequestBytes, long round) {
        this.ctx = ctx;
        this.quorums = ctx.quorums();
        this.tag = tag;
        this.batchSize = batchSize;
        this.maxRequestBytes = maxRequestBytes;
        this.maxBatchBytes = BatchCodec.maxBatchBytes(batchSize, maxRequestBytes);
        this.round = round;
    }

    /** The round advanced: the old round's batches are of no use any more. */
    void enter(long r) {
        round = r;
        entries.clear();
    }

    /** The requests of {@code e} if it passed every check of round r here, else null. */
    private Requests find(long r, SignedBatch e) {
        if (r != round) {
            return null;
        }
        for (Entry x : entries.getOrDefault(e.server(), List.of())) {
            if (x.matches(e)) {
                return x.requests();
            }
        }
        return null;
    }

    /** {@link #find} for an entry still in its vector's bytes. */
    private Requests find(long r, BatchCodec.EntryView e) {
        if (r != round) {
            return null;
        }
        for (Entry x : entries.getOrDefault(e.server(), List.of())) {
            if (x.batch().signature().equals(e.signature()) && e.batchEquals(x.batch().batch())) {
                return x.requests();
            }
        }
        return null;
    }

    /** Records that {@code e} passed every check of round r (call only then); returns its requests. */
    private Requests remember(long r, SignedBatch e, Requests requests, byte[] digest) {
        if (r == round) {
            List<Entry> mine = entries.computeIfAbsent(e.server(), k -> new ArrayList<>(1));
            if (mine.size() < PER_SERVER) {
                mine.add(new Entry(e, requests, digest));
            }
        }
        return requests;
    }

    /**
     * The bytes of a batch of {@code server} for round r that passed every check here and has
     * {@link BatchCodec#batchDigest} {@code digest}, or null: what a compact proposal names.
     */
    Bytes batchOf(long r, int server, byte[] digest) {
        if (r != round) {
            return null;
        }
        for (Entry x : entries.getOrDefault(server, List.of())) {
            if (Arrays.equals(x.digest(), digest)) {
                return x.batch().batch();
            }
        }
        return null;
    }

    /** The digest of {@code e}, a batch that passed every check of the current round here, or null. */
    byte[] digestOf(SignedBatch e) {
        for (Entry x : entries.getOrDefault(e.server(), List.of())) {
            if (x.matches(e)) {
                return x.digest();
            }
        }
        return null;
    }

    /** What {@link #admit} found: the batch's requests, or (requests null) the fault against its server. */
    record Admitted(Requests requests, FaultKind fault, String reason) {
    }

    /** Checks the BATCH {@code e} of round r: its requests if it passes (and it is remembered), else the fault. */
    Admitted admit(long r, SignedBatch e) {
        Requests known = find(r, e); // a proposal may have brought it first
        if (known != null) {
            return new Admitted(known, null, null);
        }
        Decoded<Requests> d = BatchCodec.decodeRequests(e.batch(), batchSize, maxRequestBytes);
        if (!d.ok()) {
            return new Admitted(null, FaultKind.MALFORMED, "round " + r + " batch: " + d.error());
        }
        byte[] digest = BatchCodec.batchDigest(e.batch());
        if (!BatchCodec.validlySigned(ctx.verifier(), tag, r, e, digest)) {
            return new Admitted(null, FaultKind.INVALID_PROOF, BatchCodec.notSigned(r, e));
        }
        return new Admitted(remember(r, e, d.get(), digest), null, null);
    }

    /** The requests of each batch of {@code value}, a vector known to satisfy Q_r, from the cache or decoded. */
    List<Requests> requestsOf(long r, Bytes value) {
        List<Requests> out = new ArrayList<>();
        for (BatchCodec.EntryView e : BatchCodec.decodeVectorViews(value.toArray(), ctx.n(), maxBatchBytes).get()) {
            Requests known = find(r, e);
            out.add(known != null ? known : BatchCodec.decodeRequests(e.copy().batch(), batchSize, maxRequestBytes).get());
        }
        return out;
    }

    /** Q_r: exactly quorum() batches by distinct servers, each well formed and validly signed for r. */
    Verdict vectorValid(long r, byte[] value) {
        Decoded<List<BatchCodec.EntryView>> v = BatchCodec.decodeVectorViews(value, ctx.n(), maxBatchBytes);
        if (!v.ok()) {
            return Verdict.invalid(v.error());
        }
        List<Integer> servers = v.get().stream().map(BatchCodec.EntryView::server).toList();
        if (servers.size() != quorums.quorum() || !quorums.isQuorum(servers)) {
            return Verdict.invalid("vector of " + servers.size() + " batches, not a quorum");
        }
        for (BatchCodec.EntryView view : v.get()) {
            if (find(r, view) != null) {
                continue;
            }
            SignedBatch e = view.copy();
            Decoded<Requests> d = BatchCodec.decodeRequests(e.batch(), batchSize, maxRequestBytes);
            if (!d.ok()) {
                return Verdict.invalid("batch of server " + e.server() + ": " + d.error());
            }
            byte[] digest = BatchCodec.batchDigest(e.batch());
            if (!BatchCodec.validlySigned(ctx.verifier(), tag, r, e, digest)) {
                return Verdict.invalid(BatchCodec.notSigned(r, e));
            }
            remember(r, e, d.get(), digest);
        }
        return Verdict.VALID;
    }
}
