package org.sintraee.runtime.link;

/**
 * A snapshot of one peer link.
 *
 * @param up                  a connection is established and HELLOs were exchanged
 * @param sinceMillis         epoch ms of the last up/down change (or of opening)
 * @param lastReceivedMillis  epoch ms of the last frame received from the peer, 0 if none
 * @param bytesIn             frame bytes received from the peer
 * @param bytesOut            frame bytes written towards the peer
 * @param queuedBytes         payload bytes queued for the peer and not yet acknowledged
 * @param dropped             payloads dropped unacknowledged because the queue exceeded its bound
 * @param rejectedConnections connections for this peer's slot refused or cut for misbehaviour: a
 *                            dialled server presenting another certificate, malformed link frames
 * @param idleTimeouts        connections closed because nothing, not even a PING, arrived for the
 *                            idle timeout
 */
public record LinkStatus(boolean up, long sinceMillis, long lastReceivedMillis, long bytesIn, long bytesOut,
                         long queuedBytes, long dropped, long rejectedConnections, long idleTimeouts) {
}
