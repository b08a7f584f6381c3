package org.sintraee.rar;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.Serializable;
import java.time.Instant;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;
import org.sintraee.api.ReplicaStatus;
import org.sintraee.api.SintraException;

/**
 * The resource adapter: one per server, one replica each. Defined by annotations only
 * (no ra.xml). Per-instance values are set with asadmin
 * {@code create-resource-adapter-config --property serverId=1:publicKeyFile=...:privateKeyFile=...:dataDirectory=... <ra name>}.
 *
 * <p>Walking skeleton: start() validates the configuration and records the start; the
 * replica's engine (the runtime module) is wired in a later step.
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
            description = "Maximum number of requests a replica proposes in one batch.")
    private Integer batchSize = ReplicaConfig.DEFAULT_BATCH_SIZE;

    private transient volatile ReplicaConfig config;
    private transient volatile Instant startedAt;
    private transient volatile State state = State.STOPPED;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        ReplicaConfig validated = ReplicaConfig.validate(rawProperties());
        config = validated;
        startedAt = Instant.now();
        state = State.STARTED;
        LOG.info(() -> "Sintra EE: replica " + validated.serverId() + " started (n=" + validated.servers()
                + ", t=" + validated.faulty() + ", batchSize=" + validated.batchSize()
                + ", dataDirectory=" + validated.dataDirectory() + ")");
    }

    @Override
    public void stop() {
        ReplicaConfig current = config;
        state = State.STOPPED;
        LOG.info(() -> "Sintra EE: replica " + (current == null ? "(not configured)" : current.serverId()) + " stopped");
    }

    /** Builds the status snapshot for connections. */
    public ReplicaStatus status() {
        ReplicaConfig current = config;
        Instant started = startedAt;
        if (current == null || started == null) {
            throw new SintraException("Sintra EE: the resource adapter has not been started");
        }
        return new ReplicaStatus(current.serverId(), current.servers(), current.faulty(), state.name(),
                current.dataDirectory().toString(), started.toString());
    }

    ReplicaConfig.RawProperties rawProperties() {
        return new ReplicaConfig.RawProperties(serverId, publicKeyFile, privateKeyFile, dataDirectory,
                batchSize);
    }

    @Override
    public void endpointActivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) throws ResourceException {
        throw new NotSupportedException("Sintra EE: inbound delivery is not implemented yet");
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) {
        // nothing was activated
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
}
