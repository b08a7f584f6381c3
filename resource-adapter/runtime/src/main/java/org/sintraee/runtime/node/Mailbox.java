package org.sintraee.runtime.node;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import org.sintraee.api.OrderCertificate;

/**
 * The node loop's one input queue. The queue itself is unbounded; what bounds it is the
 * shares: each peer's {@link InboundGate}, a non-blocking submission share, and at most one
 * pending tick and stop. Taking an event out releases its share.
 */
final class Mailbox {

    /** What the loop works through. */
    sealed interface Event {
    }

    /**
     * A decoded frame from a peer: an {@code AbcMessage} or a {@code CatchUpMessage};
     * {@code bytes} is the frame's size, charged to the peer's share.
     */
    record Inbound(int peer, Object message, int bytes) implements Event {
    }

    /** A local request and the future its seq completes. */
    record Submission(RequestKey key, CompletableFuture<Long> future) implements Event {
    }

    /** A local certify(seq) call and the future its certificate completes. */
    record Certify(long seq, CompletableFuture<OrderCertificate> future) implements Event {
    }

    /** A timer tick: only republishes the metrics (time decides nothing in the protocols). */
    record Tick() implements Event {
    }

    /** Ends the loop. */
    record Stop() implements Event {
    }

    private final LinkedBlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    private final InboundGate[] gates;
    private final Semaphore submissions;
    private final AtomicBoolean tickPending = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();

    Mailbox(int n, int self, NodeSettings settings) {
        gates = new InboundGate[n + 1];
        for (int p = 1; p <= n; p++) {
            if (p != self) {
                gates[p] = new InboundGate(settings.perPeerInbound(), settings.perPeerInboundBytes());
            }
        }
        submissions = new Semaphore(settings.submissionShare(n));
    }

    /** Blocks while the peer's share is full; false if the mailbox stopped (the frame is dropped). */
    boolean putInbound(Inbound e) throws InterruptedException {
        if (!gates[e.peer()].acquire(e.bytes())) {
            return false;
        }
        queue.add(e);
        return true;
    }

    /** Never blocks: false if the submission share is full. */
    boolean offerSubmission(Submission e) {
        if (!submissions.tryAcquire()) {
            return false;
        }
        queue.add(e);
        return true;
    }

    /** Never blocks: false if the submission share (which certify calls share) is full. */
    boolean offerCertify(Certify e) {
        if (!submissions.tryAcquire()) {
            return false;
        }
        queue.add(e);
        return true;
    }

    void tick() {
        if (tickPending.compareAndSet(false, true)) {
            queue.add(new Tick());
        }
    }

    /** Queues the stop and closes every peer's share, waking blocked link readers. Idempotent. */
    void stop() {
        if (stopped.compareAndSet(false, true)) {
            queue.add(new Stop());
            for (InboundGate g : gates) {
                if (g != null) {
                    g.close();
                }
            }
        }
    }

    Event take() throws InterruptedException {
        return released(queue.take());
    }

    /** The next event, waiting at most {@code nanos}; null if none came. */
    Event poll(long nanos) throws InterruptedException {
        Event e = queue.poll(nanos, TimeUnit.NANOSECONDS);
        return e == null ? null : released(e);
    }

    /** The next event, or null if none waits. */
    Event poll() {
        Event e = queue.poll();
        return e == null ? null : released(e);
    }

    /** Every waiting event, shares released: for failing submissions after the loop stopped. */
    List<Event> drain() {
        List<Event> out = new ArrayList<>();
        for (Event e = poll(); e != null; e = poll()) {
            out.add(e);
        }
        return out;
    }

    int size() {
        return queue.size();
    }

    int inbound(int peer) {
        return gates[peer] == null ? 0 : gates[peer].frames();
    }

    private Event released(Event e) {
        if (e instanceof Inbound in) {
            gates[in.peer()].release(in.bytes());
        } else if (e instanceof Submission || e instanceof Certify) {
            submissions.release();
        } else if (e instanceof Tick) {
            tickPending.set(false);
        }
        return e;
    }
}
