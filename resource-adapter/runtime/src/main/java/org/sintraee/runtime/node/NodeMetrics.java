package org.sintraee.runtime.node;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sintraee.api.CheckpointCertificate;
import org.sintraee.protocol.core.FaultKind;

/**
 * An immutable snapshot of one node's counters and gauges (see package-info for how the
 * round's agreement gauges are derived).
 *
 * @param round         the atomic broadcast's current round
 * @param mvbaIteration iterations of the current round's validated agreement this server voted in
 * @param abbaRounds    binary-agreement rounds this server pre-voted in, summed over the current round's agreements
 * @param coinTosses    coins of the current round this server released its share for
 * @param delivered     requests delivered (the next seq)
 * @param queued        local requests waiting in the broadcast's queue
 * @param mailbox       events waiting in the mailbox
 * @param peers         per peer (every server but this one), by id
 * @param syncs         journal syncs made
 * @param syncedRecords records (durable records and deliveries) those syncs covered
 * @param failure       why the node failed, if it did (it stopped then)
 * @param checkpoint    the newest certified checkpoint this server holds, if any
 */
public record NodeMetrics(long round, int mvbaIteration, int abbaRounds, int coinTosses, long delivered, int queued,
                          int mailbox, List<PeerMetrics> peers, long syncs, long syncedRecords,
                          Optional<String> failure, Optional<CheckpointCertificate> checkpoint) {
    public NodeMetrics {
        peers = List.copyOf(peers);
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(checkpoint, "checkpoint");
    }

    /** Mean records per journal sync: how well group commit batches. */
    public double meanRecordsPerSync() {
        return syncs == 0 ? 0.0 : (double) syncedRecords / syncs;
    }

    /** The counters of peer {@code id}. */
    public PeerMetrics peer(int id) {
        return peers.stream().filter(p -> p.peer() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no peer " + id));
    }

    /**
     * One peer's traffic and faults.
     *
     * @param inbound frames of this peer waiting in the mailbox now
     * @param faults  faults attributed to the peer, by kind (undecodable frames are MALFORMED,
     *                frames for a foreign instance UNEXPECTED); kinds never seen are absent
     */
    public record PeerMetrics(int peer, long bytesIn, long bytesOut, int inbound, Map<FaultKind, Long> faults) {
        public PeerMetrics {
            faults = faults.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(faults));
        }

        public long faultCount() {
            return faults.values().stream().mapToLong(Long::longValue).sum();
        }

        public long faults(FaultKind kind) {
            return faults.getOrDefault(kind, 0L);
        }
    }
}
