package org.sintraee.runtime.link;

/**
 * Where {@link PeerLinks} hands what peers sent. Called on a link thread (one per peer at a
 * time), in the peer's sending order, each payload exactly once per incarnation of both ends;
 * it must not block for long, or that peer's link stalls (the others do not).
 */
public interface Inbound {
    /** A payload from authenticated server {@code peer}; the array is the receiver's to keep. */
    void received(int peer, byte[] payload);

    /** The link to {@code peer} came up (HELLO exchanged) or went down. Informational only. */
    default void linkChanged(int peer, boolean up) {
    }
}
