package org.sintraee.protocol.abc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.sintraee.protocol.abc.AbcMessage.BatchAnswer;
import org.sintraee.protocol.abc.AbcMessage.BatchRequest;
import org.sintraee.protocol.abc.AbcMessage.CompactSend;
import org.sintraee.protocol.abc.AbcMessage.MvbaPart;
import org.sintraee.protocol.abc.BatchCodec.SignedBatch;
import org.sintraee.protocol.cbc.CbcMessage;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.Fault;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.core.Target;
import org.sintraee.protocol.mvba.MvbaMessage;

/**
 * Atomic broadcast's side of compact proposals (see package-info, "Dissemination"): sending
 * our C-SEND compact (or whole to servers far behind), keeping our proposals to answer batch
 * requests, and turning the compact C-SENDs we receive back into whole ones, which go to the
 * agreement through {@code rebuilt}. Runs inside its atomic broadcast's steps only.
 */
final class Dissemination {
    private final ServerContext ctx;
    private final Tag tag;
    private final VerifiedBatches verified;
    private final CompactSends compact;
    /** One batch of our proposal, with its digest (hashed once, not per request for it). */
    private record Proposed(SignedBatch batch, Bytes digest) {
    }

    /** Our proposals of the current and the last KEEP_ROUNDS rounds, whose batches we must hand out. */
    private final TreeMap<Long, List<Proposed>> ownProposals = new TreeMap<>();
    private long round;

    Dissemination(ServerContext ctx, Tag tag, VerifiedBatches verified, long round) {
        this.ctx = ctx;
        this.tag = tag;
        this.verified = verified;
        this.compact = new CompactSends(ctx.n(), round);
        this.round = round;
    }

    /** The round advanced: older rounds' state beyond the kept ones goes. */
    void enter(long r) {
        round = r;
        compact.enter(r);
        ownProposals.headMap(r - AtomicBroadcast.KEEP_ROUNDS).clear();
    }

    /**
     * A compact C-SEND, or a request or answer for a batch one names, of the current or a kept
     * round; {@code firstBatches} are the current round's first valid batches by server.
     */
    void received(int sender, AbcMessage message, Map<Integer, SignedBatch> firstBatches,
                  Step.Builder<AbcMessage, AbcDelivery> b, Consumer<CompactSends.Rebuilt> rebuilt) {
        if (message instanceof CompactSend c) {
            CompactSends.Taken t = compact.take(sender, c, (server, d) -> held(c.round(), server, d, firstBatches));
            if (t.malformed() != null) {
                b.fault(new Fault(sender, tag, FaultKind.MALFORMED, "compact C-SEND: " + t.malformed()));
            }
            t.requests().forEach(q -> b.send(Target.to(sender), q));
            if (t.rebuilt() != null) {
                rebuilt.accept(t.rebuilt());
            }
        } else if (message instanceof BatchRequest q) {
            Bytes batch = proposed(q.round(), q.server(), q.digest());
            if (batch != null && compact.mayAnswer(sender, q.round(), q.server())) {
                b.send(Target.to(sender), new BatchAnswer(q.round(), q.server(), batch));
            } // not in our proposal of that round (kept KEEP_ROUNDS): nothing to answer, no blame
        } else if (message instanceof BatchAnswer a) {
            Bytes asked = compact.askedOf(sender, a);
            if (asked == null) {
                return; // not asked for: ignored unhashed (a late answer of an honest peer, or noise)
            }
            byte[] digest = BatchCodec.batchDigest(a.batch());
            if (!asked.equals(Bytes.of(digest))) {
                b.fault(new Fault(sender, tag, FaultKind.INVALID_PROOF, "BATCH-ANSWER for server " + a.server()
                        + " does not have the digest its compact C-SEND named"));
                return;
            }
            compact.held(a.round(), a.server(), digest, a.batch()).forEach(rebuilt);
        }
    }

    /** A valid BATCH of the current round arrived: the parked compact C-SENDs it completes. */
    void batchArrived(SignedBatch e, Consumer<CompactSends.Rebuilt> rebuilt) {
        compact.held(round, e.server(), digestOf(e), e.batch()).forEach(rebuilt);
    }

    /**
     * Lifts the agreement's step for our proposal {@code vector} (encoded {@code full}) of round
     * r: our C-SEND goes compact to the servers at most one round behind as far as we saw (they
     * get or got the batches, and can ask us for a missing one while we keep this proposal),
     * whole to the ones further behind, which may reach this round only after we dropped it.
     */
    <O> List<O> propose(long r, List<SignedBatch> vector, Bytes full, Step<MvbaMessage, O> child,
                        CatchUp.Evidence evidence, Step.Builder<AbcMessage, AbcDelivery> b) {
        List<byte[]> digests = vector.stream().map(this::digestOf).toList();
        List<Proposed> kept = new ArrayList<>(vector.size());
        for (int k = 0; k < vector.size(); k++) {
            kept.add(new Proposed(vector.get(k), Bytes.of(digests.get(k))));
        }
        ownProposals.put(r, kept);
        CompactSend compactSend = new CompactSend(r, CompactVector.encode(vector, digests));
        return b.absorbEach(child, (o, bb) -> {
            if (isOwnSend(o.message(), full)) {
                for (int s = 1; s <= ctx.n(); s++) {
                    if (o.target().includes(s)) {
                        bb.send(Target.to(s), s == ctx.self() || evidence.of(s) >= r - 1 ? compactSend
                                : new MvbaPart(r, o.message()));
                    }
                }
            } else {
                bb.send(o.target(), new MvbaPart(r, o.message()));
            }
        });
    }

    private boolean isOwnSend(MvbaMessage m, Bytes vector) {
        return m instanceof MvbaMessage.CbcPart p && p.proposer() == ctx.self()
                && p.message() instanceof CbcMessage.CSend s && s.payload().equals(vector);
    }

    /**
     * A round-r batch of {@code server} with digest {@code digest} held here: in the current round
     * one that passed its checks, in a kept round one of our own proposal; else null.
     */
    private Bytes held(long r, int server, byte[] digest, Map<Integer, SignedBatch> firstBatches) {
        if (r != round) {
            return proposed(r, server, Bytes.of(digest));
        }
        Bytes cached = verified.batchOf(round, server, digest);
        if (cached != null) {
            return cached;
        }
        SignedBatch first = firstBatches.get(server);
        return first != null && Arrays.equals(digestOf(first), digest) ? first.batch() : null;
    }

    /** The batch of {@code server} with that digest if it is in our own proposal of round r, else null. */
    private Bytes proposed(long r, int server, Bytes digest) {
        for (Proposed e : ownProposals.getOrDefault(r, List.of())) {
            if (e.batch().server() == server && e.digest().equals(digest)) {
                return e.batch().batch();
            }
        }
        return null;
    }

    private byte[] digestOf(SignedBatch e) {
        byte[] d = verified.digestOf(e);
        return d != null ? d : BatchCodec.batchDigest(e.batch()); // not cached: an equivocator filled its slots
    }
}
