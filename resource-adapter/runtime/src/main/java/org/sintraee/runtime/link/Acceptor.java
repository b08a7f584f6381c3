package org.sintraee.runtime.link;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.net.ssl.SSLSocket;

/**
 * Accepts TCP connections and authenticates each in its own task, which then becomes that
 * connection's reader. Only members with a lower id may dial us (the lower id always dials),
 * so an accepted member connection belongs to the peer whose pinned certificate the client
 * presented. At most {@link #maxHandshakes} handshakes run at once, each bounded by a timeout,
 * so strangers cannot pile up tasks or sockets.
 */
final class Acceptor implements Runnable {
    private static final Logger LOG = Logger.getLogger(Acceptor.class.getName());

    private final PeerLinks links;
    private final ServerSocket server;
    private final Semaphore handshakes;
    private final int maxHandshakes;
    private final Set<Socket> unauthenticated = ConcurrentHashMap.newKeySet();
    private final AtomicLong rejected = new AtomicLong();

    Acceptor(PeerLinks links, ServerSocket server, int maxHandshakes) {
        this.links = links;
        this.server = server;
        this.maxHandshakes = maxHandshakes;
        this.handshakes = new Semaphore(maxHandshakes);
    }

    long rejected() {
        return rejected.get();
    }

    @Override
    public void run() {
        while (!links.closed()) {
            Socket raw;
            try {
                raw = server.accept();
            } catch (IOException e) {
                if (!links.closed()) {
                    LOG.warning("accepting links failed: " + e);
                    pauseAfterFailure();
                }
                continue;
            }
            if (!handshakes.tryAcquire()) {
                reject(raw, raw.getRemoteSocketAddress(), "more than " + maxHandshakes + " handshakes at once");
                continue;
            }
            unauthenticated.add(raw);
            try {
                links.start(() -> authenticate(raw));
            } catch (RejectedExecutionException e) {
                unauthenticated.remove(raw);
                handshakes.release();
                reject(raw, raw.getRemoteSocketAddress(), "the executor refused a task");
            }
        }
    }

    /** close(): cut the handshakes in progress. */
    void shutdown() {
        for (Socket s : unauthenticated) {
            Connection.closeQuietly(s);
        }
    }

    private void authenticate(Socket raw) {
        SocketAddress from = raw.getRemoteSocketAddress();
        Connection c;
        try {
            if (links.closed()) {
                Connection.closeQuietly(raw);
                return;
            }
            PeerLinks.tune(raw);
            SSLSocket tls = links.tls().wrap(raw, false);
            tls.startHandshake();
            int id = links.tls().memberOf(tls.getSession());
            if (id == 0) {
                reject(raw, from, "not a member");
                return;
            }
            if (id > links.self()) {
                links.channel(id).rejected();
                reject(raw, from, "server " + id + " dialled, but only lower ids dial server " + links.self());
                return;
            }
            raw.setSoTimeout(links.idleTimeoutMillis());
            c = new Connection(id, raw, tls);
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
            reject(raw, from, e.toString());
            return;
        } finally {
            unauthenticated.remove(raw);
            handshakes.release();
        }
        links.logProtocol(c);
        PeerChannel channel = links.channel(c.peer);
        if (channel.install(c)) {
            LinkReader.run(channel, c);
        }
    }

    private void reject(Socket raw, SocketAddress from, String why) {
        Connection.closeQuietly(raw);
        if (!links.closed()) {
            rejected.incrementAndGet();
            LOG.warning("rejected link connection from " + from + ": " + why);
        }
    }

    /** E.g. out of file descriptors: do not spin. */
    private void pauseAfterFailure() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
