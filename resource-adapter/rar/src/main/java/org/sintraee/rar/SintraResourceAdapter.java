package org.sintraee.rar;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;
import org.sintraee.api.ReplicaStatus;
import org.sintraee.api.SintraException;
import org.sintraee.runtime.keys.HostPort;
import org.sintraee.runtime.node.NodeSettings;
import org.sintraee.runtime.replica.EngineSettings;
import org.sintraee.runtime.replica.ReplicaEngine;

/**
 * The resource adapter: one per server, one replica each. Defined by annotations only
 * (no ra.xml). Per-instance values are set with asadmin
 * {@code create-resource-adapter-config --property serverId=1:publicKeyFile=...:privateKeyFile=...:dataDirectory=... <ra name>}.
 *
 * <p>start() validates the configuration and starts the replica's {@link ReplicaEngine} (journal,
 * node loop, TLS peer links) on the container's WorkManager threads; stop() closes it and
 * returns once every one of its tasks has ended. Outbound requests ({@link #submit}) made inside a
 * JTA transaction are broadcast after it commits, through an interposed synchronization on the
 * container's {@code TransactionSynchronizationRegistry}; if the container offers no registry,
 * start() logs a WARNING and every request is broadcast at once, even inside a transaction that
 * later rolls back. Inbound: each activation of a message endpoint implementing
 * {@code SintraListener} ({@link SintraActivationSpec}) gets one serial delivery work that reads
 * the total order from the journal, from the endpoint's {@code firstUnapplied()} on, and calls it
 * once per delivery in the container's transaction, retrying a failed delivery (see {@link Inbound}).
 * The engine's listener only tells those works how far the durable order reaches.
 */
@Connector(
        displayName = "Sintra EE",
        description = "Intrusion-tolerant replication: one replica of a Byzantine-fault-tolerant service",
        vendorName = "Sintra EE",
        eisType = "Sintra EE replicated service",
        version = "0.1",
        transactionSupport = TransactionSupportLevel.LocalTransaction)
