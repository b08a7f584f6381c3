package org.sintraee.protocol.sim;

/**
 * A message on the simulated network, not yet delivered.
 *
 * @param seq     global send order (unique per run), for deterministic traces
 * @param from    the sender, 1..n
 * @param to      the receiver, 1..n
 * @param message the message itself
 */
public record InFlight<M>(long seq, int from, int to, M message) {

    @Override
    public String toString() {
        return "#" + seq + " " + from + "->" + to + ": " + message;
    }
}
