package org.sintraee.protocol.abc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sintraee.protocol.abc.AbcMessage.Batch;
import org.sintraee.protocol.abc.AbcMessage.MvbaPart;
import org.sintraee.protocol.abc.BatchCodec.Requests;
import org.sintraee.protocol.abc.BatchCodec.SignedBatch;
import org.sintraee.protocol.cbc.CbcMessage;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.Fault;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.PendingBuffer;
import org.sintraee.protocol.core.Protocol;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.Verdict;
import org.sintraee.protocol.mvba.MvbaDecision;
import org.sintraee.protocol.mvba.MvbaInput;
import org.sintraee.protocol.mvba.MvbaMessage;
import org.sintraee.protocol.mvba.ValidatedAgreement;
import org.sintraee.protocol.quorum.Quorums;

/**
 * Atomic broadcast, [CKPS01] §5 (see package-info): rounds of signed batches, each round's
 * vector of {@code quorum()} batches agreed on by validated agreement {@code tag/r/mvba}.
 *
 * <p>Catch-up (see package-info): {@link #proof}, {@link #check}, {@link #adopt},
 * {@link #resume}, {@link #evidenceOfRound}, {@link AbcRecords}; past a certified checkpoint,
 * {@link #adoptDelivered}.
 *
 * <p>Local misuse (exceptions): a request longer than {@code maxRequestBytes}
 * ({@link IllegalArgumentException}); a new request while {@code maxQueue} requests wait
 * ({@link IllegalStateException}: back-pressure is the caller's); a null proof to adopt, a null
 * or oversized request to adoptDelivered ({@link CertifiedRound#of}), negative resume state,
 * resume digests that are not a delivery log ({@link DeliveredWindow#of}). A long-lived
 * stream: {@link #terminated()} is always false.
 */
public final class AtomicBroadcast implements Protocol<AbcInput, AbcMessage, AbcDelivery> {
    /** Messages for rounds r+1 .. r+ROUND_WINDOW are buffered; later ones are dropped without blame. */
    public static final int ROUND_WINDOW = 16;
    /**
     * Decided agreements kept to answer C-REQUEST: as many rounds back as a peer may be
     * ahead, so a server within the window can always fetch the proposals it decided on
     * (with 2, honest servers left behind by a few rounds under Twins were stranded).
     */
    public static final int KEEP_ROUNDS = ROUND_WINDOW;
    /**
     * Requests are deduplicated against the last DEDUP_WINDOW deliveries ({@link DeliveredWindow},
     * about 130 bytes each: 34 MiB at most). A constant, not a setting: honest servers with different
     * windows would take different dedup decisions and their total orders would diverge.
     */
    public static final int DEDUP_WINDOW = 1 << 18;

    private final ServerContext ctx;
    private final Quorums quorums;
    private final Tag tag;
    private final int batchSize;
    private final int maxRequestBytes;
    private final int maxQueue;
    private final int maxVectorBytes;
    /** Rounds up to this one say nothing: a restarted server may have spoken there before (see resume). */
    private final long silentThrough;

    /** Undelivered requests by digest, oldest first. */
    private final LinkedHashMap<Bytes, Bytes> queue = new LinkedHashMap<>();
    /** Digests of the last DEDUP_WINDOW delivered requests, evicted by seq (see package-info, Integrity). */
    private final DeliveredWindow delivered;
    /** Agreements by round: the current one and the last KEEP_ROUNDS decided ones. */
    private final TreeMap<Long, ValidatedAgreement> mvba = new TreeMap<>();
    /** BATCH and agreement messages of rounds not started yet, bounded per sender. */
    private final PendingBuffer<Long, AbcMessage> future;
    /** Proofs of the decided rounds: the last KEEP_ROUNDS, and every round decided in the latest step. */
    private final TreeMap<Long, RoundProof> proofs = new TreeMap<>();
    private final CatchUp.Evidence evidence;
    /** Q_r, and the current round's batches that passed their checks, so each is checked once. */
    private final VerifiedBatches verified;
    /** Compact proposals, sent and received (see package-info, "Dissemination"). */
    private final Dissemination dissemination;

    private long round;
    private long nextSeq;
    private boolean started;                                      // this server's BATCH for round is out
    private boolean proposed;                                     // the round's vector went to the agreement
    private final TreeMap<Integer, SignedBatch> batches = new TreeMap<>(); // valid round-r batches, first per sender
    private final TreeSet<Integer> rejected = new TreeSet<>();    // senders whose round-r batch failed its checks
    private RoundProof decision;                                  // the current round's, not yet delivered

