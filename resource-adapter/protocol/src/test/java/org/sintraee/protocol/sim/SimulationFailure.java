package org.sintraee.protocol.sim;

/** A failed simulated run; its message carries the seed (and, from {@link Seeds}, the replay command). */
public final class SimulationFailure extends AssertionError {
    private static final long serialVersionUID = 1L;

    public SimulationFailure(String message) {
        super(message);
    }

    public SimulationFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
