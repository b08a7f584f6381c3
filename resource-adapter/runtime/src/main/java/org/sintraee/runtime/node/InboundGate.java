package org.sintraee.runtime.node;

/**
 * One peer's share of the mailbox: at most {@code maxFrames} frames and {@code maxBytes}
 * bytes waiting (one frame is always admitted when none waits, so a large frame cannot
 * wedge the peer). A full share blocks only that peer's caller, its link reader, which
 * turns into TCP backpressure on that peer alone.
 */
final class InboundGate {
    private final int maxFrames;
    private final long maxBytes;
    private int frames;
    private long bytes;
    private boolean closed;

    InboundGate(int maxFrames, long maxBytes) {
        this.maxFrames = maxFrames;
        this.maxBytes = maxBytes;
    }

    /** Waits for room for a frame of {@code size} bytes; false if the gate closed meanwhile. */
    synchronized boolean acquire(int size) throws InterruptedException {
        while (!closed && frames > 0 && (frames >= maxFrames || bytes + size > maxBytes)) {
            wait();
        }
        if (closed) {
            return false;
        }
        frames++;
        bytes += size;
        return true;
    }

    /** The loop took a frame of {@code size} bytes out of the mailbox. */
    synchronized void release(int size) {
        frames--;
        bytes -= size;
        notifyAll();
    }

    /** Admits nothing more and wakes every waiting caller. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized int frames() {
        return frames;
    }
}
