package org.sintraee.runtime.node;

import java.util.Objects;
import org.sintraee.protocol.core.Tag;

/**
 * How one node runs its atomic broadcast and bounds its mailbox.
 *
 * @param tag                 the atomic broadcast's instance tag (equal on every server)
 * @param batchSize           requests per batch (protocol parameter, equal on every server)
 * @param maxRequestBytes     largest request (protocol parameter, equal on every server)
 * @param maxQueue            undelivered local requests the broadcast holds; beyond it submissions are busy
 * @param mailboxCapacity     events the mailbox holds in all: every peer's inbound share plus the
 *                            submission share, which is what remains after {@code (n - 1) * perPeerInbound}
 * @param perPeerInbound      frames one peer may have waiting in the mailbox; more block that peer's link reader
 * @param perPeerInboundBytes bytes of frames one peer may have waiting (one frame is always admitted when none waits)
 * @param drainBatch          events processed per group commit (one journal sync per group)
 * @param order               what orders the requests: {@link Order#ABC} (the product) or
 *                            {@link Order#LEADER} (the benchmark's limit mode, NOT fault tolerant)
 * @param checkpointInterval  rounds between checkpoints: the service certifies the order after every
 *                            round r with (r + 1) % checkpointInterval == 0 (protocol parameter, equal
 *                            on every server, or no checkpoint gathers enough shares)
 */
public record NodeSettings(Tag tag, int batchSize, int maxRequestBytes, int maxQueue, int mailboxCapacity,
                           int perPeerInbound, long perPeerInboundBytes, int drainBatch, Order order,
                           int checkpointInterval) {
    /** Bytes of frames one peer may have waiting, unless set: 32 MiB. */
    public static final long DEFAULT_PER_PEER_BYTES = 32L << 20;
    /** Rounds between checkpoints, unless set: about a quarter of a minute at the benchmark's peak. */
    public static final int DEFAULT_CHECKPOINT_INTERVAL = 64;

    /** What orders the requests (equal on every server). */
    public enum Order {
        /** Atomic broadcast ({@link org.sintraee.protocol.abc.AtomicBroadcast}): tolerates t Byzantine servers. */
        ABC,
        /**
         * {@code LeaderOrder}: server 1 alone orders everything. NOT fault tolerant in any way; only
         * the benchmark's upper bound (the same pipeline without agreement).
         */
        LEADER;

        /** {@code "abc"} or {@code "leader"} (as the replica's {@code --order} option spells them). */
        public static Order parse(String name) {
            return switch (Objects.requireNonNull(name, "order")) {
                case "abc" -> ABC;
                case "leader" -> LEADER;
                default -> throw new IllegalArgumentException("order must be abc or leader, got '" + name + "'");
            };
        }
    }

    public NodeSettings {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(order, "order");
        positive("batchSize", batchSize);
        positive("maxRequestBytes", maxRequestBytes);
        positive("maxQueue", maxQueue);
        positive("mailboxCapacity", mailboxCapacity);
        positive("perPeerInbound", perPeerInbound);
        positive("perPeerInboundBytes", perPeerInboundBytes);
        positive("drainBatch", drainBatch);
        positive("checkpointInterval", checkpointInterval);
    }

    /** Settings with checkpoints every {@value #DEFAULT_CHECKPOINT_INTERVAL} rounds. */
    public NodeSettings(Tag tag, int batchSize, int maxRequestBytes, int maxQueue, int mailboxCapacity,
                        int perPeerInbound, long perPeerInboundBytes, int drainBatch, Order order) {
        this(tag, batchSize, maxRequestBytes, maxQueue, mailboxCapacity, perPeerInbound, perPeerInboundBytes,
                drainBatch, order, DEFAULT_CHECKPOINT_INTERVAL);
    }

    /** Settings ordered by atomic broadcast ({@link Order#ABC}). */
    public NodeSettings(Tag tag, int batchSize, int maxRequestBytes, int maxQueue, int mailboxCapacity,
                        int perPeerInbound, long perPeerInboundBytes, int drainBatch) {
        this(tag, batchSize, maxRequestBytes, maxQueue, mailboxCapacity, perPeerInbound, perPeerInboundBytes,
                drainBatch, Order.ABC);
    }

    /** Settings with the default per-peer byte share, {@value #DEFAULT_PER_PEER_BYTES} bytes, ordered by ABC. */
    public NodeSettings(Tag tag, int batchSize, int maxRequestBytes, int maxQueue, int mailboxCapacity,
                        int perPeerInbound, int drainBatch) {
        this(tag, batchSize, maxRequestBytes, maxQueue, mailboxCapacity, perPeerInbound, DEFAULT_PER_PEER_BYTES,
                drainBatch);
    }

    /**
     * Defaults sized for 1 KiB requests at high rate: 512-request batches, requests up to
     * 4 KiB (a batch vector of up to 7 batches stays under the wire's payload bound), 8192
     * queued requests, a 4096-event mailbox with 256 frames / 32 MiB per peer, 256 events per sync.
     */
    public static NodeSettings defaults() {
        return new NodeSettings(Tag.of("abc"), 512, 4096, 8192, 4096, 256, DEFAULT_PER_PEER_BYTES, 256);
    }

    public NodeSettings withTag(Tag t) {
        return new NodeSettings(t, batchSize, maxRequestBytes, maxQueue, mailboxCapacity, perPeerInbound,
                perPeerInboundBytes, drainBatch, order, checkpointInterval);
    }

    public NodeSettings withQueue(int queue) {
        return new NodeSettings(tag, batchSize, maxRequestBytes, queue, mailboxCapacity, perPeerInbound,
                perPeerInboundBytes, drainBatch, order, checkpointInterval);
    }

    public NodeSettings withMailbox(int capacity, int perPeer, long perPeerBytes) {
        return new NodeSettings(tag, batchSize, maxRequestBytes, maxQueue, capacity, perPeer, perPeerBytes, drainBatch,
                order, checkpointInterval);
    }

    public NodeSettings withOrder(Order o) {
        return new NodeSettings(tag, batchSize, maxRequestBytes, maxQueue, mailboxCapacity, perPeerInbound,
                perPeerInboundBytes, drainBatch, o, checkpointInterval);
    }

    public NodeSettings withCheckpointInterval(int rounds) {
        return new NodeSettings(tag, batchSize, maxRequestBytes, maxQueue, mailboxCapacity, perPeerInbound,
                perPeerInboundBytes, drainBatch, order, rounds);
    }

    /** The submission share of the mailbox for n servers; at least 1 or the settings do not fit n. */
    int submissionShare(int n) {
        return (int) Math.max(0L, mailboxCapacity - (long) (n - 1) * perPeerInbound);
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