    public AtomicBroadcast(ServerContext ctx, Tag tag, int batchSize, int maxRequestBytes, int maxQueue) {
        this(DEDUP_WINDOW, ctx, tag, batchSize, maxRequestBytes, maxQueue, 0, 0, List.of(), -1);
    }

    /**
     * Resumes a restarted server (see package-info, "Catch-up"): it starts in {@code round}
     * having delivered {@code nextSeq} requests, and says nothing at all in rounds up to
     * {@code silentThrough} (the highest round of its journal's records: {@link AbcRecords#lastRoundOf}),
     * which it can only leave by {@link #adopt}. {@code deliveredDigests} are the digests
     * ({@link AbcRecords#requestDigest}) of the deliveries before {@code nextSeq} in seq order, repeats
     * included; only the last {@link #DEDUP_WINDOW} matter, so passing just those or the whole
     * log gives the same instance.
     */
    public static AtomicBroadcast resume(ServerContext ctx, Tag tag, int batchSize, int maxRequestBytes, int maxQueue,
                                         long round, long nextSeq, Collection<Bytes> deliveredDigests,
                                         long silentThrough) {
        return new AtomicBroadcast(DEDUP_WINDOW, ctx, tag, batchSize, maxRequestBytes, maxQueue, round, nextSeq,
                deliveredDigests, silentThrough);
    }

    /** For tests only: {@link #resume} with another dedup window (round 0, seq 0, no digests, -1: a fresh instance). */
    static AtomicBroadcast withDedupWindow(int dedupWindow, ServerContext ctx, Tag tag, int batchSize,
                                           int maxRequestBytes, int maxQueue, long round, long nextSeq,
                                           Collection<Bytes> deliveredDigests, long silentThrough) {
        return new AtomicBroadcast(dedupWindow, ctx, tag, batchSize, maxRequestBytes, maxQueue, round, nextSeq,
                deliveredDigests, silentThrough);
    }

