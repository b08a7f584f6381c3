package org.sintraee.runtime.node;

import java.io.IOException;
import java.security.PublicKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sintraee.api.CheckpointCertificate;
import org.sintraee.protocol.abc.AbcDelivery;
import org.sintraee.protocol.abc.AbcInput;
import org.sintraee.protocol.abc.AbcMessage;
import org.sintraee.protocol.abc.AtomicBroadcast;
import org.sintraee.protocol.cert.CertMessage;
import org.sintraee.protocol.cert.RoundCertifier;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.Fault;
import org.sintraee.protocol.core.Outgoing;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.core.Target;
import org.sintraee.protocol.scabc.ScabcMessage;
import org.sintraee.runtime.node.Mailbox.Event;
import org.sintraee.runtime.wire.WireCodec;

/**
 * The one thread that owns the ordering protocol: atomic broadcast, or in the benchmark's limit
 * mode {@link LeaderOrder} (then catch-up and Decided records are off). Each turn is a group
 * commit: process up to
 * {@code drainBatch} mailbox events (after the copies this server sent itself), append their
 * durable records and deliveries, ONE journal sync, then send their messages in order, then
 * hand out their deliveries. So nothing leaves before the records of its step and of every
 * earlier step are durable. Everything here runs on the loop thread only, except
 * {@link #gauges()}.
 */
final class NodeLoop implements Runnable {
    private static final Logger LOG = Logger.getLogger(NodeLoop.class.getName());
    /** The longest the loop waits for an event before it looks at catch-up again. */
    private static final long TICK_NANOS = 100_000_000L;

    /** What the loop publishes after each group for {@link Node#metrics()}. */
    record Gauges(long round, int iteration, int abbaRounds, int coinTosses, long delivered, int queued, long syncs,
                  long syncedRecords) {
    }

    private final Node node;
    private final int self;
    private final int n;
    private final Tag tag;
    private final int drainBatch;
    private final int maxQueue;
    private final Ordering order;
    private final Durability journal;
    private final Outbox outbox;
    private final DeliveryListener listener;
    private final Mailbox mailbox;
    private final PeerCounters counters;
    private final RoundActivity activity;
    /** What the journal held at start; its deliveries from recovery.nextSeq on are re-derived, not journaled again. */
    private final Recovery recovery;
    private final DecidedIndex index;
    /** Null in LEADER mode: catch-up and Decided records are atomic broadcast's only. */
    private final CatchUpDriver catchUp;
    private final DecidedLog decided;
    private final Certification certification;
    /** Null in LEADER mode. */
    private final Checkpoints checkpoints;
    /** Encrypted requests: holds ordered seqs until opened, releases them in order. */
    private final Decryption decryption;
    /** Futures of local requests handed to the broadcast, by request, until delivered. */
    private final Map<RequestKey, List<CompletableFuture<Long>>> pending = new HashMap<>();
    /** Copies of sent messages addressed to this server: processed first in the next group. */
    private final ArrayDeque<AbcMessage> loopback = new ArrayDeque<>();
    private final List<Outgoing<AbcMessage>> outgoing = new ArrayList<>();
    private int unsynced;
    private long syncs;
    private long syncedRecords;
    private volatile Gauges gauges;
    private volatile Thread thread;

    NodeLoop(Node node, Ordering order, AtomicBroadcast abc, Recovery recovery, int self, int n, NodeSettings settings,
             Durability journal, Outbox outbox, DeliveryListener listener, Mailbox mailbox, PeerCounters counters,
             RoundCertifier certifier, RoundCertifier checkpointCertifier, PublicKey serviceKey,
             Decryption decryption) {
        this.node = node;
        this.order = order;
        this.self = self;
        this.n = n;
        this.tag = settings.tag();
        this.drainBatch = settings.drainBatch();
        this.maxQueue = settings.maxQueue();
        this.journal = journal;
        this.outbox = outbox;
        this.listener = listener;
        this.mailbox = mailbox;
        this.counters = counters;
        this.activity = new RoundActivity(tag);
        this.recovery = recovery;
        this.index = recovery.index;
        this.checkpoints = abc == null ? null : new Checkpoints(checkpointCertifier, serviceKey,
                settings.checkpointInterval(), recovery, self, n, journal, counters, this::sendFrame);
        this.decided = abc == null ? null : new DecidedLog(abc, recovery, journal, checkpoints);
        this.catchUp = abc == null ? null
                : new CatchUpDriver(self, n, tag, abc, index, journal, counters, this::sendFrame, System.nanoTime(),
                        checkpoints, n * settings.batchSize(), settings.maxRequestBytes());
        this.certification = new Certification(certifier, self, n, counters, this::sendFrame, recovery.end());
        this.decryption = decryption;
        this.gauges = new Gauges(recovery.round, 0, 0, 0, recovery.end(), 0, 0, 0);
    }

