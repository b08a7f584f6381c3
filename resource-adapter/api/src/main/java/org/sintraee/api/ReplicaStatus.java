package org.sintraee.api;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot of one replica's status, as shown by the admin page. JSON-B maps the
 * record's components to JSON properties of the same names.
 *
 * @param serverId      this replica's id in the server set, {@code 1 <= serverId <= servers}
 * @param servers       n, the number of servers
 * @param faulty        t, the number of faulty servers tolerated ({@code n > 3t})
 * @param state         the adapter's life-cycle state, for example {@code "STARTED"}
 * @param dataDirectory where this replica keeps its durable state
 * @param startedAt     when the replica started, ISO-8601 (for example {@code 2026-11-25T21:54:00Z})
 * @param ready         links to enough peers are up for a quorum with this server, and the
 *                      replica has neither stopped nor failed
 * @param round         the atomic broadcast's current round, from 0
 * @param delivered     requests this replica has delivered (durably), from 0
 * @param linksUp       peers ({@code 0 <= linksUp < servers}) whose link is up now
 * @param serverSet     the static server set from the public file, by id 1..n, this server marked
 * @param peers         this server's view of each peer (every server but itself), by id
 * @param agreement     the atomic broadcast's progress and the node's failure, if any
 * @param activity      the last minute's deliveries and latency, and the last deliveries
 * @param inbound       each message endpoint receiving the total order: its position and failures
 */
public record ReplicaStatus(int serverId, int servers, int faulty, String state,
                            String dataDirectory, String startedAt,
                            boolean ready, long round, long delivered, int linksUp,
                            List<ServerSetEntry> serverSet, List<PeerStatus> peers,
                            AgreementStatus agreement, ActivityStatus activity,
                            List<InboundStatus> inbound) implements Serializable {

    // 2: the engine's fields (ready, round, delivered, linksUp) were added after the first six;
    // 3: the server set, the peers and the agreement; 4: the activity; 5: the inbound activations
    private static final long serialVersionUID = 5L;

    // one constructor only: JSON-B (Yasson) refuses records with several
    public ReplicaStatus {
        Objects.requireNonNull(state, "state");
        serverSet = List.copyOf(Objects.requireNonNull(serverSet, "serverSet"));
        peers = List.copyOf(Objects.requireNonNull(peers, "peers"));
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(activity, "activity");
        inbound = List.copyOf(Objects.requireNonNull(inbound, "inbound"));
        if (round < 0 || delivered < 0 || linksUp < 0) {
            throw new IllegalArgumentException("round, delivered and linksUp are counts, never negative: round="
                    + round + ", delivered=" + delivered + ", linksUp=" + linksUp);
        }
    }
}
