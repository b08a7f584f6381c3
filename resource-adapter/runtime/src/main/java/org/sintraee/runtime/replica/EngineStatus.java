package org.sintraee.runtime.replica;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one {@link ReplicaEngine}.
 *
 * @param serverId  this server's id
 * @param ready     links to at least quorum() - 1 peers are up, the node has not failed and the
 *                  engine is not closed
 * @param round     the atomic broadcast's current round
 * @param delivered requests delivered (journaled) so far, replayed ones included
 * @param linkUp    per peer id (this server excluded): whether its link is up now
 * @param failure   why the node stopped, if it failed
 * @param closed    {@link ReplicaEngine#close()} was called
 */
public record EngineStatus(int serverId, boolean ready, long round, long delivered, Map<Integer, Boolean> linkUp,
                           Optional<String> failure, boolean closed) {
    public EngineStatus {
        linkUp = Map.copyOf(Objects.requireNonNull(linkUp, "linkUp"));
        Objects.requireNonNull(failure, "failure");
    }

    /** How many peer links are up. */
    public int linksUp() {
        return (int) linkUp.values().stream().filter(Boolean::booleanValue).count();
    }
}
