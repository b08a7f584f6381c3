package org.sintraee.protocol.cbc;

import java.util.Arrays;
import java.util.Objects;
import org.sintraee.protocol.core.Bytes;

/** The output of consistent broadcast: the payload and its transferable proof. */
public record Delivered(byte[] payload, CbcProof proof) {
    public Delivered {
        payload = payload.clone();
        Objects.requireNonNull(proof, "proof");
    }

    @Override
    public byte[] payload() {
        return payload.clone();
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
