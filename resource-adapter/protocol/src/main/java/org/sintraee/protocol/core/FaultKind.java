package org.sintraee.protocol.core;

/** The kinds of misbehaviour a protocol can attribute to a peer. */
public enum FaultKind {
    /** Bytes or fields that do not parse, or values out of range. */
    MALFORMED,
    /** A signature, share or proof that does not verify. */
    INVALID_PROOF,
    /** A vote or message without the justification its step requires. */
    UNJUSTIFIED,
    /** A second, different message for a slot the sender already filled. */
    EQUIVOCATION,
    /** A message the protocol never expects from that sender in that state. */
    UNEXPECTED,
    /** More buffered messages than a sender is allowed. */
    FLOODING
}
