package org.sintraee.api;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * This server's view of one peer: its link and the faults attributed to it.
 *
 * @param id                 the peer's id
 * @param up                 the TLS link is established now
 * @param sinceMillis        epoch ms of the link's last up/down change (or of its opening)
 * @param lastReceivedMillis epoch ms of the last frame received from the peer, 0 if none
 * @param bytesIn            frame bytes received from the peer
 * @param bytesOut           frame bytes written towards the peer
 * @param queuedBytes        bytes queued for the peer and not yet acknowledged
 * @param dropped            messages dropped because the peer's queue exceeded its bound
 * @param faults             faults attributed to the peer, by kind (for example {@code MALFORMED});
 *                           kinds never seen are absent
 */
public record PeerStatus(int id, boolean up, long sinceMillis, long lastReceivedMillis, long bytesIn, long bytesOut,
                         long queuedBytes, long dropped, Map<String, Long> faults) implements Serializable {

    private static final long serialVersionUID = 1L;

    public PeerStatus {
        // sorted by kind, so the JSON is stable; a TreeMap stays serializable
        faults = new TreeMap<>(Objects.requireNonNull(faults, "faults"));
    }

    /** All faults attributed to the peer. */
    public long faultCount() {
        return faults.values().stream().mapToLong(Long::longValue).sum();
    }
}
