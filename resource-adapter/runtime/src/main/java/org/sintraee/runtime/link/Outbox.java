package org.sintraee.runtime.link;

import java.util.ArrayDeque;

/**
 * One peer's unacknowledged payloads, numbered 1, 2, ... in send order for this incarnation.
 * They are contiguous from {@link #headSeq}: first those written on the current connection and
 * not yet acknowledged ("in flight"), then those still to write ("pending"). Total payload
 * bytes stay at most the bound: adding beyond it drops the oldest entries, counted; the
 * receiver accepts the resulting gap in sequence numbers. Not thread-safe: the owning
 * {@link PeerChannel} guards it.
 */
final class Outbox {
    private final long bound;
    private final ArrayDeque<byte[]> inFlight = new ArrayDeque<>();
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
    private long headSeq = 1;
    private long queuedBytes;
    private long dropped;

    Outbox(long bound) {
        this.bound = bound;
    }

    void add(byte[] payload) {
        pending.addLast(payload);
        queuedBytes += payload.length;
        while (queuedBytes > bound) {
            removeHead();
            dropped++;
        }
    }

    /** The peer delivered everything up to {@code seq}: forget it. */
    void ack(long seq) {
        while (headSeq <= seq && removeHead()) {
            // removed one
        }
    }

    /** A new connection: everything in flight may be lost and is written again. */
    void rewind() {
        while (!inFlight.isEmpty()) {
            pending.addFirst(inFlight.pollLast());
        }
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    /** The sequence number of the next {@link #takePending()}. */
    long pendingSeq() {
        return headSeq + inFlight.size();
    }

    /** Moves the oldest pending payload into flight and returns it. */
    byte[] takePending() {
        byte[] p = pending.pollFirst();
        inFlight.addLast(p);
        return p;
    }

    long queuedBytes() {
        return queuedBytes;
    }

    long dropped() {
        return dropped;
    }

    private boolean removeHead() {
        byte[] p = inFlight.isEmpty() ? pending.pollFirst() : inFlight.pollFirst();
        if (p == null) {
            return false;
        }
        queuedBytes -= p.length;
        headSeq++;
        return true;
    }
}
