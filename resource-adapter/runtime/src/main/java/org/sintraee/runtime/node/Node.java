package org.sintraee.runtime.node;

import java.io.Closeable;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sintraee.api.OrderCertificate;
import org.sintraee.protocol.abc.AbcMessage;
import org.sintraee.protocol.abc.AtomicBroadcast;
import org.sintraee.protocol.cert.CertMessage;
import org.sintraee.protocol.cert.RoundCertifier;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.DecryptionKey;
import org.sintraee.protocol.crypto.QuorumCertificate;
import org.sintraee.protocol.crypto.ThresholdDecryption;
import org.sintraee.protocol.crypto.Verdict;
import org.sintraee.protocol.crypto.shoup.ShoupKeyShare;
import org.sintraee.protocol.scabc.ScabcClient;
import org.sintraee.protocol.scabc.ScabcDecryption;
import org.sintraee.protocol.scabc.ScabcMessage;
import org.sintraee.runtime.journal.Journal;
import org.sintraee.runtime.journal.OpenedRecords;
import org.sintraee.runtime.wire.CatchUpMessage;
import org.sintraee.runtime.wire.WireCodec;
import org.sintraee.runtime.wire.WireLimits;

/**
 * One replica's atomic broadcast on a single loop task (see package-info); or, in the
 * benchmark's limit mode ({@link NodeSettings.Order#LEADER}), the non-fault-tolerant
 * {@code LeaderOrder} on the same loop. Thread-safe:
 * {@link #submit}, {@link #received}, {@link #metrics} and {@link #close} may be called from
 * any thread. Futures returned by {@link #submit} complete on the loop thread: attach heavy
 * continuations with the {@code *Async} variants.
 */
public final class Node implements Closeable {
    private static final Logger LOG = Logger.getLogger(Node.class.getName());
    /** How long close() waits for the loop task to end before it gives up waiting (and logs). */
    private static final long CLOSE_WAIT_SECONDS = 30;

    private enum State { NEW, RUNNING, STOPPED }

    private final ServerContext ctx;
    private final NodeSettings settings;
    private final Durability journal;
    private final Mailbox mailbox;
    private final PeerCounters counters;
    private final NodeLoop loop;
    /** The round certifier's instance: settings.tag()/cert. */
    private final Tag certTag;
    /** The checkpoints' instance: settings.tag()/checkpoint. */
    private final Tag checkpointTag;
    /** The decryption layer's instance: settings.tag()/dec; encrypted requests are labelled for it. */
    private final Tag decTag;
    /** The service's encryption scheme; null when this node holds no decryption key. */
    private final ThresholdDecryption encryption;
    /** Encryption randomness and request ids (runtime only: the protocols never draw randomness). */
    private final SecureRandom random = new SecureRandom();
    private final Object lifecycle = new Object();
    private final CountDownLatch exited = new CountDownLatch(1);
    private State state = State.NEW; // guarded by lifecycle
    private boolean finished; // guarded by lifecycle
    private volatile String failure;

    /**
     * A node on its journal: empty for a new server, or the journal of its previous run, from
     * which it resumes (see package-info, "Restart"; the listener first sees every journaled
     * delivery again, from seq 0).
     *
     * @throws IllegalStateException    if the journal is not a node journal of this instance, or holds
     *                                  records while the settings' order is LEADER (no restart there)
     * @throws IllegalArgumentException if the settings do not fit this group of servers
     * @throws IOException              if the journal cannot be read back (it is streamed once, not held)
     */
    public Node(ServerContext ctx, NodeSettings settings, Journal journal, Outbox outbox, DeliveryListener listener)
            throws IOException {
        this(ctx, settings, Durability.of(journal), journal, outbox, listener, null);
    }

    /**
     * As {@link #Node(ServerContext, NodeSettings, Journal, Outbox, DeliveryListener)}, with this
     * server's share of the service's threshold RSA key, so that {@link #certify} works.
     *
     * @throws IllegalArgumentException also if the key share does not fit this server (its index, n, k = t + 1)
     */
    public Node(ServerContext ctx, NodeSettings settings, Journal journal, Outbox outbox, DeliveryListener listener,
                ShoupKeyShare serviceShare) throws IOException {
        this(ctx, settings, Durability.of(journal), journal, outbox, listener,
                Objects.requireNonNull(serviceShare, "serviceShare"));
    }

