package org.sintraee.runtime.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test fixture: a loopback TCP proxy to one target. {@link #freeze()} makes every connection
 * open now go silent, as a crashed host or a partition without resets would: the proxy stops
 * forwarding in both directions and drops what it reads, but closes nothing. Connections
 * accepted afterwards are forwarded normally. Its tasks run on the given executor.
 */
final class FreezingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress target;
    private final ExecutorService executor;
    private final List<Pair> pairs = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean closed;

    private static final class Pair {
        final Socket a;
        final Socket b;
        volatile boolean frozen;

        Pair(Socket a, Socket b) {
            this.a = a;
            this.b = b;
        }
    }

    FreezingProxy(InetSocketAddress target, ExecutorService executor) throws IOException {
        this.target = target;
        this.executor = executor;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        executor.execute(this::acceptLoop);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /** Connections accepted so far. */
    int accepted() {
        return accepted.get();
    }

    /** Every connection open now goes silent (and stays open). */
    void freeze() {
        for (Pair p : pairs) {
            p.frozen = true;
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                forward(server.accept());
            } catch (IOException e) {
                // closed, or one failed accept: the loop condition decides
            }
        }
    }

    /** Connects {@code a} to the target and starts both pumps; if the target refuses, so do we. */
    private void forward(Socket a) {
        Socket b = new Socket();
        try {
            b.connect(target, 10_000);
        } catch (IOException e) {
            Connection.closeQuietly(b);
            Connection.closeQuietly(a); // as a refused connect would: the dialler retries soon
            return;
        }
        Pair p = new Pair(a, b);
        pairs.add(p);
        accepted.incrementAndGet();
        executor.execute(() -> pump(p, a, b));
        executor.execute(() -> pump(p, b, a));
    }

    private void pump(Pair p, Socket from, Socket to) {
        byte[] buf = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (p.frozen) {
                    break; // silent from now on: stop reading, drop this chunk, close nothing
                }
                out.write(buf, 0, n);
                out.flush();
            }
            if (!p.frozen) {
                closeQuietly(p);
            }
        } catch (IOException e) {
            if (!p.frozen) {
                closeQuietly(p);
            }
        }
    }

    private static void closeQuietly(Pair p) {
        Connection.closeQuietly(p.a);
        Connection.closeQuietly(p.b);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Pair p : pairs) {
            closeQuietly(p);
        }
    }
}
