package org.sintraee.runtime.replica;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.sintraee.runtime.journal.FsyncPolicy;
import org.sintraee.runtime.keys.HostPort;
import org.sintraee.runtime.node.NodeSettings;

/**
 * What a {@link ReplicaEngine} needs besides its keys; the standalone replica and the resource
 * adapter both fill it from their own configuration.
 *
 * @param listen    the peer port's bind address; empty: this member's address from the public file
 * @param dataDir   the journal's directory (created if missing)
 * @param batchSize requests per server and round (equal on every server)
 * @param fsync     the journal's fsync policy
 * @param order     {@link NodeSettings.Order#ABC} (the product) or LEADER (benchmark only)
 */
public record EngineSettings(Optional<HostPort> listen, Path dataDir, int batchSize, FsyncPolicy fsync,
                             NodeSettings.Order order) {
    public EngineSettings {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(fsync, "fsync");
        Objects.requireNonNull(order, "order");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        }
    }

    /** The product's settings: atomic broadcast, fsync on every group commit. */
    public static EngineSettings of(Optional<HostPort> listen, Path dataDir, int batchSize) {
        return new EngineSettings(listen, dataDir, batchSize, FsyncPolicy.ALWAYS, NodeSettings.Order.ABC);
    }

    /** The node settings: the defaults with this batch size and order. */
    NodeSettings nodeSettings() {
        NodeSettings d = NodeSettings.defaults();
        return new NodeSettings(d.tag(), batchSize, d.maxRequestBytes(), d.maxQueue(), d.mailboxCapacity(),
                d.perPeerInbound(), d.perPeerInboundBytes(), d.drainBatch(), order);
    }
}
