package org.sintraee.runtime.link;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.ssl.SSLSocket;

/**
 * One authenticated TLS connection to a peer. Its reader task reads, its peer's writer task
 * writes; {@link #abort()} closes the raw TCP socket, which unblocks both at once (closing the
 * TLS socket could wait for a writer stuck on a peer that does not read).
 */
final class Connection {
    private static final int BUFFER_BYTES = 64 * 1024;

    final int peer;
    final Socket raw;
    final SSLSocket tls;
    final DataInputStream in;
    final DataOutputStream out;
    final SocketAddress remote;
    final String protocol;

    /* Guarded by the PeerChannel's lock. */
    boolean helloReceived;
    long peerKnowsMyIncarnation;
    long peerLastDelivered;
    private volatile boolean closed;

    /* Only the writer task touches these. */
    long ackSent;
    /** System.nanoTime() of the last flush of frames, for the heartbeat. */
    long lastWriteNanos = System.nanoTime();

    Connection(int peer, Socket raw, SSLSocket tls) throws IOException {
        this.peer = peer;
        this.raw = raw;
        this.tls = tls;
        this.remote = raw.getRemoteSocketAddress();
        this.protocol = tls.getSession().getProtocol();
        this.in = new DataInputStream(new BufferedInputStream(tls.getInputStream(), BUFFER_BYTES));
        this.out = new DataOutputStream(new BufferedOutputStream(tls.getOutputStream(), BUFFER_BYTES));
    }

    boolean closed() {
        return closed;
    }

    void abort() {
        closed = true;
        closeQuietly(raw);
    }

    static void closeQuietly(java.io.Closeable s) {
        try {
            s.close();
        } catch (IOException | RuntimeException ignored) {
            // closing for cleanup: nothing left to do about a failure
        }
    }

    @Override
    public String toString() {
        return "connection to server " + peer + " at " + remote;
    }
}
