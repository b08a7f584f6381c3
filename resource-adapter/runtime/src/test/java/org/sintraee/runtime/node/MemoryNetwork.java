package org.sintraee.runtime.node;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.crypto.DecryptionKey;
import org.sintraee.protocol.crypto.ThresholdDecryption;
import org.sintraee.protocol.crypto.shoup.ShoupKeySet;
import org.sintraee.protocol.sim.Contexts;
import org.sintraee.runtime.journal.FsyncPolicy;
import org.sintraee.runtime.journal.Journal;

/**
 * n nodes wired in memory: one queue and one pump task per ordered pair, like a link (the
 * sender never blocks; a full mailbox share blocks only that pair's pump). A per-sender
 * transform can drop (null) or garble outbound frames. Every thread comes from one executor.
 */
final class MemoryNetwork implements AutoCloseable {
    static final int N = 4;
    static final int T = 1;
    private static final byte[] POISON = new byte[0];

    final ExecutorService executor = Executors.newCachedThreadPool();
    final List<ServerContext> contexts = Contexts.mock(N, T);
    final Node[] nodes = new Node[N + 1]; // volatile enough: tests set them before start or through restart
    final Journal[] journals = new Journal[N + 1];
    /** The service's threshold RSA key; nodes built while it is set can certify. */
    volatile ShoupKeySet serviceKeys;
    /** The service's threshold encryption and every server's key (index i-1: server i); nodes built while set open encrypted requests. */
    volatile ThresholdDecryption encryption;
    volatile List<DecryptionKey> decryptionKeys;
    /** Per node, the delivered requests by seq, as its listener saw them. */
    final Map<Integer, List<byte[]>> deliveries = new ConcurrentHashMap<>();
    private final Map<Integer, UnaryOperator<byte[]>> transforms = new ConcurrentHashMap<>();
    /** Nodes whose inbound frames are dropped (cut off). */
    private final Set<Integer> cut = ConcurrentHashMap.newKeySet();
    /** Per receiver, frames to drop on the way in (true: dropped). */
    private final Map<Integer, java.util.function.Predicate<byte[]>> inboundDrops = new ConcurrentHashMap<>();
    private final List<LinkedBlockingQueue<byte[]>> queues = new ArrayList<>();

    /** All n nodes built on dir with the service's threshold key: they certify (order certificates, checkpoints). */
    static MemoryNetwork certifying(ShoupKeySet keys, Path dir, NodeSettings settings) throws IOException {
        MemoryNetwork net = new MemoryNetwork();
        net.serviceKeys = keys;
        for (int i = 1; i <= N; i++) {
            net.build(i, dir, settings);
        }
        return net;
    }

    /** Frames sent by {@code sender} go through {@code transform} (null result: dropped). */
    void transform(int sender, UnaryOperator<byte[]> transform) {
        transforms.put(sender, transform);
    }

    /** Frames to node {@code to} that {@code drop} accepts are dropped; null removes the filter. */
    void dropInbound(int to, java.util.function.Predicate<byte[]> drop) {
        if (drop == null) {
            inboundDrops.remove(to);
        } else {
            inboundDrops.put(to, drop);
        }
    }

    /** Drops every frame to node i while {@code off} (it still sends). */
    void cut(int i, boolean off) {
        if (off) {
            cut.add(i);
        } else {
            cut.remove(i);
        }
    }