    private AtomicBroadcast(int dedupWindow, ServerContext ctx, Tag tag, int batchSize, int maxRequestBytes,
                            int maxQueue, long round, long nextSeq, Collection<Bytes> deliveredDigests,
                            long silentThrough) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.quorums = ctx.quorums();
        this.tag = Objects.requireNonNull(tag, "tag");
        if (batchSize < 1 || maxRequestBytes < 1 || maxQueue < 1) {
            throw new IllegalArgumentException("batchSize, maxRequestBytes and maxQueue must be positive");
        }
        this.batchSize = batchSize;
        this.maxRequestBytes = maxRequestBytes;
        this.maxQueue = maxQueue;
        this.maxVectorBytes = BatchCodec.maxVectorBytes(quorums.quorum(), batchSize, maxRequestBytes);
        if (round < 0 || nextSeq < 0 || silentThrough < -1) {
            throw new IllegalArgumentException("resume at round " + round + ", seq " + nextSeq + ", silent through "
                    + silentThrough);
        }
        this.round = round;
        this.nextSeq = nextSeq;
        this.delivered = DeliveredWindow.of(dedupWindow, deliveredDigests);
        this.silentThrough = silentThrough;
        this.evidence = new CatchUp.Evidence(ctx.n());
        this.verified = new VerifiedBatches(ctx, tag, batchSize, maxRequestBytes, round);
        this.dissemination = new Dissemination(ctx, tag, verified, round);
        // Per round a sender sends one BATCH and a bounded number of agreement messages to us.
        // (plus a compact C-SEND, and a batch request per server)
        this.future = new PendingBuffer<>(ROUND_WINDOW * (2 + 17 * ctx.n() + 64));
    }

    @Override
    public Tag tag() {
        return tag;
    }

    @Override
    public boolean terminated() {
        return false;
    }

    /** The current round. */
    public long round() {
        return round;
    }

    /** How many requests wait in this server's queue. */
    public int queued() {
        return queue.size();
    }

    /** How many requests were delivered (the next delivery's seq). */
    public long deliveredCount() {
        return nextSeq;
    }

    /** The tag of round r's validated agreement. */
    public Tag mvbaTag(long r) {
        return tag.child(r).child("mvba");
    }

    @Override
    public Step<AbcMessage, AbcDelivery> handleInput(AbcInput input) {
        Bytes request = ((AbcInput.Submit) Objects.requireNonNull(input, "input")).request();
        if (request.length() > maxRequestBytes) {
            throw new IllegalArgumentException("request of " + request.length() + " bytes exceeds " + maxRequestBytes);
        }
        Bytes d = BatchCodec.digest(request);
        if (delivered.contains(d) || queue.containsKey(d)) {
            return Step.empty();
        }
        if (queue.size() >= maxQueue) {
            throw new IllegalStateException(maxQueue + " requests are queued; submit later");
        }
        queue.put(d, request);
        Step.Builder<AbcMessage, AbcDelivery> b = Step.builder();
        prune();
        start(b);
        advance(b);
        return b.build();
    }

    @Override
    public Step<AbcMessage, AbcDelivery> handleMessage(int sender, AbcMessage message) {
        Step.Builder<AbcMessage, AbcDelivery> b = Step.builder();
        if (!quorums.isServer(sender)) {
            b.fault(new Fault(sender, tag, FaultKind.MALFORMED, "sender is not a server"));
            return b.build();
        }
        prune();
        dispatch(sender, message, b);
        advance(b);
        return b.build();
    }

    private void dispatch(int sender, AbcMessage message, Step.Builder<AbcMessage, AbcDelivery> b) {
        if (message == null || message.round() < 0) {
            b.fault(new Fault(sender, tag, FaultKind.MALFORMED, "message " + message));
            return;
        }
        evidence.saw(sender, message.round()); // cheap and before any drop: how far the others are
        if (message.round() <= silentThrough) {
            return; // a silent round (see resume): left only by adopting its proof, no blame
        } else if (message.round() > round) {
            if (message.round() <= round + ROUND_WINDOW && !future.offer(message.round(), sender, message)) {
                b.fault(new Fault(sender, tag, FaultKind.FLOODING, "too many messages for future rounds"));
            }
            // Beyond the window: dropped without blame, an honest peer may be that far ahead (see package-info).
        } else if (message instanceof Batch x) {
            if (x.round() == round) {
                onBatch(sender, x, b);
            } // old rounds' batches are of no use any more: honest laggers send them, so no blame
        } else if (message instanceof MvbaPart p) {
            onMvba(sender, p, b);
        } else if (mvba.containsKey(message.round()) || message.round() == round) {
            // the current round, or a kept one: a lagging proposer's send
            dissemination.received(sender, message, batches, b, x -> sendRebuilt(x, b));
        }
    }

    /** Hands the agreement a rebuilt C-SEND, exactly as if the whole vector had come. */
    private void sendRebuilt(CompactSends.Rebuilt x, Step.Builder<AbcMessage, AbcDelivery> b) {
        onMvba(x.proposer(), new MvbaPart(x.round(),
                new MvbaMessage.CbcPart(x.proposer(), new CbcMessage.CSend(x.vector()))), b);
    }

    /** A round-r BATCH: counted once per sender, checked, and it may make this server join the round. */
    private void onBatch(int sender, Batch x, Step.Builder<AbcMessage, AbcDelivery> b) {
        SignedBatch held = batches.get(sender);
        if (held != null) {
            if (!held.batch().equals(x.batch()) || !held.signature().equals(x.signature())) {
                b.fault(new Fault(sender, tag, FaultKind.EQUIVOCATION, "a second, different batch for round " + round));
            }
            return;
        }
        if (rejected.contains(sender)) {
            return;
        }
        SignedBatch e = new SignedBatch(sender, x.batch(), x.signature());
        VerifiedBatches.Admitted a = verified.admit(round, e);
        if (a.requests() == null) {
            rejected.add(sender);
            b.fault(new Fault(sender, tag, a.fault(), a.reason()));
            return;
        }
        Requests requests = a.requests();
        batches.put(sender, e);
        dissemination.batchArrived(e, rebuilt -> sendRebuilt(rebuilt, b));
        // Join a round someone started for requests not delivered yet, or that t + 1 servers, so an honest
        // one, started: never spin on empty or stale batches of corrupted servers.
        if (quorums.containsHonest(batches.keySet()) || !delivered.containsAll(requests.digests())) {
            start(b);
        }
        propose(b);
    }

    private void onMvba(int sender, MvbaPart p, Step.Builder<AbcMessage, AbcDelivery> b) {
        long r = p.round();
        ValidatedAgreement a = r == round ? current() : mvba.get(r); // old, dropped rounds: nothing to do
        if (a == null) {
            return;
        }
        List<MvbaDecision> out = b.absorb(a.handleMessage(sender, p.message()), m -> new MvbaPart(r, m));
        if (r == round && !out.isEmpty() && decision == null) {
            decision = RoundProof.of(r, a, out.get(0));
        }
    }

    private ValidatedAgreement current() {
        long r = round;
        return mvba.computeIfAbsent(r, k -> new ValidatedAgreement(ctx, mvbaTag(r), maxVectorBytes,
                value -> verified.vectorValid(r, value)));
    }

    /** Signs and sends this server's round-r batch: the oldest batchSize undelivered requests. */
    private void start(Step.Builder<AbcMessage, AbcDelivery> b) {
        if (started || round <= silentThrough) {
            return; // a restarted server may have sent a different batch here before it crashed
        }
        started = true;
        List<Bytes> mine = queue.values().stream().limit(batchSize).toList();
        Bytes batch = BatchCodec.encodeBatch(mine);
        byte[] digest = BatchCodec.batchDigest(batch);
        Bytes sig = Bytes.of(ctx.signer().sign(BatchCodec.statementOf(tag, round, digest)));
        // The record says "I sent my round-r batch"; a restarted server stays silent through that round
        // and never resends it, so the batch's digest suffices (the whole batch would double the journal).
        b.durable(new DurableRecord(tag, "batch/" + round, digest));
        b.broadcast(new Batch(round, batch, sig)); // counted when our own copy comes back
        propose(b);
    }

    private void propose(Step.Builder<AbcMessage, AbcDelivery> b) {
        if (!started || proposed || !quorums.isQuorum(batches.keySet())) {
            return;
        }
        proposed = true;
        List<SignedBatch> vector = List.copyOf(new ArrayList<>(batches.values()).subList(0, quorums.quorum()));
        long r = round;
        byte[] full = BatchCodec.encodeVector(vector);
        List<MvbaDecision> out = dissemination.propose(r, vector, Bytes.of(full),
                current().handleInput(new MvbaInput.Propose(full)), evidence, b);
        if (!out.isEmpty() && decision == null) {
            decision = RoundProof.of(r, current(), out.get(0));
        }
    }

    /** Delivers decided rounds and enters the next ones, as long as buffered messages carry them on. */
    private void advance(Step.Builder<AbcMessage, AbcDelivery> b) {
        while (decision != null) {
            deliver(decision.value(), b);
            proofs.put(round, decision);
            decision = null;
            enterNext(b);
        }
    }

    /** Goes to round + 1, the current round being delivered: by a decision, or by {@link #adoptDelivered}. */
    private void enterNext(Step.Builder<AbcMessage, AbcDelivery> b) {
        round++;
        started = false;
        proposed = false;
        batches.clear();
        rejected.clear();
        verified.enter(round);
        dissemination.enter(round);
        mvba.headMap(round - KEEP_ROUNDS).clear(); // keeps the last KEEP_ROUNDS decided ones, for C-REQUEST
        if (!queue.isEmpty()) {
            start(b); // not in a silent round
        }
        for (PendingBuffer.Pending<AbcMessage> p : future.release(round)) {
            dispatch(p.sender(), p.message(), b); // may decide round + 1: advance carries on
        }
    }

    /** Step 4: every request of the decided vector not in the dedup window, by server index then position. */
    private void deliver(Bytes value, Step.Builder<AbcMessage, AbcDelivery> b) {
        // Valid by Q_r (the agreement's external validity, or checked with the adopted proof).
        for (Requests requests : verified.requestsOf(round, value)) {
            for (int k = 0; k < requests.requests().size(); k++) {
                Bytes digest = requests.digests().get(k);
                if (delivered.add(digest)) {
                    queue.remove(digest);
                    b.output(new AbcDelivery(nextSeq++, round, requests.requests().get(k)));
                }
            }
        }
    }

    // ---- Catch-up (see package-info) ----

    /**
     * The proof of decided round r, if still held. Contract for the runtime: after every step,
     * {@code proof(r)} is present for each round r this step decided (from {@link #round()}
     * before the step to {@code round() - 1} after it) and for the {@code KEEP_ROUNDS} rounds
     * before; persist those right after the step to serve catch-up without limit. A round taken
     * by {@link #adoptDelivered} has none: its certified checkpoint stands in for it.
     */
    public Optional<RoundProof> proof(long r) {
        return Optional.ofNullable(proofs.get(r));
    }

    /**
     * Whether {@code p} proves what round {@code p.round()} decided: the candidate's biased
     * agreement decided 1 (n - t main-votes for 1, checked by the agreement's own DECIDE check),
     * π certifies the candidate's c-broadcast in {@code tag/r/mvba} of exactly the value, and
     * the value satisfies Q_r. At most one value per round passes (package-info). Pure.
     */
    public Verdict check(RoundProof p) {
        if (p == null || p.round() < 0) {
            return Verdict.invalid("no round proof");
        }
        return CatchUp.check(ctx, mvbaTag(p.round()), maxVectorBytes, p, value -> verified.vectorValid(p.round(), value));
    }

    /**
     * Adopts the proof of the current round, fetched from server {@code sender}: if valid, the
     * round is delivered exactly as if this server's agreement had decided it, and the next
     * round begins (buffered messages released; this server's batch if its queue holds
     * requests). An invalid proof is an {@code INVALID_PROOF} fault against {@code sender}.
     * Proofs of older rounds (delivered already) and of later rounds are ignored: the runtime
     * feeds rounds in order, from {@link #round()} on.
     */
    public Step<AbcMessage, AbcDelivery> adopt(int sender, RoundProof p) {
        Objects.requireNonNull(p, "proof");
        Step.Builder<AbcMessage, AbcDelivery> b = Step.builder();
        if (!quorums.isServer(sender)) {
            b.fault(new Fault(sender, tag, FaultKind.MALFORMED, "sender is not a server"));
            return b.build();
        }
        prune();
        if (p.round() != round) {
            return b.build();
        }
        Verdict v = check(p);
        if (!v.isValid()) {
            b.fault(new Fault(sender, tag, FaultKind.INVALID_PROOF, "round " + p.round() + " proof: " + v.reason()));
            return b.build();
        }
        decision = p;
        advance(b);
        return b.build();
    }

    /**
     * Takes round {@code r} as decided with exactly {@code requests} delivered in it, in order, at
     * seqs nextSeq, nextSeq+1, ... (state transfer past a certified checkpoint, up to which peers
     * pruned their proofs: the runtime checked the requests against it, so they are what every
     * honest server delivered in r). Like {@link #adopt}: only the current round is taken
     * ({@code r != round()}: an empty step); the deliveries are output as
     * {@code AbcDelivery(seq, r, request)}; each request enters the dedup window, even one already
     * there ({@link CertifiedRound#enter}), and leaves the queue; the next round begins exactly as
     * after adopt (buffered messages released; this server's batch if its queue holds requests;
     * silence rules unchanged). No proof is held for such a round ({@code proof(r)} is empty).
     */
    public Step<AbcMessage, AbcDelivery> adoptDelivered(long r, List<Bytes> requests) {
        Requests taken = CertifiedRound.of(requests, maxRequestBytes);
        Step.Builder<AbcMessage, AbcDelivery> b = Step.builder();
        prune();
        if (r != round) {
            return b.build();
        }
        for (int k = 0; k < taken.requests().size(); k++) {
            Bytes digest = taken.digests().get(k);
            CertifiedRound.enter(delivered, digest, nextSeq);
            queue.remove(digest);
            b.output(new AbcDelivery(nextSeq++, round, taken.requests().get(k)));
        }
        enterNext(b);
        advance(b);
        return b.build();
    }

    /** Decodes a round proof with this instance's bounds; never throws. */
    public Decoded<RoundProof> decodeProof(byte[] bytes) {
        return RoundProof.decode(bytes, ctx.n(), maxVectorBytes);
    }

    /**
     * The highest round r such that {@code honestOne()} distinct servers sent this server
     * well-formed messages for rounds {@code >= r} (so an honest server reached r and every
     * round before r is decided), or -1. When it exceeds {@link #round()}, fetch the proofs
     * of rounds {@code [round(), evidenceOfRound())}. The last decided round of an idle system
     * shows in no later message: ask a peer for its latest proof too.
     */
    public long evidenceOfRound() {
        return evidence.round(quorums);
    }

    /** The highest round in which this server stays silent (-1: none). */
    public long silentThrough() {
        return silentThrough;
    }

    /** Drops proofs beyond KEEP_ROUNDS at the start of a step, so a step's own decisions stay readable after it. */
    private void prune() {
        proofs.headMap(round - KEEP_ROUNDS).clear();
    }

    /** For tests: the rounds whose agreements this server still holds. */
    Set<Long> heldRounds() {
        return mvba.keySet();
    }

    /** For tests: the decided agreement of a held round. */
    Optional<ValidatedAgreement> agreement(long r) {
        return Optional.ofNullable(mvba.get(r));
    }

    @Override
    public String toString() {
        return "AtomicBroadcast[" + tag + ", server " + ctx.self() + ", round " + round + ", delivered " + nextSeq
                + ", queued " + queue.size() + "]";
    }
}