    Node(ServerContext ctx, NodeSettings settings, Durability journal, Journal history, Outbox outbox,
         DeliveryListener listener) throws IOException {
        this(ctx, settings, journal, history, outbox, listener, null);
    }

    /**
     * As {@link #Node(ServerContext, NodeSettings, Journal, Outbox, DeliveryListener, ShoupKeyShare)}
     * (the service share may be null here: certify() then fails), with the service's threshold
     * encryption and this server's decryption key, so that encrypted requests are opened
     * ({@link #submitEncrypted}; see package-info, "Encrypted requests").
     *
     * @throws IllegalArgumentException also if the scheme and key do not fit this server (n, k = t + 1, index)
     */
    public Node(ServerContext ctx, NodeSettings settings, Journal journal, Outbox outbox, DeliveryListener listener,
                ShoupKeyShare serviceShare, ThresholdDecryption encryption, DecryptionKey decryptionKey)
            throws IOException {
        this(ctx, settings, Durability.of(journal), journal, outbox, listener, serviceShare,
                Objects.requireNonNull(encryption, "encryption"), Objects.requireNonNull(decryptionKey, "decryptionKey"));
    }

    Node(ServerContext ctx, NodeSettings settings, Durability journal, Journal history, Outbox outbox,
         DeliveryListener listener, ShoupKeyShare serviceShare) throws IOException {
        this(ctx, settings, journal, history, outbox, listener, serviceShare, null, null);
    }

    Node(ServerContext ctx, NodeSettings settings, Durability journal, Journal history, Outbox outbox,
         DeliveryListener listener, ShoupKeyShare serviceShare, ThresholdDecryption encryption,
         DecryptionKey decryptionKey) throws IOException {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.journal = Objects.requireNonNull(journal, "journal");
        int n = ctx.n();
        if (settings.submissionShare(n) < 1) {
            throw new IllegalArgumentException("mailboxCapacity " + settings.mailboxCapacity() + " leaves no room for"
                    + " submissions after " + (n - 1) + " peers' shares of " + settings.perPeerInbound());
        }
        long vector = 4 + (long) ctx.quorums().quorum() * (12 + QuorumCertificate.MAX_SIGNATURE_BYTES
                + 4 + (long) settings.batchSize() * (4 + (long) settings.maxRequestBytes()));
        if (vector > WireLimits.MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("a round's batch vector may reach " + vector + " bytes, over the wire's "
                    + WireLimits.MAX_PAYLOAD_BYTES + ": lower batchSize or maxRequestBytes");
        }
        long proof = vector + 64 + 2L * (4 + n * (8L + QuorumCertificate.MAX_SIGNATURE_BYTES)) + 36;
        if (proof > WireLimits.MAX_PROOF_BYTES) {
            throw new IllegalArgumentException("a round's proof may reach " + proof + " bytes, over the wire's "
                    + WireLimits.MAX_PROOF_BYTES + ": lower batchSize or maxRequestBytes");
        }
        boolean leader = settings.order() == NodeSettings.Order.LEADER;
        boolean restart = history.hadRecords();
        if (leader && restart) {
            throw new IllegalStateException("LEADER order (the benchmark's limit mode) keeps no restart state and"
                    + " refuses a journal that holds records: start it on an empty journal directory");
        }
        Recovery recovery = restart ? Recovery.of(history, settings.tag(), Decryption.recoveryOf(settings.tag()),
                settings.checkpointInterval()) : Recovery.fresh();
        AtomicBroadcast abc = leader ? null : !restart
                ? new AtomicBroadcast(ctx, settings.tag(), settings.batchSize(), settings.maxRequestBytes(),
                        settings.maxQueue())
                : AtomicBroadcast.resume(ctx, settings.tag(), settings.batchSize(), settings.maxRequestBytes(),
                        settings.maxQueue(), recovery.round, recovery.nextSeq, recovery.deliveredDigests,
                        recovery.silentThrough);
        if (restart) {
            LOG.log(Level.INFO, "server {0}: resuming at round {1}, seq {2} ({3} deliveries journaled), silent"
                    + " through round {4}", new Object[] {ctx.self(), recovery.round, recovery.nextSeq, recovery.end(),
                            recovery.silentThrough});
        }
        this.mailbox = new Mailbox(n, ctx.self(), settings);
        this.counters = new PeerCounters(n, ctx.self());
        Ordering order = leader
                ? new LeaderOrder(ctx, settings.tag(), settings.batchSize(), settings.maxRequestBytes(),
                        settings.maxQueue())
                : Ordering.of(abc);
        if (leader) {
            LOG.log(Level.WARNING, "server {0}: LEADER order, the benchmark''s limit mode: server 1 decides"
                    + " everything and NOTHING is fault tolerant", ctx.self());
        }
        this.certTag = Certification.tagOf(settings.tag());
        RoundCertifier certifier = serviceShare == null ? null
                : new RoundCertifier(ctx, certTag, serviceShare, Certification.WINDOW_ROUNDS);
        this.checkpointTag = Checkpoints.tagOf(settings.tag());
        RoundCertifier checkpointCertifier = serviceShare == null || leader ? null
                : new RoundCertifier(ctx, checkpointTag, serviceShare,
                        Checkpoints.windowRounds(settings.checkpointInterval()));
        this.decTag = Decryption.tagOf(settings.tag());
        this.encryption = encryption;
        Outbox links = Objects.requireNonNull(outbox, "outbox");
        Decryption decryption = new Decryption(ctx, settings.tag(), encryption, decryptionKey, recovery, history,
                journal, counters, (peer, frame) -> {
                    links.send(peer, frame);
                    counters.sent(peer, frame.length);
                });
        this.loop = new NodeLoop(this, order, abc, recovery, ctx.self(), n, settings, journal, links,
                Objects.requireNonNull(listener, "listener"), mailbox, counters, certifier, checkpointCertifier,
                serviceShare == null ? null : serviceShare.publicKey().toJcaPublicKey(), decryption);
    }

