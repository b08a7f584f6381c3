package org.sintraee.protocol.cbc;

import java.util.Arrays;
import java.util.Objects;
import org.sintraee.protocol.core.Bytes;

/**
 * The output of consistent broadcast: the payload and its transferable proof. Immutable:
 * the payload is copied in and out. Not a record, so that the broadcast itself can hand over
 * the array it already holds ({@link #sharing}) instead of a second copy: agreements keep
 * their c-broadcasts for 16 rounds, and a payload there is a whole proposal vector.
 */
public final class Delivered {
    private final byte[] payload;
    private final CbcProof proof;

    public Delivered(byte[] payload, CbcProof proof) {
        this(payload.clone(), proof, true);
    }

    private Delivered(byte[] owned, CbcProof proof, boolean unused) {
        this.payload = owned;
        this.proof = Objects.requireNonNull(proof, "proof");
    }

    /** A delivery over {@code payload} itself, which the caller holds and never changes. */
    static Delivered sharing(byte[] payload, CbcProof proof) {
        return new Delivered(Objects.requireNonNull(payload, "payload"), proof, true);
    }

    /** A copy of the payload. */
    public byte[] payload() {
        return payload.clone();
    }

    public CbcProof proof() {
        return proof;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Delivered d && Arrays.equals(d.payload, payload) && d.proof.equals(proof);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(payload) * 31 + proof.hashCode();
    }

    @Override
    public String toString() {
        return "Delivered(" + Bytes.brief(payload) + ", " + proof + ")";
    }
}
