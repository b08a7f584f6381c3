package org.sintraee.runtime.link;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sintraee.runtime.keys.Member;
import org.sintraee.runtime.keys.PublicKeys;
import org.sintraee.runtime.keys.ServerKeys;
import org.sintraee.runtime.wire.WireLimits;

/**
 * This server's authenticated, reliable links to the other n-1 servers (see the package
 * documentation for the guarantees and the frame format).
 *
 * <p>Connection direction: for each pair, the server with the lower id dials and the higher
 * one only accepts, so a pair has one TCP connection.
 *
 * <p>Threads: all from the given executor, which must run these tasks concurrently (a bounded
 * pool must be at least this large): 1 acceptor, n-1 peer tasks (dialling, then writing),
 * n-1 connection readers, plus at most 2n short-lived handshake tasks for incoming
 * connections (an accepted connection's handshake task becomes its reader): at most 4n-1, and
 * 2n-1 in the steady state. {@link #close()} ends them all.
 */
public final class PeerLinks implements Closeable {
    private static final Logger LOG = Logger.getLogger(PeerLinks.class.getName());
    /** Bounds TCP connect and the TLS handshake, so a silent stranger cannot hold a slot. */
    static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;
    private static final long CLOSE_WAIT_MILLIS = 10_000;

    private final LinkSettings settings;
    private final PinnedTls tls;
    private final Executor executor;
    private final Inbound inbound;
    private final long incarnation;
    private final Map<Integer, PeerChannel> channels = new HashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object tasksLock = new Object();
    private int tasks;
    private ServerSocket server;
    private Acceptor acceptor;

    private PeerLinks(LinkSettings settings, PinnedTls tls, Executor executor, Inbound inbound) {
        this.settings = settings;
        this.tls = tls;
        this.executor = executor;
        this.inbound = inbound;
        long inc;
        do {
            inc = new SecureRandom().nextLong();
        } while (inc == 0); // 0 means "none" in HELLO
        this.incarnation = inc;
        for (int id = 1; id <= settings.servers(); id++) {
            if (id != settings.self()) {
                channels.put(id, new PeerChannel(id, this, settings.maxQueuedBytesPerPeer()));
            }
        }
    }