public class SintraResourceAdapter implements ResourceAdapter, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SintraResourceAdapter.class.getName());
    // the engine's node runs with the default request limit (EngineSettings keeps it)
    private static final int MAX_REQUEST_BYTES = NodeSettings.defaults().maxRequestBytes();

    /** The adapter's life-cycle state, reported by {@link #status()}. */
    enum State { STOPPED, STARTED }

    @ConfigProperty(description = "This server's id in the server set, 1..n as in the dealer's files. Required.")
    private Integer serverId;

    @ConfigProperty(description = "Path of the public parameters file made by the dealer, shared by all servers. Required.")
    private String publicKeyFile;

    @ConfigProperty(description = "Path of this server's private key file made by the dealer. Required; never logged.")
    private String privateKeyFile;

    @ConfigProperty(description = "Directory for this replica's durable state; created if missing. Required.")
    private String dataDirectory;

    @ConfigProperty(defaultValue = "" + ReplicaConfig.DEFAULT_BATCH_SIZE,
            description = "Maximum number of requests a replica proposes in one batch, 1..65536; equal on every server.")
    private Integer batchSize = ReplicaConfig.DEFAULT_BATCH_SIZE;

    @ConfigProperty(description = "host:port the peer port binds; optional, default: this server's address in the"
            + " public key file.")
    private String listenAddress;

    private transient volatile ReplicaConfig config;
    private transient volatile ReplicaEngine engine;
    private transient volatile Instant startedAt;
    private transient volatile State state = State.STOPPED;
    private transient volatile OutboundSubmitter submitter;
    private transient volatile DeliveryActivity activity; // the admin page's last minute and last deliveries
    private transient volatile Inbound inbound; // the message endpoints' delivery works

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        ReplicaConfig validated = ReplicaConfig.validate(rawProperties());
        DeliveryActivity recent = new DeliveryActivity(System::currentTimeMillis);
        Inbound deliveries = new Inbound(context.getWorkManager());
        ReplicaEngine started;
        try {
            started = ReplicaEngine.start(validated.publicKeys(), validated.serverKeys(),
                    EngineSettings.of(validated.listenAddress(), validated.dataDirectory(), validated.batchSize()),
                    new WorkManagerExecutor(context.getWorkManager()),
                    (seq, round, request) -> {
                        recent.delivered(seq, round, request);
                        deliveries.shown(seq); // the works read the delivery itself from the journal
                    });
        } catch (IOException | RuntimeException e) {
            // messages name addresses, paths and counts, never key material
            throw new ResourceAdapterInternalException("Sintra EE: replica " + validated.serverId()
                    + " could not start on " + listenOf(validated) + " with its journal in "
                    + validated.dataDirectory() + ": " + e, e);
        }
        TransactionSynchronizationRegistry registry = registryOf(context);
        if (registry == null) {
            LOG.warning("Sintra EE: the container offers no TransactionSynchronizationRegistry: requests submitted"
                    + " inside a JTA transaction are broadcast at once, before it commits, even if it rolls back");
        }
        config = validated;
        activity = recent;
        try {
            deliveries.attach(DeliverySource.of(started.deliveryReader()));
        } catch (IOException e) {
            started.close();
            throw new ResourceAdapterInternalException("Sintra EE: replica " + validated.serverId()
                    + " cannot read its journal in " + validated.dataDirectory() + ": " + e, e);
        }
        inbound = deliveries;
        engine = started;
        submitter = new OutboundSubmitter(registry, started.node()::submit, MAX_REQUEST_BYTES, recent);
        startedAt = Instant.now();
        state = State.STARTED;
        LOG.info(() -> "Sintra EE: replica " + validated.serverId() + " started (n=" + validated.servers()
                + ", t=" + validated.faulty() + ", batchSize=" + validated.batchSize()
                + ", peers on " + started.peerAddress() + ", dataDirectory=" + validated.dataDirectory() + ")");
    }

    private static TransactionSynchronizationRegistry registryOf(BootstrapContext context) {
        try {
            return context.getTransactionSynchronizationRegistry();
        } catch (RuntimeException e) { // a container without JTA may refuse instead of returning null
            LOG.log(Level.FINE, "Sintra EE: no TransactionSynchronizationRegistry: " + e, e);
            return null;
        }
    }

    /**
     * Submits a request for atomic broadcast (see {@code SintraConnection.submit}).
     *
     * @throws SintraException if the adapter is not running
     */
    CompletionStage<Long> submit(byte[] request) {
        OutboundSubmitter current = submitter;
        if (state != State.STARTED || current == null) {
            throw new SintraException("Sintra EE: the replica is not running (the resource adapter is "
                    + state + "); the request was not broadcast");
        }
        return current.submit(request);
    }

    /**
     * Encrypts a request for secure causal atomic broadcast and submits the ciphertext (see
     * {@code SintraConnection.submitEncrypted}).
     *
     * @throws SintraException if the adapter is not running
     */
    CompletionStage<Long> submitEncrypted(byte[] request) {
        OutboundSubmitter current = submitter;
        ReplicaEngine running = engine;
        if (state != State.STARTED || current == null || running == null) {
            throw new SintraException("Sintra EE: the replica is not running (the resource adapter is "
                    + state + "); the request was not broadcast");
        }
        return current.submitEncrypted(request, running.node()::encrypt);
    }

    /**
     * The order certificate of seq from the engine (see {@code SintraConnection.certify}); failures
     * in the api's terms.
     *
     * @throws SintraException if the adapter is not running
     */
    CompletionStage<org.sintraee.api.OrderCertificate> certify(long seq) {
        ReplicaEngine running = engine;
        if (state != State.STARTED || running == null) {
            throw new SintraException("Sintra EE: the replica is not running (the resource adapter is " + state + ")");
        }
        CompletableFuture<org.sintraee.api.OrderCertificate> out = new CompletableFuture<>();
        running.certify(seq).whenComplete((certificate, failure) -> {
            if (failure == null) {
                out.complete(certificate);
            } else {
                out.completeExceptionally(SubmitResults.translateCertify(seq, failure));
            }
        });
        return out;
    }

    /**
     * The newest certified checkpoint the engine holds (see {@code SintraConnection.checkpoint}).
     *
     * @throws SintraException if the adapter is not running
     */
    java.util.Optional<org.sintraee.api.CheckpointCertificate> checkpoint() {
        ReplicaEngine running = engine;
        if (state != State.STARTED || running == null) {
            throw new SintraException("Sintra EE: the replica is not running (the resource adapter is " + state + ")");
        }
        return running.node().checkpoint();
    }

    /** Test seam: the started adapter hands requests to {@code node} instead of its engine's node. */
    void replaceNodeSubmit(Function<byte[], CompletableFuture<Long>> node) {
        OutboundSubmitter current = submitter;
        if (current == null) {
            throw new IllegalStateException("start the adapter first");
        }
        submitter = current.withNode(node);
    }

    private static String listenOf(ReplicaConfig c) {
        HostPort member = c.publicKeys().member(c.serverId()).address();
        return c.listenAddress().orElse(member).toString();
    }

    /** Closes the engine: the node stops, the journal is synced and closed, the peer port and links close. */
    @Override
    public void stop() {
        ReplicaConfig current = config;
        ReplicaEngine running = engine;
        state = State.STOPPED;
        Inbound works = inbound;
        if (works != null) {
            works.close(); // before the engine: the works read its journal
        }
        if (running != null) {
            try {
                running.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Sintra EE: stopping the replica: " + e, e);
            }
        }
        LOG.info(() -> "Sintra EE: replica " + (current == null ? "(not configured)" : current.serverId()) + " stopped");
    }

    /** Builds the status snapshot for connections. */
    public ReplicaStatus status() {
        ReplicaConfig current = config;
        ReplicaEngine running = engine;
        Instant started = startedAt;
        if (current == null || running == null || started == null) {
            throw new SintraException("Sintra EE: the resource adapter has not been started");
        }
        Inbound works = inbound;
        return StatusSnapshot.of(current, state.name(), started, running, activity,
                works == null ? java.util.List.of() : works.status());
    }

    ReplicaConfig.RawProperties rawProperties() {
        return new ReplicaConfig.RawProperties(serverId, publicKeyFile, privateKeyFile, dataDirectory,
                batchSize, listenAddress);
    }

    @Override
    public void endpointActivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) throws ResourceException {
        Inbound works = inbound;
        if (works == null || state != State.STARTED) {
            throw new ResourceException("Sintra EE: the resource adapter is not running; cannot activate an endpoint");
        }
        works.activate(endpointFactory, spec);
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) {
        Inbound works = inbound;
        if (works != null) {
            works.deactivate(endpointFactory, spec);
        }
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    // JavaBean accessors: the container sets the config properties through these.

    public Integer getServerId() {
        return serverId;
    }

    public void setServerId(Integer serverId) {
        this.serverId = serverId;
    }

    public String getPublicKeyFile() {
        return publicKeyFile;
    }

    public void setPublicKeyFile(String publicKeyFile) {
        this.publicKeyFile = publicKeyFile;
    }

    public String getPrivateKeyFile() {
        return privateKeyFile;
    }

    public void setPrivateKeyFile(String privateKeyFile) {
        this.privateKeyFile = privateKeyFile;
    }

    public String getDataDirectory() {
        return dataDirectory;
    }

    public void setDataDirectory(String dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    public Integer getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(Integer batchSize) {
        this.batchSize = batchSize;
    }

    public String getListenAddress() {
        return listenAddress;
    }

    public void setListenAddress(String listenAddress) {
        this.listenAddress = listenAddress;
    }
}
