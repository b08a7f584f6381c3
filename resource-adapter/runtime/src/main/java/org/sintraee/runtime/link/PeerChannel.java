package org.sintraee.runtime.link;

import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything this server keeps about one peer: the outbox, the current connection, the
 * receive state and the counters. Two locks: the monitor guards the outbox and the connection
 * (the peer's writer task is the only one that waits on it), {@code rx} guards delivery so
 * payloads reach {@link Inbound} one at a time, in order, and a slow callback never blocks
 * {@code send}. They are never held together.
 */
final class PeerChannel {
    private static final Logger LOG = Logger.getLogger(PeerChannel.class.getName());
    /** {@link #take} result: the connection has been idle for the heartbeat interval. */
    static final int PING_DUE = -2;

    final int peer;
    private final PeerLinks links;
    private final Outbox outbox;
    private volatile Connection current;
    private Connection taken;
    private Socket dialling;
    private boolean writerWaiting;
    private boolean up;
    private long sinceMillis = System.currentTimeMillis();

    private final Object rx = new Object();
    private long knownPeerIncarnation;
    private volatile long lastDelivered;

    private volatile long lastReceivedMillis;
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong idleTimeouts = new AtomicLong();

    PeerChannel(int peer, PeerLinks links, long maxQueuedBytes) {
        this.peer = peer;
        this.links = links;
        this.outbox = new Outbox(maxQueuedBytes);
    }

    synchronized void send(byte[] payload) {
        outbox.add(payload);
        wakeWriter();
    }

    synchronized LinkStatus status() {
        return new LinkStatus(up, sinceMillis, lastReceivedMillis, bytesIn.get(), bytesOut.get(),
                outbox.queuedBytes(), outbox.dropped(), rejected.get(), idleTimeouts.get());
    }

    // ---- connection life cycle ----

    /** Makes {@code c} the current connection, cutting the previous one; false (and {@code c} cut) once closed. */
    synchronized boolean install(Connection c) {
        if (links.closed()) {
            c.abort();
            return false;
        }
        Connection old = current;
        current = c;
        if (old != null) {
            old.abort();
        }
        wakeWriter();
        return true;
    }

    /** Accepting side: waits for a connection the writer has not run yet; null once closed. */
    synchronized Connection awaitAccepted() throws InterruptedException {
        while (!links.closed() && (current == null || current == taken)) {
            waitHere(0);
        }
        if (links.closed()) {
            return null;
        }
        taken = current;
        return current;
    }

    /** Registers the socket being dialled so close() can cut it; false once closed. */
    synchronized boolean dialling(Socket s) {
        dialling = s;
        return s == null || !links.closed();
    }

    /** Waits up to {@code millis} (backoff), returning early on close. */
    synchronized void pause(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        long left;
        while (!links.closed() && (left = (end - System.nanoTime()) / 1_000_000L) > 0) {
            waitHere(left);
        }
    }

    /** Cuts {@code c}; if it was current, the link is down. Idempotent, from reader or writer. */
    void lost(Connection c) {
        c.abort();
        boolean wentDown = false;
        synchronized (this) {
            if (current == c) {
                current = null;
                if (up) {
                    up = false;
                    sinceMillis = System.currentTimeMillis();
                    wentDown = true;
                }
            }
            wakeWriter();
        }
        if (wentDown) {
            LOG.fine(() -> "link to server " + peer + " is down");
            links.notifyChanged(peer, false);
        }
    }

    /** close(): cut everything and wake the writer so it sees the closed flag. */
    synchronized void shutdown() {
        if (current != null) {
            current.abort();
        }
        if (dialling != null) {
            Connection.closeQuietly(dialling);
        }
        wakeWriter();
    }

    /** Test hook: cut the current connection as a network failure would. */
    synchronized void dropCurrent() {
        if (current != null) {
            current.abort();
        }
    }

    /** The current connection's TLS protocol, or null. */
    String protocol() {
        Connection c = current;
        return c == null ? null : c.protocol;
    }

    void rejected() {
        rejected.incrementAndGet();
    }

    void idleTimedOut() {
        idleTimeouts.incrementAndGet();
    }

    long idleTimeoutMillis() {
        return links.settings().idleTimeout().toMillis();
    }

    // ---- writer side ----

    /**
     * Waits for the peer's HELLO on {@code c}, then drops what it says it delivered from this
     * incarnation and rewinds the rest for resending. False if {@code c} died first.
     */
    boolean awaitHello(Connection c) throws InterruptedException {
        synchronized (this) {
            while (!c.helloReceived && alive(c)) {
                waitHere(0);
            }
            if (!alive(c)) {
                return false;
            }
            if (c.peerKnowsMyIncarnation == links.incarnation()) {
                outbox.ack(c.peerLastDelivered);
            }
            outbox.rewind();
            up = true;
            sinceMillis = System.currentTimeMillis();
        }
        LOG.fine(() -> "link to server " + peer + " is up");
        links.notifyChanged(peer, true);
        return true;
    }

    /**
     * Moves up to {@code batch.length} pending payloads into flight. Returns how many, 0 if there
     * is nothing to do now but {@code dirty} (the caller flushes), {@link #PING_DUE} if {@code c}
     * wrote nothing for the heartbeat interval, -1 if {@code c} is dead. Blocks while there is
     * nothing to do. {@code firstSeq[0]} receives the first one's number.
     */
    synchronized int take(Connection c, byte[][] batch, long[] firstSeq, boolean dirty) throws InterruptedException {
        long heartbeat = links.settings().heartbeat().toNanos();
        while (alive(c) && !outbox.hasPending() && lastDelivered <= c.ackSent) {
            if (dirty) {
                return 0;
            }
            long left = c.lastWriteNanos + heartbeat - System.nanoTime();
            if (left <= 0) {
                return PING_DUE;
            }
            waitHere(Math.max(1, left / 1_000_000L));
        }
        if (!alive(c)) {
            return -1;
        }
        firstSeq[0] = outbox.pendingSeq();
        int n = 0;
        while (n < batch.length && outbox.hasPending()) {
            batch[n++] = outbox.takePending();
        }
        return n;
    }

    long lastDelivered() {
        return lastDelivered;
    }

    void wrote(long bytes) {
        bytesOut.addAndGet(bytes);
    }

    // ---- reader side ----

    /** The peer's HELLO arrived on {@code c}: a new sender incarnation restarts our delivery count. */
    boolean hello(Connection c, long incarnation, long knowsMine, long delivered) {
        synchronized (rx) {
            if (current != c) {
                return false;
            }
            if (incarnation != knownPeerIncarnation) {
                knownPeerIncarnation = incarnation;
                lastDelivered = 0;
            }
        }
        synchronized (this) {
            c.peerKnowsMyIncarnation = knowsMine;
            c.peerLastDelivered = delivered;
            c.helloReceived = true;
            wakeWriter();
        }
        return true;
    }

    /** Our HELLO's content, read consistently: the peer incarnation we know and what we delivered from it. */
    long[] helloState() {
        synchronized (rx) {
            return new long[] {knownPeerIncarnation, lastDelivered};
        }
    }

    /** Delivers a DATA frame unless it is a duplicate; false if {@code c} is no longer current. */
    boolean deliver(Connection c, long seq, byte[] payload) {
        synchronized (rx) {
            if (current != c) {
                return false;
            }
            if (seq > lastDelivered) {
                lastDelivered = seq;
                try {
                    links.inbound().received(peer, payload);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "the inbound callback failed on a payload from server " + peer, e);
                }
            }
            return true;
        }
    }

    /** Asks the writer to acknowledge what was delivered. */
    synchronized void ackDue() {
        wakeWriter();
    }

    synchronized void acked(Connection c, long seq) {
        if (current == c) {
            outbox.ack(seq);
        }
    }

    void receivedBytes(int n) {
        bytesIn.addAndGet(n);
        lastReceivedMillis = System.currentTimeMillis();
    }

    // ---- helpers, called holding the monitor ----

    private boolean alive(Connection c) {
        return !links.closed() && !c.closed() && current == c;
    }

    private void wakeWriter() {
        if (writerWaiting) {
            notifyAll();
        }
    }

    private void waitHere(long millis) throws InterruptedException {
        writerWaiting = true;
        try {
            wait(millis);
        } finally {
            writerWaiting = false;
        }
    }
}