    /**
     * Binds {@code settings.listen()} and starts linking.
     *
     * @param pinned every member's certificate, ids 1..n; {@code me}'s must be {@code settings.self()}'s
     * @throws IllegalArgumentException if the certificates do not match the settings
     * @throws IOException              if the listen address cannot be bound
     */
    public static PeerLinks open(LinkSettings settings, TlsIdentity me, Map<Integer, X509Certificate> pinned,
                                 Executor executor, Inbound inbound) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(me, "me");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(inbound, "inbound");
        if (!pinned.keySet().equals(settings.peers().keySet())) {
            throw new IllegalArgumentException("pinned certificates for " + pinned.keySet()
                    + " but members " + settings.peers().keySet());
        }
        PinnedTls tls;
        try {
            tls = new PinnedTls(settings.self(), me, pinned);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS 1.3: " + e.getMessage(), e);
        }
        PeerLinks links = new PeerLinks(settings, tls, executor, inbound);
        links.start(settings.servers());
        return links;
    }

    /** Links server {@code keys.id()} to the members of the public file, with default settings. */
    public static PeerLinks open(PublicKeys publicKeys, ServerKeys keys, InetSocketAddress listen, Executor executor,
                                 Inbound inbound) throws IOException {
        return open(LinkSettings.from(publicKeys, keys.id(), listen), TlsIdentity.of(keys),
                pinnedCertificates(publicKeys), executor, inbound);
    }

    /** Every member's pinned certificate by id. */
    public static Map<Integer, X509Certificate> pinnedCertificates(PublicKeys publicKeys) {
        Map<Integer, X509Certificate> pinned = new HashMap<>();
        for (Member m : publicKeys.members()) {
            pinned.put(m.id(), m.certificate());
        }
        return pinned;
    }

    private void start(int n) throws IOException {
        ServerSocket s = new ServerSocket();
        try {
            s.setReuseAddress(true);
            s.bind(settings.listen());
            server = s;
            acceptor = new Acceptor(this, s, 2 * n);
            start(acceptor);
            for (PeerChannel c : channels.values()) {
                start(new PeerTask(this, c));
            }
        } catch (IOException | RuntimeException e) {
            close();
            Connection.closeQuietly(s);
            throw e;
        }
    }

    /**
     * Queues {@code payload} for {@code peer} and returns at once. The array is handed over: do
     * not change it afterwards. Beyond the per-peer bound the oldest queued payloads are dropped.
     * Ignored after {@link #close()}.
     *
     * @throws IllegalArgumentException if {@code peer} is not another member or the payload is too large
     */
    public void send(int peer, byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        if (payload.length > WireLimits.MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes exceeds "
                    + WireLimits.MAX_FRAME_BYTES);
        }
        PeerChannel c = channel(peer);
        if (!closed()) {
            c.send(payload);
        }
    }

    /** @throws IllegalArgumentException if {@code peer} is not another member */
    public LinkStatus status(int peer) {
        return channel(peer).status();
    }

    /** Incoming connections refused before they were bound to a peer: strangers, bad handshakes, garbage. */
    public long rejectedConnections() {
        return acceptor == null ? 0 : acceptor.rejected();
    }

    /** The bound listen address (with the OS-chosen port if the settings said 0). */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /**
     * Closes the listen socket and every connection, and waits (up to 10 s) until every task it
     * started has ended. Unacknowledged payloads are lost. Idempotent. Must not be called from
     * the {@link Inbound} callback (it would wait for itself).
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (server != null) {
            Connection.closeQuietly(server);
        }
        if (acceptor != null) {
            acceptor.shutdown();
        }
        channels.values().forEach(PeerChannel::shutdown);
        long end = System.nanoTime() + CLOSE_WAIT_MILLIS * 1_000_000L;
        synchronized (tasksLock) {
            long left;
            while (tasks > 0 && (left = (end - System.nanoTime()) / 1_000_000L) > 0) {
                try {
                    tasksLock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (tasks > 0) {
                LOG.warning(tasks + " link tasks still running after close (an Inbound callback blocking?)");
            }
        }
    }

    /** Test hook: cuts every current connection, as a network failure would. */
    void dropConnections() {
        channels.values().forEach(PeerChannel::dropCurrent);
    }

    /** Test hook: the TLS protocol of the current connection to {@code peer}, or null. */
    String protocol(int peer) {
        return channel(peer).protocol();
    }

    // ---- for the package ----

    boolean closed() {
        return closed.get();
    }

    int self() {
        return settings.self();
    }

    long incarnation() {
        return incarnation;
    }

    LinkSettings settings() {
        return settings;
    }

    /** The read timeout of an established connection: see {@link LinkSettings#idleTimeout()}. */
    int idleTimeoutMillis() {
        return (int) settings.idleTimeout().toMillis();
    }

    PinnedTls tls() {
        return tls;
    }

    Inbound inbound() {
        return inbound;
    }

    PeerChannel channel(int peer) {
        PeerChannel c = channels.get(peer);
        if (c == null) {
            throw new IllegalArgumentException("server " + peer + " is not another member (self is "
                    + settings.self() + ", n = " + settings.servers() + ")");
        }
        return c;
    }

    /** Runs {@code task} on the executor, counted so close() can wait for it. */
    void start(Runnable task) {
        synchronized (tasksLock) {
            tasks++;
        }
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    synchronized (tasksLock) {
                        tasks--;
                        tasksLock.notifyAll();
                    }
                }
            });
        } catch (RuntimeException e) {
            synchronized (tasksLock) {
                tasks--;
                tasksLock.notifyAll();
            }
            throw e;
        }
    }

    void notifyChanged(int peer, boolean up) {
        try {
            inbound.linkChanged(peer, up);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the inbound linkChanged callback failed", e);
        }
    }

    void logProtocol(Connection c) {
        LOG.fine(() -> "server " + settings.self() + ": " + c + " uses " + c.protocol);
    }

    /** Socket options for a link; the read timeout bounds the handshake and is lifted after it. */
    static void tune(Socket raw) throws IOException {
        raw.setTcpNoDelay(true);
        raw.setKeepAlive(true);
        raw.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
    }
}
