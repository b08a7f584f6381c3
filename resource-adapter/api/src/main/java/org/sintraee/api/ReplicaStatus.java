package org.sintraee.api;

import java.io.Serializable;
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
 */
public record ReplicaStatus(int serverId, int servers, int faulty, String state,
                            String dataDirectory, String startedAt) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ReplicaStatus {
        Objects.requireNonNull(state, "state");
    }
}