    Gauges gauges() {
        return gauges;
    }

    Thread thread() {
        return thread;
    }

    /** The newest certified checkpoint, or null; any thread. */
    CheckpointCertificate checkpoint() {
        return checkpoints == null ? null : checkpoints.latest();
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        String failure = null;
        boolean journalUsable = true;
        boolean interrupted = false;
        try {
            replay();
            while (group()) {
                // one group commit per turn
            }
        } catch (InterruptedException e) {
            interrupted = true; // the executor is shutting down: stop like close()
        } catch (IOException e) {
            failure = "journal failed: " + e;
            journalUsable = false; // never send (or sync) after a failed sync
            LOG.log(Level.SEVERE, "server " + self + ": " + failure + "; the node stops", e);
        } catch (RuntimeException | Error e) {
            failure = "node loop failed: " + e;
            LOG.log(Level.SEVERE, "server " + self + ": " + failure + "; the node stops", e);
        } finally {
            // a pending interrupt would make the final FileChannel.force close the journal's channel
            interrupted |= Thread.interrupted();
            publish();
            node.finish(interrupted ? "interrupted" : "closed", failure, journalUsable);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Hands every journaled delivery up to the first unopened encrypted one to the listener once,
     * in order, before any new one (the rest follow as they open): the listener sees the whole
     * sequence from seq 0 on every start. Rounds come from the Decided markers; past the last
     * marker the resume round stands for the (not yet re-derived) round.
     */
    private void replay() throws IOException {
        unsynced += decryption.start(this::handOut);
    }

    private void handOut(AbcDelivery d) {
        try {
            listener.delivered(d.seq(), d.round(), d.request().toArray());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "server " + self + ": the delivery listener failed at seq " + d.seq()
                    + " (the delivery is in the journal)", e);
        }
    }

    /** One group commit; false once a stop was taken. */
    private boolean group() throws IOException, InterruptedException {
        int processed = 0;
        for (AbcMessage m = loopback.poll(); m != null; m = loopback.poll()) {
            apply(order.handleMessage(self, m));
            processed++;
        }
        boolean more = true;
        // Never sleeps longer than a catch-up tick: the tick only re-asks and paces answers, it decides nothing.
        boolean serving = catchUp != null && catchUp.serving();
        Event e = processed > 0 ? mailbox.poll() : mailbox.poll(serving ? TICK_NANOS / 10 : TICK_NANOS);
        for (int budget = drainBatch; e != null; e = --budget > 0 ? mailbox.poll() : null) {
            if (e instanceof Mailbox.Stop) {
                more = false;
                break;
            }
            handle(e);
        }
        feed();
        commit();
        return more;
    }

    private void handle(Event e) throws IOException {
        if (e instanceof Mailbox.Inbound in) {
            if (in.message() instanceof AbcMessage m) {
                apply(order.handleMessage(in.peer(), m));
            } else if (in.message() instanceof CertMessage m) {
                certification.received(in.peer(), m);
            } else if (in.message() instanceof Checkpoints.Share c && checkpoints != null) {
                unsynced += checkpoints.received(in.peer(), c.message());
            } else if (in.message() instanceof ScabcMessage m) {
                unsynced += decryption.received(in.peer(), m);
            } else if (catchUp == null) {
                counters.fault(in.peer(), FaultKind.UNEXPECTED, "catch-up is off in LEADER order");
            } else {
                catchUp.received(in.peer(), in.message(), this::apply);
            }
        } else if (e instanceof Mailbox.Submission s) {
            submit(s);
        } else if (e instanceof Mailbox.Certify c) {
            certification.certify(c.seq(), c.future());
        } // a Tick only republishes the gauges, which every commit does
    }

    private void submit(Mailbox.Submission s) throws IOException {
        List<CompletableFuture<Long>> waiting = pending.get(s.key());
        if (waiting != null) {
            waiting.add(s.future()); // the same request again: both complete at its delivery
            return;
        }
        if (order.queued() >= maxQueue) {
            s.future().completeExceptionally(new NodeBusyException(maxQueue + " requests are queued"));
            return;
        }
        int before = order.queued();
        Step<AbcMessage, AbcDelivery> step = order.handleInput(new AbcInput.Submit(s.key().request()));
        if (order.queued() > before || !step.outputs().isEmpty()) {
            List<CompletableFuture<Long>> list = new ArrayList<>(1);
            list.add(s.future());
            pending.put(s.key(), list);
        } else {
            // The broadcast ignores what it delivered before; the seq is not kept (it would grow with the log).
            s.future().completeExceptionally(new IllegalArgumentException(
                    "this request is among the last " + AtomicBroadcast.DEDUP_WINDOW + " delivered; requests are"
                            + " identified by their bytes, make each unique"));
        }
        apply(step);
    }

    private void feed() throws IOException {
        if (catchUp != null) {
            catchUp.feed(this::apply);
        }
    }

    /** Appends the step's records and deliveries now; its messages and deliveries wait for the commit's sync. */
    private void apply(Step<AbcMessage, AbcDelivery> step) throws IOException {
        for (Fault f : step.faults()) {
            counters.fault(f.peer(), f.kind(), f.toString());
        }
        for (DurableRecord r : step.durable()) {
            journal.append(r);
            unsynced++;
            activity.observe(r);
        }
        outgoing.addAll(step.messages());
        for (AbcDelivery d : step.outputs()) {
            if (checkpoints != null) {
                checkpoints.ordered(d);
            }
            if (d.seq() < recovery.end()) {
                decided.rederived(d);
            } else {
                journal.appendDelivery(d.seq(), d.request().toArray());
                unsynced++;
            }
            unsynced += decryption.ordered(d);
        }
        if (decided != null) {
            unsynced += decided.persist(step.outputs());
        }
    }

    private void commit() throws IOException {
        if (unsynced > 0) {
            journal.sync();
            syncs++;
            syncedRecords += unsynced;
            unsynced = 0;
        }
        for (Outgoing<AbcMessage> o : outgoing) {
            send(o.target(), o.message());
        }
        outgoing.clear();
        if (catchUp != null) {
            catchUp.afterSync(System.nanoTime());
        }
        if (checkpoints != null) {
            unsynced += checkpoints.afterSync(); // their records are synced with the next group
        }
        decryption.afterSync();
        for (Decryption.Released r : decryption.released()) {
            deliver(r);
            certification.delivered(r.asShown());
        }
        if (!decryption.holding()) { // a round's deliveries come in one step: once none is held, its last round is complete
            certification.flush();
        }
        publish();
    }

    private void send(Target target, AbcMessage message) {
        if (!target.isAll() && target.server() > n) {
            throw new IllegalStateException("a step addressed server " + target.server() + " of " + n);
        }
        if (target.includes(self)) {
            loopback.add(message); // our own copy never touches the links
        }
        if (target.isAll() || target.server() != self) {
            byte[] frame = WireCodec.encode(tag, message);
            for (int p = 1; p <= n; p++) {
                if (p != self && target.includes(p)) {
                    sendFrame(p, frame);
                }
            }
        }
    }

    private void sendFrame(int peer, byte[] frame) {
        outbox.send(peer, frame);
        counters.sent(peer, frame.length);
    }

    private void deliver(Decryption.Released r) {
        AbcDelivery d = r.ordered();
        handOut(r.asShown()); // earlier ones were handed out by replay()
        List<CompletableFuture<Long>> waiting = pending.isEmpty() ? null : pending.remove(new RequestKey(d.request()));
        if (waiting != null) {
            for (CompletableFuture<Long> f : waiting) {
                f.complete(d.seq());
            }
        }
    }

    private void publish() {
        activity.roundIs(order.round());
        gauges = new Gauges(order.round(), activity.iterations(), activity.abbaRounds(), activity.coinTosses(),
                Math.max(order.deliveredCount(), recovery.end()), order.queued(), syncs, syncedRecords);
    }

    /** Completes every waiting local request exceptionally; after the loop stopped (or never ran). */
    void failPending(RuntimeException cause) {
        for (List<CompletableFuture<Long>> fs : pending.values()) {
            for (CompletableFuture<Long> f : fs) {
                f.completeExceptionally(cause);
            }
        }
        pending.clear();
        certification.failPending(cause);
    }
}