    /**
     * Builds node i on an ALWAYS journal in dir/n{i} (resuming whatever it holds: the listener's
     * list starts empty and sees the whole sequence again); {@code durability} may wrap the journal (tests).
     */
    Node build(int i, Path dir, NodeSettings settings, UnaryOperator<Durability> durability, Outbox extra,
               DeliveryListener extraListener) throws IOException {
        journals[i] = Journal.open(dir.resolve("n" + i), FsyncPolicy.ALWAYS);
        List<byte[]> seen = Collections.synchronizedList(new ArrayList<>());
        deliveries.put(i, seen);
        Outbox out = (peer, frame) -> {
            extra.send(peer, frame);
            UnaryOperator<byte[]> t = transforms.get(i);
            byte[] f = t == null ? frame : t.apply(frame);
            if (f != null) {
                queue(i, peer).add(f);
            }
        };
        DeliveryListener listener = (seq, round, request) -> {
            extraListener.delivered(seq, round, request);
            if (seq != seen.size()) {
                throw new AssertionError("node " + i + " got seq " + seq + " after " + seen.size());
            }
            seen.add(request);
        };
        nodes[i] = new Node(contexts.get(i - 1), settings, durability.apply(Durability.of(journals[i])),
                journals[i], out, listener, serviceKeys == null ? null : serviceKeys.share(i),
                encryption, encryption == null ? null : decryptionKeys.get(i - 1));
        return nodes[i];
    }

    Node build(int i, Path dir, NodeSettings settings) throws IOException {
        return build(i, dir, settings, d -> d, (p, f) -> { }, (s, r, q) -> { });
    }

    /** Stops node i and closes its journal (a crash after its last sync), leaving the others running. */
    void stop(int i) throws IOException {
        Node old = nodes[i];
        nodes[i] = null;
        old.close();
        journals[i].close();
        journals[i] = null;
    }

    /** Rebuilds node i on its journal (after {@link #stop}) and starts it. */
    Node restart(int i, Path dir, NodeSettings settings) throws IOException {
        build(i, dir, settings);
        nodes[i].start(executor);
        return nodes[i];
    }

    /** Starts the pumps and every built node's loop. */
    void start() {
        for (int from = 1; from <= N; from++) {
            for (int to = 1; to <= N; to++) {
                LinkedBlockingQueue<byte[]> q = new LinkedBlockingQueue<>();
                queues.add(q);
                if (from != to) {
                    int f = from;
                    int t = to;
                    executor.execute(() -> pump(f, t, q));
                }
            }
        }
        for (int i = 1; i <= N; i++) {
            if (nodes[i] != null) {
                nodes[i].start(executor);
            }
        }
    }

    private LinkedBlockingQueue<byte[]> queue(int from, int to) {
        return queues.get((from - 1) * N + (to - 1));
    }

    private void pump(int from, int to, LinkedBlockingQueue<byte[]> q) {
        try {
            for (byte[] f = q.take(); f != POISON; f = q.take()) {
                Node target = nodes[to];
                java.util.function.Predicate<byte[]> drop = inboundDrops.get(to);
                if (target != null && !cut.contains(to) && (drop == null || !drop.test(f))) {
                    target.received(from, f);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Submits {@code prefix + " " + k} for k in from .. from + count - 1, one after another
     * (so they spread over many rounds), in turn at the servers {@code at}.
     */
    void submitInTurn(String prefix, int from, int count, int... at) throws Exception {
        for (int k = from; k < from + count; k++) {
            byte[] request = (prefix + " " + k).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            nodes[at[k % at.length]].submit(request).get(60, TimeUnit.SECONDS);
        }
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5); // polling a condition, not synchronising on time
        }
    }

    /** Closes the nodes, stops the pumps, and checks that the executor drains without interrupts. */
    @Override
    public void close() throws Exception {
        for (int i = 1; i <= N; i++) {
            if (nodes[i] != null) {
                nodes[i].close();
            }
        }
        for (LinkedBlockingQueue<byte[]> q : queues) {
            q.add(POISON);
        }
        executor.shutdown();
        boolean drained = executor.awaitTermination(30, TimeUnit.SECONDS);
        for (int i = 1; i <= N; i++) {
            if (journals[i] != null) {
                journals[i].close();
            }
        }
        if (!drained) {
            executor.shutdownNow();
            throw new AssertionError("the executor did not drain");
        }
    }
}
