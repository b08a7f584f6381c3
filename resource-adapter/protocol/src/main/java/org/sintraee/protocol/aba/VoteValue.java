package org.sintraee.protocol.aba;

/** A main-vote's value: 0, 1, or abstain (CKS00's "⊥"). Pre-votes are 0 or 1 only. */
public enum VoteValue {
    ZERO, ONE, ABSTAIN;

    public static VoteValue of(boolean bit) {
        return bit ? ONE : ZERO;
    }

    /** The byte signed in statements: 0, 1, 2. */
    byte code() {
        return (byte) ordinal();
    }
}
