package org.sintraee.runtime.node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.sintraee.protocol.abc.AbcDelivery;
import org.sintraee.protocol.abc.AbcInput;
import org.sintraee.protocol.abc.AbcMessage;
import org.sintraee.protocol.abc.AbcRecords;
import org.sintraee.protocol.abc.AtomicBroadcast;
import org.sintraee.protocol.abc.BatchCodec;
import org.sintraee.protocol.abc.DeliveredWindow;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.Fault;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.core.Target;
import org.sintraee.protocol.crypto.Decoded;

/**
 * The benchmark's limit mode: a trivial fixed-leader order in place of agreement, so the rest
 * of the pipeline (client, wire codec, TLS links, journal, delivery) can be measured alone.
 *
 * <p><b>NOT FAULT TOLERANT, in any way.</b> Server 1 decides everything: if it crashes
 * nothing is delivered any more, and if it lies the servers deliver whatever it says (a
 * follower only checks that server 1 signed it). It is never the product; it exists only as
 * the upper bound the full protocol's throughput is reported against.
 *
 * <p>Followers sign their new local requests in batches ({@link LeaderBatch}, the form ABC's
 * batches have) and send them to server 1 as {@code AbcMessage.Batch(k, batch, sig)}, k their
 * own forward number, up to {@link #FORWARD_BATCHES} at once, the next ones only when all were
 * delivered. Server 1 pools its own and the forwarded requests (dedup by digest, at most
 * {@code FORWARD_BATCHES * batchSize} per follower) and, whenever none of its batches is
 * undelivered at itself, cuts the pool into numbered batches (round = batch number), signs them
 * and broadcasts them. Everyone delivers server 1's batches in number order, each request once
 * among the last {@code AtomicBroadcast.DEDUP_WINDOW} deliveries (by digest, like ABC). Like
 * ABC, every server makes each batch it sends durable first ({@code tag batch/k} for server 1,
 * {@code tag forward/k} for followers); the node journals the deliveries. Links keep a peer's frames in order, so batches ahead of the next one are only held
 * within {@link #HELD_BATCHES}; further ones are dropped as FLOODING. Loop thread only.
 */
final class LeaderOrder implements Ordering {
    /** The server that orders everything. */
    static final int LEADER = 1;
    /** Batches a follower forwards at once. */
    static final int FORWARD_BATCHES = 4;
    /** Batches of server 1 ahead of the next one that a server holds. */
    static final int HELD_BATCHES = 64;

    private record Pooled(Bytes request, int origin) {
    }

    private record Held(AbcMessage.Batch batch, BatchCodec.Requests requests) {
    }

    private final ServerContext ctx;
    private final Tag tag;
    private final int self;
    private final int batchSize;
    private final int maxRequestBytes;
    private final int maxQueue;
    /** Digests of this server's own undelivered requests (what {@link #queued} counts). */
    private final Set<Bytes> local = new HashSet<>();
    /** Digests of the last DEDUP_WINDOW delivered requests: ABC's dedup bound, so the log cannot exhaust the heap. */
    private final DeliveredWindow delivered = new DeliveredWindow(AtomicBroadcast.DEDUP_WINDOW);
    /** Server 1's batches that verified, ahead of or at the next one to deliver. */
    private final TreeMap<Long, Held> held = new TreeMap<>();
    // Follower only: local requests not forwarded yet, and the digests forwarded and not delivered.
    private final LinkedHashMap<Bytes, Bytes> unforwarded = new LinkedHashMap<>();
    private final Set<Bytes> forwarded = new HashSet<>();
    private long nextForward;
    // Server 1 only: requests to order, oldest first; those in batches it sent and has not delivered.
    private final LinkedHashMap<Bytes, Pooled> pool = new LinkedHashMap<>();
    private final int[] pooledBy;
    private final Set<Bytes> ordered = new HashSet<>();
    private long nextBatch;

    private long nextDeliver;
    private long nextSeq;

