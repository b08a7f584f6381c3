package org.sintraee.runtime.node;

/**
 * Receives the total order. Called on the node's loop thread, in seq order without gaps,
 * only after the delivery is durable in the journal. On every start it first receives every
 * delivery the journal holds, from seq 0 (replayed; {@code round} is exact up to the last
 * Decided marker, the resume round, a lower bound, past it), then new ones: a consumer that
 * keeps state across restarts skips the seqs it has. Keep it short (hand the work to another
 * thread): the loop does nothing else meanwhile. An exception is logged and the node goes
 * on; the delivery stays in the journal.
 */
@FunctionalInterface
public interface DeliveryListener {
    void delivered(long seq, long round, byte[] request);
}
