package org.sintraee.protocol.abc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sintraee.protocol.abc.AbcMessage.Batch;
import org.sintraee.protocol.abc.AbcMessage.MvbaPart;
import org.sintraee.protocol.abc.BatchCodec.SignedBatch;
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
import org.sintraee.protocol.mvba.ValidatedAgreement;
import org.sintraee.protocol.quorum.Quorums;

/**
 * Atomic broadcast, [CKPS01] §5 (see package-info): rounds of signed batches, each round's
 * vector of {@code quorum()} batches agreed on by validated agreement {@code tag/r/mvba}.
 *
 * <p>Local misuse (exceptions): a request longer than {@code maxRequestBytes}
 * ({@link IllegalArgumentException}); a new request while {@code maxQueue} requests wait
 * ({@link IllegalStateException}: back-pressure is the caller's). A long-lived stream:
 * {@link #terminated()} is always false.
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

    private final ServerContext ctx;
    private final Quorums quorums;
    private final Tag tag;
    private final int batchSize;
    private final int maxRequestBytes;
    private final int maxQueue;
    private final int maxBatchBytes;

    /** Undelivered requests by digest, oldest first. */
    private final LinkedHashMap<Bytes, Bytes> queue = new LinkedHashMap<>();
    /** Digests of every delivered request; membership only, never iterated. Grows with the log (see package-info). */
    private final Set<Bytes> delivered = new HashSet<>();
    /** Agreements by round: the current one and the last KEEP_ROUNDS decided ones. */
    private final TreeMap<Long, ValidatedAgreement> mvba = new TreeMap<>();
    /** BATCH and agreement messages of rounds not started yet, bounded per sender. */
    private final PendingBuffer<Long, AbcMessage> future;

    private long round;
    private long nextSeq;
    private boolean started;                                      // this server's BATCH for round is out
    private boolean proposed;                                     // the round's vector went to the agreement
    private final TreeMap<Integer, SignedBatch> batches = new TreeMap<>(); // valid round-r batches, first per sender
    private final TreeSet<Integer> rejected = new TreeSet<>();    // senders whose round-r batch failed its checks
    private MvbaDecision decision;                                // the current round's, not yet delivered

    public AtomicBroadcast(ServerContext ctx, Tag tag, int batchSize, int maxRequestBytes, int maxQueue) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.quorums = ctx.quorums();
        this.tag = Objects.requireNonNull(tag, "tag");
        if (batchSize < 1 || maxRequestBytes < 1 || maxQueue < 1) {
            throw new IllegalArgumentException("batchSize, maxRequestBytes and maxQueue must be positive");
        }
        this.batchSize = batchSize;
        this.maxRequestBytes = maxRequestBytes;
        this.maxQueue = maxQueue;
        this.maxBatchBytes = BatchCodec.maxBatchBytes(batchSize, maxRequestBytes);
        // Per round a sender sends one BATCH and a bounded number of agreement messages to us.
        this.future = new PendingBuffer<>(ROUND_WINDOW * (1 + 16 * ctx.n() + 64));
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
        if (!started) {
            start(b);
        }
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
        dispatch(sender, message, b);
        advance(b);
        return b.build();
    }

    private void dispatch(int sender, AbcMessage message, Step.Builder<AbcMessage, AbcDelivery> b) {
        if (message == null || message.round() < 0) {
            b.fault(new Fault(sender, tag, FaultKind.MALFORMED, "message " + message));
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
        }
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
        Decoded<List<Bytes>> requests = BatchCodec.decodeBatch(x.batch(), batchSize, maxRequestBytes);
        if (!requests.ok()) {
            rejected.add(sender);
            b.fault(new Fault(sender, tag, FaultKind.MALFORMED, "round " + round + " batch: " + requests.error()));
            return;
        }
        Verdict v = BatchCodec.checkBatch(ctx.verifier(), tag, round, e, batchSize, maxRequestBytes);
        if (!v.isValid()) {
            rejected.add(sender);
            b.fault(new Fault(sender, tag, FaultKind.INVALID_PROOF, v.reason()));
            return;
        }
        batches.put(sender, e);
        // Join a round someone started for requests not delivered yet, or that t + 1 servers, so an honest
        // one, started: never spin on empty or stale batches of corrupted servers.
        if (!started && (quorums.containsHonest(batches.keySet())
                || requests.get().stream().anyMatch(r -> !delivered.contains(BatchCodec.digest(r))))) {
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
            decision = out.get(0);
        }
    }

    private ValidatedAgreement current() {
        long r = round;
        return mvba.computeIfAbsent(r, k -> new ValidatedAgreement(ctx, mvbaTag(r),
                BatchCodec.maxVectorBytes(quorums.quorum(), batchSize, maxRequestBytes), value -> vectorValid(r, value)));
    }

    /** Q of round r: exactly quorum() batches by distinct servers, each well formed and validly signed for r. */
    private Verdict vectorValid(long r, byte[] value) {
        Decoded<List<SignedBatch>> v = BatchCodec.decodeVector(value, ctx.n(), maxBatchBytes);
        if (!v.ok()) {
            return Verdict.invalid(v.error());
        }
        List<Integer> servers = v.get().stream().map(SignedBatch::server).toList();
        if (servers.size() != quorums.quorum() || !quorums.isQuorum(servers)) {
            return Verdict.invalid("vector of " + servers.size() + " batches, not a quorum");
        }
        for (SignedBatch e : v.get()) {
            Verdict ok = BatchCodec.checkBatch(ctx.verifier(), tag, r, e, batchSize, maxRequestBytes);
            if (!ok.isValid()) {
                return ok;
            }
        }
        return Verdict.VALID;
    }

    /** Signs and sends this server's round-r batch: the oldest batchSize undelivered requests. */
    private void start(Step.Builder<AbcMessage, AbcDelivery> b) {
        started = true;
        List<Bytes> mine = queue.values().stream().limit(batchSize).toList();
        Bytes batch = BatchCodec.encodeBatch(mine);
        Bytes sig = Bytes.of(ctx.signer().sign(BatchCodec.statement(tag, round, batch)));
        b.durable(new DurableRecord(tag, "batch/" + round, batch.toArray()));
        b.broadcast(new Batch(round, batch, sig)); // counted when our own copy comes back
        propose(b);
    }

    private void propose(Step.Builder<AbcMessage, AbcDelivery> b) {
        if (!started || proposed || !quorums.isQuorum(batches.keySet())) {
            return;
        }
        proposed = true;
        List<SignedBatch> vector = new ArrayList<>(batches.values()).subList(0, quorums.quorum());
        long r = round;
        List<MvbaDecision> out = b.absorb(current().handleInput(new MvbaInput.Propose(BatchCodec.encodeVector(vector))),
                m -> new MvbaPart(r, m));
        if (!out.isEmpty() && decision == null) {
            decision = out.get(0);
        }
    }

    /** Delivers decided rounds and enters the next ones, as long as buffered messages carry them on. */
    private void advance(Step.Builder<AbcMessage, AbcDelivery> b) {
        while (decision != null) {
            deliver(decision, b);
            decision = null;
            round++;
            started = false;
            proposed = false;
            batches.clear();
            rejected.clear();
            mvba.headMap(round - KEEP_ROUNDS).clear(); // keeps the last KEEP_ROUNDS decided ones, for C-REQUEST
            if (!queue.isEmpty()) {
                start(b);
            }
            for (PendingBuffer.Pending<AbcMessage> p : future.release(round)) {
                dispatch(p.sender(), p.message(), b);
            }
        }
    }

    /** Step 4: every request of the decided vector not delivered before, by server index then position. */
    private void deliver(MvbaDecision d, Step.Builder<AbcMessage, AbcDelivery> b) {
        // Valid by the agreement's external validity: decodes and every batch is well formed.
        for (SignedBatch e : BatchCodec.decodeVector(d.value(), ctx.n(), maxBatchBytes).get()) {
            for (Bytes request : BatchCodec.decodeBatch(e.batch(), batchSize, maxRequestBytes).get()) {
                Bytes digest = BatchCodec.digest(request);
                if (delivered.add(digest)) {
                    queue.remove(digest);
                    b.output(new AbcDelivery(nextSeq++, round, request));
                }
            }
        }
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