    LeaderOrder(ServerContext ctx, Tag tag, int batchSize, int maxRequestBytes, int maxQueue) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.tag = Objects.requireNonNull(tag, "tag");
        this.self = ctx.self();
        this.batchSize = batchSize;
        this.maxRequestBytes = maxRequestBytes;
        this.maxQueue = maxQueue;
        this.pooledBy = new int[ctx.n() + 1];
    }

    @Override
    public Tag tag() {
        return tag;
    }

    @Override
    public boolean terminated() {
        return false;
    }

    @Override
    public long round() {
        return nextDeliver;
    }

    @Override
    public int queued() {
        return local.size();
    }

    @Override
    public long deliveredCount() {
        return nextSeq;
    }

    @Override
    public Step<AbcMessage, AbcDelivery> handleInput(AbcInput input) {
        Bytes request = ((AbcInput.Submit) Objects.requireNonNull(input, "input")).request();
        if (request.length() > maxRequestBytes) {
            throw new IllegalArgumentException("request of " + request.length() + " bytes exceeds " + maxRequestBytes);
        }
        Bytes d = AbcRecords.requestDigest(request);
        if (delivered.contains(d) || local.contains(d)) {
            return Step.empty();
        }
        if (local.size() >= maxQueue) {
            throw new IllegalStateException(maxQueue + " requests are queued; submit later");
        }
        local.add(d);
        Step.Builder<AbcMessage, AbcDelivery> b = Step.builder();
        if (self == LEADER) {
            pool(d, request, self);
            cut(b);
        } else {
            unforwarded.put(d, request);
            forward(b);
        }
        return b.build();
    }

    @Override
    public Step<AbcMessage, AbcDelivery> handleMessage(int sender, AbcMessage message) {
        Step.Builder<AbcMessage, AbcDelivery> b = Step.builder();
        if (!ctx.quorums().isServer(sender) || !(message instanceof AbcMessage.Batch x) || message.round() < 0) {
            return fault(b, sender, FaultKind.MALFORMED, "not a batch of a server in LEADER order: " + message);
        }
        if (sender == LEADER) {
            onOrdered(x, b);
        } else if (self == LEADER) {
            onForward(sender, x, b);
        } else {
            fault(b, sender, FaultKind.UNEXPECTED, "a follower's batch at a follower");
        }
        return b.build();
    }

    /** Server 1's batch k: verified, held, and delivered in number order. */
    private void onOrdered(AbcMessage.Batch x, Step.Builder<AbcMessage, AbcDelivery> b) {
        long k = x.round();
        if (k < nextDeliver) {
            return; // delivered already
        }
        Held was = held.get(k);
        if (was != null) {
            if (!was.batch().equals(x)) {
                fault(b, LEADER, FaultKind.EQUIVOCATION, "a second, different batch " + k);
            }
            return;
        }
        if (k > nextDeliver + HELD_BATCHES) {
            fault(b, LEADER, FaultKind.FLOODING, "batch " + k + " while delivering " + nextDeliver);
            return;
        }
        BatchCodec.Requests rs = verified(LEADER, "order", x, b);
        if (rs == null) {
            return;
        }
        held.put(k, new Held(x, rs));
        for (Held next = held.remove(nextDeliver); next != null; next = held.remove(nextDeliver)) {
            deliver(next.requests(), b);
            nextDeliver++;
        }
        if (self == LEADER) {
            cut(b);
        } else {
            forward(b);
        }
    }

    private void deliver(BatchCodec.Requests rs, Step.Builder<AbcMessage, AbcDelivery> b) {
        for (int i = 0; i < rs.requests().size(); i++) {
            Bytes d = rs.digests().get(i);
            if (delivered.add(d)) {
                local.remove(d);
                forwarded.remove(d);
                unforwarded.remove(d); // another server's copy came first
                ordered.remove(d);
                Pooled p = pool.remove(d);
                if (p != null) {
                    pooledBy[p.origin()]--;
                }
                b.output(new AbcDelivery(nextSeq++, nextDeliver, rs.requests().get(i)));
            }
        }
    }

    /** Server 1 pools a follower's batch: new requests only, at most FORWARD_BATCHES batches' worth per follower. */
    private void onForward(int sender, AbcMessage.Batch x, Step.Builder<AbcMessage, AbcDelivery> b) {
        BatchCodec.Requests rs = verified(sender, "forward", x, b);
        if (rs == null) {
            return;
        }
        for (int i = 0; i < rs.requests().size(); i++) {
            Bytes d = rs.digests().get(i);
            if (delivered.contains(d) || ordered.contains(d) || pool.containsKey(d)) {
                continue;
            }
            if (pooledBy[sender] >= FORWARD_BATCHES * batchSize) {
                fault(b, sender, FaultKind.FLOODING, "more than " + FORWARD_BATCHES + " batches undelivered");
                break;
            }
            pool(d, rs.requests().get(i), sender);
        }
        cut(b);
    }

    private void pool(Bytes d, Bytes request, int origin) {
        if (!ordered.contains(d) && pool.putIfAbsent(d, new Pooled(request, origin)) == null) {
            pooledBy[origin]++;
        }
    }

    /** Server 1: once its batches are all delivered at itself, orders the whole pool in numbered batches. */
    private void cut(Step.Builder<AbcMessage, AbcDelivery> b) {
        if (nextBatch > nextDeliver || pool.isEmpty()) {
            return;
        }
        while (!pool.isEmpty()) {
            List<Bytes> batch = new ArrayList<>(Math.min(batchSize, pool.size()));
            Iterator<Map.Entry<Bytes, Pooled>> it = pool.entrySet().iterator();
            while (it.hasNext() && batch.size() < batchSize) {
                Map.Entry<Bytes, Pooled> e = it.next();
                it.remove();
                pooledBy[e.getValue().origin()]--;
                ordered.add(e.getKey());
                batch.add(e.getValue().request());
            }
            long k = nextBatch++;
            send(b, "order", "batch/", k, batch, Target.all()); // delivered when our own copy comes back
        }
    }

    /** A follower: once all it forwarded was delivered, forwards what is new, up to FORWARD_BATCHES batches. */
    private void forward(Step.Builder<AbcMessage, AbcDelivery> b) {
        if (!forwarded.isEmpty()) {
            return;
        }
        for (int n = 0; n < FORWARD_BATCHES && !unforwarded.isEmpty(); n++) {
            List<Bytes> batch = new ArrayList<>(Math.min(batchSize, unforwarded.size()));
            Iterator<Map.Entry<Bytes, Bytes>> it = unforwarded.entrySet().iterator();
            while (it.hasNext() && batch.size() < batchSize) {
                Map.Entry<Bytes, Bytes> e = it.next();
                it.remove();
                forwarded.add(e.getKey());
                batch.add(e.getValue());
            }
            send(b, "forward", "forward/", nextForward++, batch, Target.to(LEADER));
        }
    }

    /** Signs a batch, makes it durable (like ABC's own batch) and sends it. */
    private void send(Step.Builder<AbcMessage, AbcDelivery> b, String step, String record, long k, List<Bytes> requests,
                      Target to) {
        Bytes batch = LeaderBatch.encode(requests);
        Bytes sig = Bytes.of(ctx.signer().sign(LeaderBatch.statement(tag, step, k, batch)));
        b.durable(new DurableRecord(tag, record + k, batch.toArray()));
        b.send(to, new AbcMessage.Batch(k, batch, sig));
    }

    /** The requests of a batch signed by {@code signer}, or null after recording the fault. */
    private BatchCodec.Requests verified(int signer, String step, AbcMessage.Batch x,
                                          Step.Builder<AbcMessage, AbcDelivery> b) {
        if (!ctx.verifier().verify(signer, LeaderBatch.statement(tag, step, x.round(), x.batch()),
                x.signature().toArray())) {
            fault(b, signer, FaultKind.INVALID_PROOF, step + " batch " + x.round() + " is not validly signed");
            return null;
        }
        Decoded<BatchCodec.Requests> d = LeaderBatch.decode(x.batch(), batchSize, maxRequestBytes);
        if (!d.ok()) {
            fault(b, signer, FaultKind.MALFORMED, step + " batch " + x.round() + ": " + d.error());
            return null;
        }
        return d.get();
    }

    private Step<AbcMessage, AbcDelivery> fault(Step.Builder<AbcMessage, AbcDelivery> b, int peer, FaultKind kind,
                                                String detail) {
        b.fault(new Fault(peer, tag, kind, detail));
        return b.build();
    }
}
