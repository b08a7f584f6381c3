package org.sintraee.runtime.link;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLSocket;

/**
 * The one long-running task per peer: gets a connection (dials it when the peer's id is
 * higher than ours, else waits for the acceptor to hand one over), sends HELLO, waits for the
 * peer's, then writes DATA and ACK frames in batches, flushing only when nothing is left to
 * write, and a PING when it wrote nothing for the heartbeat interval. When the connection dies it starts over, dialling with backoff.
 */
final class PeerTask implements Runnable {
    private static final Logger LOG = Logger.getLogger(PeerTask.class.getName());
    private static final int BATCH = 128;

    private final PeerLinks links;
    private final PeerChannel channel;
    private final boolean dials;
    private final Backoff backoff;
    private final byte[][] batch = new byte[BATCH][];
    private final long[] firstSeq = new long[1];

    PeerTask(PeerLinks links, PeerChannel channel) {
        this.links = links;
        this.channel = channel;
        this.dials = channel.peer > links.self();
        this.backoff = new Backoff(links.settings().minBackoff(), links.settings().maxBackoff());
    }

    @Override
    public void run() {
        try {
            while (!links.closed()) {
                Connection c = dials ? dialAndStartReader() : channel.awaitAccepted();
                if (c == null) {
                    if (dials) {
                        channel.pause(backoff.nextMillis());
                    }
                    continue;
                }
                boolean wasUp = session(c);
                channel.lost(c);
                if (dials) {
                    if (wasUp) {
                        backoff.reset();
                    }
                    channel.pause(backoff.nextMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "link task for server " + channel.peer + " failed", e);
        }
    }

    /** HELLO, then batches until the connection dies; true if the peer's HELLO came. */
    private boolean session(Connection c) throws InterruptedException {
        try {
            long[] state = channel.helloState();
            channel.wrote(LinkFrames.writeHello(c.out, links.incarnation(), state[0], state[1]));
            c.out.flush();
            c.lastWriteNanos = System.nanoTime();
            if (!channel.awaitHello(c)) {
                return false;
            }
            boolean dirty = false;
            while (true) {
                int n = channel.take(c, batch, firstSeq, dirty);
                if (n == PeerChannel.PING_DUE) {
                    channel.wrote(LinkFrames.writePing(c.out));
                    c.out.flush();
                    c.lastWriteNanos = System.nanoTime();
                    continue;
                }
                if (n < 0) {
                    return true;
                }
                long bytes = 0;
                long delivered = channel.lastDelivered();
                if (delivered > c.ackSent) {
                    bytes += LinkFrames.writeAck(c.out, delivered);
                    c.ackSent = delivered;
                }
                for (int i = 0; i < n; i++) {
                    bytes += LinkFrames.writeData(c.out, firstSeq[0] + i, batch[i]);
                    batch[i] = null;
                }
                channel.wrote(bytes);
                dirty = bytes > 0;
                if (n == 0 && bytes == 0) {
                    c.out.flush();
                    c.lastWriteNanos = System.nanoTime();
                }
            }
        } catch (IOException e) {
            if (!c.closed()) {
                LOG.fine(() -> "writing to " + c + " failed: " + e);
            }
            return c.helloReceived;
        } finally {
            java.util.Arrays.fill(batch, null);
        }
    }

    /** One dial attempt; the connection is installed and its reader started, or null. */
    private Connection dialAndStartReader() {
        InetSocketAddress address = links.settings().peers().get(channel.peer);
        if (address.isUnresolved()) {
            address = new InetSocketAddress(address.getHostString(), address.getPort());
            if (address.isUnresolved()) {
                LOG.fine(() -> "cannot resolve server " + channel.peer + "'s host " + links.settings().peers()
                        .get(channel.peer).getHostString());
                return null;
            }
        }
        Socket raw = new Socket();
        if (!channel.dialling(raw)) {
            return null;
        }
        try {
            raw.connect(address, PeerLinks.HANDSHAKE_TIMEOUT_MILLIS);
            PeerLinks.tune(raw);
            SSLSocket tls = links.tls().wrap(raw, true);
            tls.startHandshake();
            int id = links.tls().memberOf(tls.getSession());
            if (id != channel.peer) {
                channel.rejected();
                LOG.warning("server at " + address + " presented server " + id + "'s certificate, not server "
                        + channel.peer + "'s: not linking");
                Connection.closeQuietly(raw);
                return null;
            }
            raw.setSoTimeout(links.idleTimeoutMillis());
            Connection c = new Connection(channel.peer, raw, tls);
            links.logProtocol(c);
            if (!channel.install(c)) {
                return null;
            }
            try {
                links.start(() -> LinkReader.run(channel, c));
            } catch (RejectedExecutionException e) {
                LOG.warning("executor refused the reader of " + c + "; retrying");
                channel.lost(c);
                return null;
            }
            return c;
        } catch (IOException | java.security.GeneralSecurityException e) {
            Connection.closeQuietly(raw);
            LOG.fine(() -> "dialling server " + channel.peer + " failed: " + e);
            return null;
        } finally {
            channel.dialling(null);
        }
    }
}
