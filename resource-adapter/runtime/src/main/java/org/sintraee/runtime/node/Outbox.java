package org.sintraee.runtime.node;

/**
 * Where the node hands frames for its peers: the links. Called on the node's loop thread,
 * in the order the protocol produced the messages, only after the journal made the
 * messages' steps durable. Must not block (the links queue and resend); it must not modify
 * {@code frame}, which may be shared between the peers of one broadcast. An exception
 * thrown here is treated as a bug and stops the node (a lost message would break the
 * protocols' reliable-link assumption silently).
 */
@FunctionalInterface
public interface Outbox {
    void send(int peer, byte[] frame);
}
