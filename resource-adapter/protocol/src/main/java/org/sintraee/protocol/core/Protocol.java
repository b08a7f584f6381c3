package org.sintraee.protocol.core;

/**
 * The one contract of every protocol instance (after hbbft's {@code ConsensusProtocol}):
 * a deterministic state machine that takes a local input or a message from a peer and
 * returns a {@link Step}. No threads, clocks, IO or ambient randomness.
 *
 * <p>A peer's misbehaviour is a {@link Fault} in the returned step, never an exception;
 * exceptions mean local misuse (an input the caller should not have given) or a bug.
 *
 * @param <I> local inputs
 * @param <M> messages exchanged between the servers running this instance
 * @param <O> outputs to the caller
 */
public interface Protocol<I, M, O> {

    /** This instance's tag. */
    Tag tag();

    /** Handles a local input (a proposal, a request to broadcast). */
    Step<M, O> handleInput(I input);

    /** Handles a message from server {@code sender} (1..n, authenticated by the links). */
    Step<M, O> handleMessage(int sender, M message);

    /** True once the instance has produced its final output and needs no more input. */
    boolean terminated();
}
