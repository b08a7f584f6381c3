package org.sintraee.protocol.sim;

/** Protocol-independent adversaries. */
public final class Adversaries {
    private Adversaries() {
    }

    /** Crashed faulty servers: they receive everything and never send. */
    public static <M> Adversary<M> silent() {
        return (m, ctx) -> {
        };
    }
}
