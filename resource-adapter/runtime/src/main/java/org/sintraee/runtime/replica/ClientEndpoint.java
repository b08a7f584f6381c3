package org.sintraee.runtime.replica;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sintraee.runtime.client.ClientFrames;
import org.sintraee.runtime.client.RefusedException;
import org.sintraee.runtime.client.ReplicaState;
import org.sintraee.runtime.node.NodeBusyException;

/**
 * The replica's client port (protocol in {@link ClientFrames}). One accept task, and one
 * reader task per connection, all on the executor given; at most {@link #MAX_CONNECTIONS}
 * connections, each with at most {@link #MAX_OUTSTANDING} undelivered submissions (more are
 * refused as busy), so a client cannot exhaust memory. A malformed frame closes that
 * connection only.
 */
final class ClientEndpoint implements Closeable {
    static final int MAX_CONNECTIONS = 64;
    static final int MAX_OUTSTANDING = 20_000;
    private static final Logger LOG = Logger.getLogger(ClientEndpoint.class.getName());

    private final ServerSocket server;
    private final ClientService service;
    private final Executor executor;
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private ClientEndpoint(ServerSocket server, ClientService service, Executor executor) {
        this.server = server;
        this.service = service;
        this.executor = executor;
    }

    /** Binds and starts accepting (one task now, one more per connection). */
    static ClientEndpoint open(InetSocketAddress address, ClientService service, Executor executor) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(address, 128);
        ClientEndpoint e = new ClientEndpoint(s, service, executor);
        executor.execute(e::acceptLoop);
        return e;
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                if (!slots.tryAcquire()) {
                    LOG.log(Level.WARNING, "client port: refusing {0}, {1} connections open",
                            new Object[] {s.getRemoteSocketAddress(), MAX_CONNECTIONS});
                    s.close();
                    continue;
                }
                open.add(s);
                executor.execute(() -> serve(s));
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "client port accept failed: {0}", e.toString());
                }
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            Connection c = new Connection(new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 64 * 1024)));
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream(), 64 * 1024));
            ClientFrames.Frame f;
            while ((f = ClientFrames.read(in, 8 + service.maxRequestBytes())) != null) {
                c.handle(f);
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                LOG.log(Level.FINE, "client connection from {0} closed: {1}",
                        new Object[] {s.getRemoteSocketAddress(), e.toString()});
            }
        } finally {
            open.remove(s);
            slots.release();
        }
    }

    /** One client connection's answers; writes are serialised on the stream. */
    private final class Connection {
        private final DataOutputStream out;
        private final Semaphore outstanding = new Semaphore(MAX_OUTSTANDING);

        Connection(DataOutputStream out) {
            this.out = out;
        }

        void handle(ClientFrames.Frame f) throws IOException {
            if (f.body().length < 8) {
                throw new IOException("frame without a call id");
            }
            ByteBuffer body = ByteBuffer.wrap(f.body());
            long id = body.getLong();
            switch (f.type()) {
                case ClientFrames.SUBMIT -> submit(id, java.util.Arrays.copyOfRange(f.body(), 8, f.body().length));
                case ClientFrames.STATUS -> answer(ClientFrames.STATUS_REPLY, id, state(service.state()));
                case ClientFrames.CHAIN -> {
                    long count = body.remaining() >= 8 ? body.getLong() : -1;
                    ByteBuffer a = ByteBuffer.allocate(40).putLong(count);
                    service.chainAfter(count).ifPresentOrElse(a::put, () -> a.limit(8));
                    byte[] bytes = new byte[a.flip().remaining()];
                    a.get(bytes);
                    answer(ClientFrames.CHAIN_REPLY, id, bytes);
                }
                default -> throw new IOException("unknown frame type " + f.type());
            }
        }

        private void submit(long id, byte[] request) throws IOException {
            if (!outstanding.tryAcquire()) {
                refuse(id, true, MAX_OUTSTANDING + " submissions outstanding on this connection");
                return;
            }
            service.submit(request).whenComplete((seq, error) -> {
                outstanding.release();
                try {
                    if (error == null) {
                        answer(ClientFrames.DONE, id, ByteBuffer.allocate(8).putLong(seq).array());
                    } else {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error;
                        boolean busy = cause instanceof NodeBusyException || cause instanceof RefusedException r && r.busy();
                        refuse(id, busy, String.valueOf(cause.getMessage()));
                    }
                } catch (IOException e) {
                    LOG.log(Level.FINE, "client went away before its answer: {0}", e.toString());
                }
            });
        }

        private void refuse(long id, boolean busy, String reason) throws IOException {
            byte[] text = reason.getBytes(StandardCharsets.UTF_8);
            answer(ClientFrames.REFUSED, id, ByteBuffer.allocate(1 + text.length).put((byte) (busy ? 1 : 0)).put(text).array());
        }

        private void answer(int type, long id, byte[] rest) throws IOException {
            byte[] body = ByteBuffer.allocate(8 + rest.length).putLong(id).put(rest).array();
            synchronized (out) {
                ClientFrames.write(out, type, body);
                out.flush();
            }
        }
    }

    private static byte[] state(ReplicaState s) {
        return ByteBuffer.allocate(1 + 8 + 8 + 32).put((byte) (s.ready() ? 1 : 0)).putLong(s.round())
                .putLong(s.delivered()).put(s.chain()).array();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
