package org.sintraee.runtime.node;

/**
 * Receives the total order. Called on the node's loop thread, in seq order without gaps,
 * only after the delivery is durable in the journal. Keep it short (hand the work to another
 * thread): the loop does nothing else meanwhile. An exception is logged and the node goes
 * on; the delivery stays in the journal.
 */
@FunctionalInterface
public interface DeliveryListener {
    void delivered(long seq, long round, byte[] request);
}