    /** Runs the loop as ONE long-lived task on {@code executor} (it holds that thread until close). */
    public void start(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        synchronized (lifecycle) {
            if (state != State.NEW) {
                throw new IllegalStateException(state == State.RUNNING ? "node already started" : "node is stopped");
            }
            state = State.RUNNING;
        }
        try {
            executor.execute(loop);
        } catch (RuntimeException e) {
            finish("the executor refused the loop task", null, true);
            throw e;
        }
    }

    /**
     * Submits a request for atomic broadcast. The future completes with its seq when this server
     * delivers it (whichever server's batch carried it); exceptionally with
     * {@link NodeBusyException} (queue or mailbox full: retry), {@link IllegalArgumentException}
     * (oversized, or among the last {@code AtomicBroadcast.DEDUP_WINDOW} deliveries: requests are
     * identified by their bytes) or
     * {@link NodeStoppedException}. Never blocks.
     */
    public CompletableFuture<Long> submit(byte[] request) {
        Objects.requireNonNull(request, "request");
        if (request.length > settings.maxRequestBytes()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "request of " + request.length + " bytes exceeds " + settings.maxRequestBytes()));
        }
        if (OpenedRecords.isEncrypted(request)) { // SC-ABC step 1: only admissible ciphertexts are broadcast
            Verdict v = encryption == null ? Verdict.invalid("this node holds no decryption key")
                    : ScabcDecryption.admit(encryption, OpenedRecords.unwrap(request), ScabcClient.labelPrefix(decTag));
            if (!v.isValid()) {
                return CompletableFuture.failedFuture(new IllegalArgumentException(
                        "the request starts with the encrypted-request marker but is refused: " + v.reason()));
            }
        }
        return enqueue(request);
    }

    /** Hands a checked request to the loop; a test seam for a Byzantine proposer's request past admission. */
    CompletableFuture<Long> enqueue(byte[] request) {
        CompletableFuture<Long> f = new CompletableFuture<>();
        Mailbox.Submission s = new Mailbox.Submission(new RequestKey(Bytes.of(request)), f);
        synchronized (lifecycle) { // so that finish() sees every submission that got in
            if (state == State.STOPPED) {
                return CompletableFuture.failedFuture(new NodeStoppedException(stopReason()));
            }
            if (!mailbox.offerSubmission(s)) {
                return CompletableFuture.failedFuture(new NodeBusyException("the mailbox's submission share is full"));
            }
        }
        return f;
    }

    /**
     * Encrypts {@code plaintext} under the service's threshold key (SC-ABC; label: this instance,
     * client "server-&lt;id&gt;", a random request id) and submits it. Other servers learn the
     * content only after its place in the total order is fixed, when t + 1 of them release their
     * decryption shares; this server, which encrypts, sees it. The future completes with the seq
     * once this server delivers the opened request (the listener gets the plaintext); failures as
     * {@link #submit}, and {@link IllegalStateException} if this node holds no decryption key.
     * Encrypts on the caller's thread.
     */
    public CompletableFuture<Long> submitEncrypted(byte[] plaintext) {
        byte[] request;
        try {
            request = encrypt(plaintext);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
        return enqueue(request); // made here: admissible by construction
    }

    /**
     * The request {@link #submitEncrypted} would submit: the encrypted-request marker and the
     * ciphertext of {@code plaintext} (fresh randomness each call). For callers that submit later
     * (after a commit) through {@link #submit}, which checks it again.
     *
     * @throws IllegalStateException    if this node holds no decryption key
     * @throws IllegalArgumentException if the ciphertext would exceed the request size limit
     */
    public byte[] encrypt(byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        if (encryption == null) {
            throw new IllegalStateException("this node holds no decryption key");
        }
        if (plaintext.length > settings.maxRequestBytes()) {
            throw new IllegalArgumentException("request of " + plaintext.length + " bytes exceeds "
                    + settings.maxRequestBytes());
        }
        byte[] request = OpenedRecords.wrap(ScabcClient.encrypt(encryption, decTag, "server-" + ctx.self(),
                random.nextLong(), plaintext, random).encode());
        if (request.length > settings.maxRequestBytes()) {
            throw new IllegalArgumentException("request of " + plaintext.length + " bytes encrypts to "
                    + request.length + " bytes, over " + settings.maxRequestBytes());
        }
        return request;
    }

    /**
     * The order certificate of delivered {@code seq}: completes (on the loop thread) once t + 1
     * servers' shares of its round's signature are combined; this server asks the others to sign
     * the round if nobody did. Fails at once with {@link IllegalStateException} if seq is not
     * delivered here yet, if its round is older than the rounds this server keeps (see
     * {@code Certification}: the last 256 rounds delivered since this node started), or if the node
     * has no service key share; with {@link NodeBusyException} if too many calls wait; with
     * {@link NodeStoppedException}. A round that never gathers t + 1 shares (fewer than t + 1
     * servers delivered it) leaves the future pending until the round leaves the window.
     */
    public CompletableFuture<OrderCertificate> certify(long seq) {
        CompletableFuture<OrderCertificate> f = new CompletableFuture<>();
        synchronized (lifecycle) {
            if (state == State.STOPPED) {
                return CompletableFuture.failedFuture(new NodeStoppedException(stopReason()));
            }
            if (!mailbox.offerCertify(new Mailbox.Certify(seq, f))) {
                return CompletableFuture.failedFuture(new NodeBusyException("the mailbox's submission share is full"));
            }
        }
        return f;
    }

    /**
     * A frame from peer {@code peer} (authenticated by its link). Decoded on the caller's thread;
     * a bad frame is counted as the peer's fault, never thrown. Blocks while the peer's mailbox
     * share is full (backpressure on that peer only); returns at once, dropping the frame, once
     * the node stopped or the caller is interrupted (its interrupt flag is kept).
     *
     * @throws IllegalArgumentException if {@code peer} is not another server (a bug of the caller)
     */
    public void received(int peer, byte[] frame) {
        if (peer < 1 || peer > ctx.n() || peer == ctx.self()) {
            throw new IllegalArgumentException("frame from " + peer + ", not a peer of server " + ctx.self());
        }
        Objects.requireNonNull(frame, "frame");
        counters.received(peer, frame.length);
        Decoded<WireCodec.Frame> d = WireCodec.decode(frame);
        if (!d.ok()) {
            counters.fault(peer, FaultKind.MALFORMED, "undecodable frame: " + d.error());
            return;
        }
        WireCodec.Frame f = d.get();
        if (!f.tag().startsWith(settings.tag())) {
            counters.fault(peer, FaultKind.UNEXPECTED, "frame for instance " + f.tag() + ", not " + settings.tag());
            return;
        }
        Object m = f.message();
        if (m instanceof CatchUpMessage && settings.order() == NodeSettings.Order.LEADER) {
            counters.fault(peer, FaultKind.UNEXPECTED, "catch-up is off in LEADER order");
            return;
        }
        if (m instanceof CertMessage c && f.tag().equals(checkpointTag)) {
            m = new Checkpoints.Share(c); // the loop tells the two certifiers' messages apart by this
        }
        boolean cert = m instanceof CertMessage && f.tag().equals(certTag) || m instanceof Checkpoints.Share
                || m instanceof ScabcMessage && f.tag().equals(decTag);
        if (!cert && (!(m instanceof AbcMessage || m instanceof CatchUpMessage) || !f.tag().equals(settings.tag()))) {
            counters.fault(peer, FaultKind.MALFORMED, "a " + f.message().getClass().getSimpleName() + " for " + f.tag()
                    + " where atomic broadcast messages for " + settings.tag() + " go");
            return;
        }
        try {
            mailbox.putInbound(new Mailbox.Inbound(peer, m, frame.length));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The newest certified checkpoint this node holds (see package-info, "Checkpoints"); any thread. */
    public Optional<org.sintraee.api.CheckpointCertificate> checkpoint() {
        return Optional.ofNullable(loop.checkpoint());
    }

    /** Asks the loop to republish its gauges (for periodic sampling); at most one tick waits. */
    public void tick() {
        mailbox.tick();
    }

    public NodeMetrics metrics() {
        NodeLoop.Gauges g = loop.gauges();
        return new NodeMetrics(g.round(), g.iteration(), g.abbaRounds(), g.coinTosses(), g.delivered(), g.queued(),
                mailbox.size(), counters.snapshot(mailbox::inbound), g.syncs(), g.syncedRecords(),
                Optional.ofNullable(failure), checkpoint());
    }

    /**
     * Stops the loop, fails pending submissions with {@link NodeStoppedException} and syncs the
     * journal (which the caller still owns and closes). Waits for the loop task to end, unless
     * called on the loop thread itself. Idempotent.
     */
    @Override
    public void close() {
        boolean neverRan;
        synchronized (lifecycle) {
            neverRan = state == State.NEW;
            if (neverRan) {
                state = State.STOPPED; // start() now refuses
            }
        }
        if (neverRan) {
            finish("closed", null, true);
            return;
        }
        mailbox.stop();
        if (Thread.currentThread() == loop.thread()) {
            return; // the loop ends after its current group
        }
        try {
            if (!exited.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "server {0}: the node loop did not stop within {1} s", new Object[] {ctx.self(),
                        CLOSE_WAIT_SECONDS});
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the node once: by the loop as it exits, or by close() if it never ran. */
    void finish(String reason, String failureText, boolean syncJournal) {
        synchronized (lifecycle) {
            if (finished) {
                return;
            }
            finished = true;
            state = State.STOPPED;
            failure = failureText;
        }
        mailbox.stop();
        NodeStoppedException cause = new NodeStoppedException(failureText == null ? reason : "failed: " + failureText);
        loop.failPending(cause);
        for (Mailbox.Event e : mailbox.drain()) {
            if (e instanceof Mailbox.Submission s) {
                s.future().completeExceptionally(cause);
            } else if (e instanceof Mailbox.Certify c) {
                c.future().completeExceptionally(cause);
            }
        }
        if (syncJournal) {
            try {
                journal.sync();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "server " + ctx.self() + ": final journal sync failed", e);
            }
        }
        exited.countDown();
    }

    private String stopReason() {
        String f = failure;
        return f == null ? "closed" : "failed: " + f;
    }
}
