package org.sintraee.runtime.client;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A pipelined client of one replica's client port (see {@link ClientFrames}). Calls may be
 * made from any thread; answers complete their futures on the reader task, which runs on
 * the executor given to {@link #connect}. A lost connection fails every pending call.
 */
public final class SintraClient implements Closeable {
    private static final int MAX_ANSWER = 64 * 1024;

    private final Socket socket;
    private final DataOutputStream out;
    private final DataInputStream in;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<byte[]>> pending = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private SintraClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 64 * 1024));
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
    }

    /** Connects and starts the reader as one task on {@code executor}. */
    public static SintraClient connect(InetSocketAddress replica, Executor executor) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(replica, 10_000);
        SintraClient c = new SintraClient(s);
        executor.execute(c::readLoop);
        return c;
    }

    /** Submits a request; completes with its seq once this replica delivered it, or with {@link RefusedException}. */
    public CompletableFuture<Long> submit(byte[] request) {
        return call(ClientFrames.SUBMIT, request).thenApply(body -> ByteBuffer.wrap(body).getLong());
    }

    /** The replica's readiness, round, delivered count and chain. */
    public CompletableFuture<ReplicaState> status() {
        return call(ClientFrames.STATUS, new byte[0]).thenApply(body -> {
            ByteBuffer b = ByteBuffer.wrap(body);
            boolean ready = b.get() != 0;
            long round = b.getLong();
            long delivered = b.getLong();
            byte[] chain = new byte[32];
            b.get(chain);
            return new ReplicaState(ready, round, delivered, chain);
        });
    }

    /** The replica's delivery chain after its first {@code count} deliveries, if it still holds it. */
    public CompletableFuture<Optional<byte[]>> chain(long count) {
        byte[] arg = ByteBuffer.allocate(8).putLong(count).array();
        return call(ClientFrames.CHAIN, arg).thenApply(body -> body.length >= 40
                ? Optional.of(Arrays.copyOfRange(body, 8, 40)) : Optional.empty());
    }

    private CompletableFuture<byte[]> call(int type, byte[] argument) {
        long id = ids.incrementAndGet();
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        pending.put(id, f);
        byte[] body = ByteBuffer.allocate(8 + argument.length).putLong(id).put(argument).array();
        try {
            synchronized (out) {
                ClientFrames.write(out, type, body);
                out.flush();
            }
        } catch (IOException e) {
            pending.remove(id);
            f.completeExceptionally(e);
        }
        if (closed) {
            failAll(new IOException("client closed"));
        }
        return f;
    }

    private void readLoop() {
        IOException failure = new IOException("connection closed by the replica");
        try {
            ClientFrames.Frame f;
            while ((f = ClientFrames.read(in, MAX_ANSWER)) != null) {
                answer(f);
            }
        } catch (IOException | RuntimeException e) {
            failure = new IOException("connection to the replica failed: " + e.getMessage(), e);
        } finally {
            closed = true;
            failAll(failure);
        }
    }

    private void answer(ClientFrames.Frame f) throws IOException {
        if (f.body().length < 8) {
            throw new IOException("answer without a call id");
        }
        ByteBuffer b = ByteBuffer.wrap(f.body());
        CompletableFuture<byte[]> call = pending.remove(b.getLong());
        if (call == null) {
            return; // an answer to nothing we asked: ignore
        }
        byte[] rest = Arrays.copyOfRange(f.body(), 8, f.body().length);
        if (f.type() == ClientFrames.REFUSED && rest.length >= 1) {
            call.completeExceptionally(new RefusedException(rest[0] != 0,
                    new String(rest, 1, rest.length - 1, StandardCharsets.UTF_8)));
        } else {
            call.complete(rest);
        }
    }

    private void failAll(IOException e) {
        for (Long id : pending.keySet()) {
            CompletableFuture<byte[]> f = pending.remove(id);
            if (f != null) {
                f.completeExceptionally(e);
            }
        }
    }

    /** Outstanding calls. */
    public int pending() {
        return pending.size();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        socket.close();
        failAll(new IOException("client closed"));
    }
}
