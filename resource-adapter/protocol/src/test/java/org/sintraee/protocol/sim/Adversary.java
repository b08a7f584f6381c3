package org.sintraee.protocol.sim;

/**
 * Acts for the faulty servers (after hbbft's {@code Adversary}): it receives every message
 * addressed to them and may send anything in their name. Protocol-specific strategies live
 * beside each protocol's tests.
 */
public interface Adversary<M> {

    /** Called once, before the run: e.g. faulty servers send their own junk. */
    default void start(AdversaryContext<M> ctx) {
    }

    /** A message delivered to a faulty server. */
    void onMessage(InFlight<M> m, AdversaryContext<M> ctx);
}
