package org.sintraee.runtime.replica;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sintraee.api.CheckpointCertificate;
import org.sintraee.runtime.client.DeliveryChain;
import org.sintraee.runtime.client.ReplicaState;
import org.sintraee.runtime.keys.HostPort;
import org.sintraee.runtime.keys.KeyFileException;
import org.sintraee.runtime.keys.KeyFiles;
import org.sintraee.runtime.keys.PublicKeys;
import org.sintraee.runtime.keys.ServerKeys;
import org.sintraee.runtime.node.Node;
import org.sintraee.runtime.node.NodeMetrics;
import org.sintraee.runtime.node.NodeSettings;
import org.sintraee.runtime.node.Outbox;

/**
 * One standalone replica: a {@link ReplicaEngine} (journal, node loop, TLS peer links) from
 * the key files, plus the client port, the delivery chain fed by the node's deliveries, and a
 * status task that rewrites the status file every {@value #STATUS_PERIOD_MS} ms. Every thread comes from the executor given to
 * {@link #start}: 3 + 2(n - 1) for the links and node, 2 for the client port and status,
 * and one per client connection.
 */
public final class Replica implements Closeable {
    static final long STATUS_PERIOD_MS = 200;
    private static final int CHAIN_WINDOW = 1 << 16;
    private static final Logger LOG = Logger.getLogger(Replica.class.getName());

    private final ReplicaOptions options;
    private final DeliveryChain chain = new DeliveryChain(CHAIN_WINDOW);
    private volatile ReplicaEngine engine;
    private volatile ClientEndpoint clients;
    private volatile boolean closed;

    private Replica(ReplicaOptions options) {
        this.options = options;
    }

    /** Loads and checks the key files, opens the journal, and starts everything on {@code executor}. */
    public static Replica start(ReplicaOptions options, Executor executor) throws IOException, KeyFileException {
        return start(options, executor, UnaryOperator.identity());
    }

    /**
     * Test hook: as {@link #start(ReplicaOptions, Executor)}, with every frame the node sends
     * to a peer passed through {@code outboxFilter} (it wraps the links' outbox), so a test can
     * make this server Byzantine on the wire while it keeps its real keys and protocol state.
     */
    static Replica start(ReplicaOptions options, Executor executor, UnaryOperator<Outbox> outboxFilter)
            throws IOException, KeyFileException {
        PublicKeys publicKeys = KeyFiles.loadPublic(options.publicFile());
        ServerKeys keys = KeyFiles.loadPrivate(options.privateFile(), publicKeys);
        EngineSettings settings = new EngineSettings(options.listen(), options.dataDir(), options.batchSize(),
                options.fsync(), NodeSettings.Order.parse(options.order()));
        Replica r = new Replica(options);
        r.engine = ReplicaEngine.start(publicKeys, keys, settings, executor, r::delivered, outboxFilter);
        try {
            HostPort me = publicKeys.member(keys.id()).address();
            HostPort client = options.client().orElse(new HostPort("127.0.0.1", me.port() + ReplicaOptions.CLIENT_PORT_OFFSET));
            r.clients = ClientEndpoint.open(new InetSocketAddress(client.host(), client.port()), r.service(), executor);
            executor.execute(r::statusLoop);
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
        LOG.log(Level.INFO, "server {0} of {1} started: peers on {2}, clients on {3}, journal in {4}",
                new Object[] {r.id(), publicKeys.servers(), r.engine.peerAddress(), r.clients.localAddress(),
                        options.dataDir()});
        return r;
    }

    /** On the node loop, after the delivery is durable. */
    private void delivered(long seq, long round, byte[] request) {
        synchronized (chain) {
            chain.append(seq, request);
        }
    }

    public int id() {
        return engine.id();
    }

    public Node node() {
        return engine.node();
    }

    /** Links to at least n - t - 1 peers are up: with this server, a quorum can make progress. */
    public boolean ready() {
        return !closed && engine.ready();
    }

    public ReplicaState state() {
        NodeMetrics m = engine.node().metrics();
        synchronized (chain) {
            return new ReplicaState(ready(), m.round(), chain.count(), chain.current());
        }
    }

    private ClientService service() {
        return new ClientService() {
            @Override
            public CompletableFuture<Long> submit(byte[] request) {
                return engine.node().submit(request);
            }

            @Override
            public ReplicaState state() {
                return Replica.this.state();
            }

            @Override
            public Optional<byte[]> chainAfter(long count) {
                synchronized (chain) {
                    return chain.after(count);
                }
            }

            @Override
            public int maxRequestBytes() {
                return NodeSettings.defaults().maxRequestBytes();
            }
        };
    }

    private void statusLoop() {
        while (!closed) {
            writeStatus();
            try {
                Thread.sleep(STATUS_PERIOD_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void writeStatus() {
        NodeMetrics m = engine.node().metrics();
        String state = closed ? "stopped" : m.failure().isPresent() ? "failed" : ready() ? "ready" : "starting";
        try {
            StatusFile.write(options.statusPath(), new StatusFile.Status(id(), state, engine.linksUp(), m.round(),
                    m.delivered(), m.checkpoint().map(CheckpointCertificate::round).orElse(-1L),
                    engine.peerAddress().getPort(),
                    clients == null ? 0 : clients.localAddress().getPort(), ProcessHandle.current().pid(),
                    m.peers().stream().mapToLong(NodeMetrics.PeerMetrics::bytesOut).sum(), heapUsedMb(),
                    m.failure().orElse(""), faultsByPeer(m)));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot write the status file {0}: {1}", new Object[] {options.statusPath(), e.toString()});
        }
    }

    /** Faults this server attributed to each peer, all kinds summed. */
    private static Map<Integer, Long> faultsByPeer(NodeMetrics m) {
        Map<Integer, Long> faults = new TreeMap<>();
        for (NodeMetrics.PeerMetrics p : m.peers()) {
            faults.put(p.peer(), p.faultCount());
        }
        return faults;
    }

    private static long heapUsedMb() {
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }

    Path statusPath() {
        return options.statusPath();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (clients != null) {
                clients.close();
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the client port: {0}", e.toString());
        }
        engine.close();
        writeStatus();
    }
}
