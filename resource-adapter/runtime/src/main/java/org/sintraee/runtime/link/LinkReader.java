package org.sintraee.runtime.link;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads one connection until it ends: first the peer's HELLO, then DATA (delivered unless a
 * duplicate), ACK and PING frames. A read that waits longer than the idle timeout (the
 * socket's read timeout) ends the connection. Nothing escapes: a broken link protocol is logged, counted and
 * the connection cut; the peer reconnects and its buffer makes up for the loss.
 */
final class LinkReader {
    private static final Logger LOG = Logger.getLogger(LinkReader.class.getName());
    /** Acknowledge at least this often while frames keep arriving (else when the input runs dry). */
    private static final int ACK_EVERY = 64;

    private LinkReader() {
    }

    static void run(PeerChannel channel, Connection c) {
        try {
            LinkFrames.Frame f = new LinkFrames.Frame();
            LinkFrames.read(c.in, f);
            channel.receivedBytes(f.wireBytes);
            if (f.type != LinkFrames.HELLO) {
                throw new LinkFrames.MalformedFrameException("first frame has type " + f.type + ", expected HELLO");
            }
            if (!channel.hello(c, f.incarnation, f.knownIncarnation, f.seq)) {
                return;
            }
            int unacked = 0;
            while (!c.closed()) {
                LinkFrames.read(c.in, f);
                channel.receivedBytes(f.wireBytes);
                switch (f.type) {
                    case LinkFrames.DATA -> {
                        if (!channel.deliver(c, f.seq, f.payload)) {
                            return;
                        }
                        f.payload = null;
                        unacked++;
                    }
                    case LinkFrames.ACK -> channel.acked(c, f.seq);
                    case LinkFrames.PING -> {
                        // only proves the peer is there; receivedBytes noted the time
                    }
                    default -> throw new LinkFrames.MalformedFrameException("a second HELLO on one connection");
                }
                // The sender flushes whole frames, so input running dry means a burst ended: ack it.
                if (unacked > 0 && (unacked >= ACK_EVERY || c.in.available() == 0)) {
                    channel.ackDue();
                    unacked = 0;
                }
            }
        } catch (SocketTimeoutException e) {
            // Not even a PING for the idle timeout: the peer crashed or the path is cut without a
            // reset. Closing lets the dialler redial; the outbox resends what was not acknowledged.
            if (!c.closed()) {
                channel.idleTimedOut();
                LOG.info(() -> "heard nothing on " + c + " for " + channel.idleTimeoutMillis()
                        + " ms: closing it so the link is re-established");
            }
        } catch (LinkFrames.MalformedFrameException e) {
            if (!c.closed()) {
                channel.rejected();
                LOG.warning("cutting " + c + ": " + e.getMessage());
            }
        } catch (IOException e) {
            if (!c.closed()) {
                LOG.fine(() -> c + " ended: " + e);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reader of " + c + " failed", e);
        } finally {
            channel.lost(c);
        }
    }
}
