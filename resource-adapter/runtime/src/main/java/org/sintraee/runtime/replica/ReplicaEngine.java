package org.sintraee.runtime.replica;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.crypto.sig.MemoizedVerifier;
import org.sintraee.protocol.quorum.Quorums;
import org.sintraee.runtime.journal.Journal;
import org.sintraee.runtime.keys.HostPort;
import org.sintraee.runtime.keys.PublicKeys;
import org.sintraee.runtime.keys.ServerKeys;
import org.sintraee.runtime.link.LinkStatus;
import org.sintraee.runtime.link.PeerLinks;
import org.sintraee.runtime.node.DeliveryListener;
import org.sintraee.runtime.node.Node;
import org.sintraee.runtime.node.NodeMetrics;
import org.sintraee.runtime.node.Outbox;

/**
 * The replica's engine, reusable inside and outside an application server: from keys already
 * loaded it opens the journal, builds the node and links it to its peers over TLS. The caller
 * owns everything around it (the standalone replica adds the client port and the status file;
 * the resource adapter its connections).
 *
 * <p>Threads: every task runs on the executor given to {@link #start}; it needs 1 (node loop)
 * + 1 (link acceptor) + 2(n - 1) (one writer and one reader per peer) + short-lived handshake
 * tasks, all long-lived until {@link #close()}, which waits for each of them to end.
 */
public final class ReplicaEngine implements Closeable {
    private static final Logger LOG = Logger.getLogger(ReplicaEngine.class.getName());

    private final PublicKeys publicKeys;
    private final ServerContext ctx;
    private final EngineSettings settings;
    private final Journal journal;
    private final Node node;
    private volatile PeerLinks links;
    private volatile boolean closed;

    private ReplicaEngine(PublicKeys publicKeys, ServerKeys keys, EngineSettings settings, Journal journal,
                          DeliveryListener listener, UnaryOperator<Outbox> outboxFilter) throws IOException {
        this.publicKeys = publicKeys;
        this.settings = settings;
        MemoizedVerifier verifier = new MemoizedVerifier(publicKeys.signatureVerifier(), MemoizedVerifier.DEFAULT_CAPACITY);
        this.ctx = new ServerContext(keys.id(), Quorums.threshold(publicKeys.servers(), publicKeys.faulty()),
                verifier.remembering(keys.signer()), verifier, publicKeys.coin(), keys.coinKey());
        this.journal = journal;
        // the node sends only after start(), by which time the links exist
        this.node = new Node(ctx, settings.nodeSettings(), journal,
                outboxFilter.apply((peer, frame) -> links.send(peer, frame)), listener, keys.serviceSignatureShare(),
                publicKeys.encryption(), keys.decryptionKey());
    }

    /**
     * Opens the journal in {@code settings.dataDir()}, binds the peer port and starts the node and
     * the links on {@code executor}. {@code listener} is called on the node loop after each delivery
     * is durable (first with the journal's earlier deliveries, from seq 0); it must not block long.
     *
     * @throws IOException              if the journal cannot be opened or the port cannot be bound
     * @throws IllegalArgumentException if the keys do not fit each other or the settings
     * @throws IllegalStateException    if the journal is not this server's
     */
    public static ReplicaEngine start(PublicKeys publicKeys, ServerKeys keys, EngineSettings settings,
                                      Executor executor, DeliveryListener listener) throws IOException {
        return start(publicKeys, keys, settings, executor, listener, UnaryOperator.identity());
    }

    /** As {@link #start(PublicKeys, ServerKeys, EngineSettings, Executor, DeliveryListener)}; see Replica's test hook. */
    static ReplicaEngine start(PublicKeys publicKeys, ServerKeys keys, EngineSettings settings, Executor executor,
                               DeliveryListener listener, UnaryOperator<Outbox> outboxFilter) throws IOException {
        Objects.requireNonNull(publicKeys, "publicKeys");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(outboxFilter, "outboxFilter");
        Journal journal = Journal.open(settings.dataDir(), settings.fsync());
        ReplicaEngine e;
        try {
            e = new ReplicaEngine(publicKeys, keys, settings, journal, listener, outboxFilter);
        } catch (RuntimeException ex) {
            journal.close();
            throw ex;
        }
        try {
            HostPort listen = settings.listen().orElse(publicKeys.member(keys.id()).address());
            e.links = PeerLinks.open(publicKeys, keys, new InetSocketAddress(listen.host(), listen.port()), executor,
                    e.node::received);
            e.node.start(executor);
        } catch (IOException | RuntimeException ex) {
            e.close();
            throw ex;
        }
        return e;
    }

    public int id() {
        return ctx.self();
    }

    public Node node() {
        return node;
    }

    /**
     * Reads journaled deliveries back by seq, for consumers that begin after the listener showed
     * them; bound each read by the seqs the listener has shown. Closed with the engine.
     */
    public org.sintraee.runtime.journal.DeliveryReader deliveryReader() throws IOException {
        return journal.deliveryReader();
    }

    /**
     * The order certificate of delivered {@code seq}, signed by the service's one threshold RSA
     * key ({@link #serviceKey()}); see {@link Node#certify} for when it completes or fails.
     */
    public java.util.concurrent.CompletableFuture<org.sintraee.api.OrderCertificate> certify(long seq) {
        return node.certify(seq);
    }

    /** The service's public RSA key: what order certificates verify against. */
    public java.security.PublicKey serviceKey() {
        return publicKeys.serviceSignature().toJcaPublicKey();
    }

    public PublicKeys publicKeys() {
        return publicKeys;
    }

    public EngineSettings settings() {
        return settings;
    }

    /** The bound peer port (with the OS-chosen port if the settings said 0). */
    public InetSocketAddress peerAddress() {
        return links.localAddress();
    }

    /** Links to at least quorum() - 1 peers are up: with this server, a quorum can make progress. */
    public boolean ready() {
        return !closed && node.metrics().failure().isEmpty() && linksUp() >= ctx.quorums().quorum() - 1;
    }

    public int linksUp() {
        return (int) linkUp().values().stream().filter(Boolean::booleanValue).count();
    }

    private Map<Integer, Boolean> linkUp() {
        PeerLinks l = links;
        Map<Integer, Boolean> up = new TreeMap<>();
        for (int peer = 1; peer <= publicKeys.servers(); peer++) {
            if (peer != id()) {
                up.put(peer, l != null && !closed && l.status(peer).up());
            }
        }
        return up;
    }

    /**
     * Per peer id (this server excluded): a snapshot of its link, for monitoring; empty before the
     * links are open. After {@link #close()} the last counters remain, but no link is up.
     */
    public Map<Integer, LinkStatus> linkStatuses() {
        PeerLinks l = links;
        Map<Integer, LinkStatus> statuses = new TreeMap<>();
        if (l != null) {
            for (int peer = 1; peer <= publicKeys.servers(); peer++) {
                if (peer != id()) {
                    statuses.put(peer, l.status(peer));
                }
            }
        }
        return statuses;
    }

    public EngineStatus status() {
        NodeMetrics m = node.metrics();
        return new EngineStatus(id(), ready(), m.round(), m.delivered(), linkUp(), m.failure(), closed);
    }

    /**
     * Stops the node (pending submissions fail, the journal is synced), closes the peer port and
     * every link, then the journal; returns once every task it ran has ended (each component
     * waits for its own, with a bound it logs if exceeded). Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        node.close();
        if (links != null) {
            links.close();
        }
        try {
            journal.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "server {0}: closing the journal: {1}", new Object[] {id(), e.toString()});
        }
    }
}
