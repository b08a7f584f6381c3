package org.sintraee.protocol.aba;

import java.util.Arrays;
import java.util.Optional;
import org.sintraee.protocol.core.Bytes;

/**
 * A server's input: a bit, and for the biased variant the external proof π that must come
 * with an input of 1.
 */
public record Proposal(boolean value, Optional<byte[]> proof) {
    public Proposal {
        proof = proof.map(byte[]::clone);
    }

    public static Proposal of(boolean value) {
        return new Proposal(value, Optional.empty());
    }

    /** Input 1 with its external proof (biased variant). */
    public static Proposal one(byte[] proof) {
        return new Proposal(true, Optional.of(proof));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Proposal p && p.value == value && p.proof.isPresent() == proof.isPresent()
                && (proof.isEmpty() || Arrays.equals(p.proof.get(), proof.get()));
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(value) * 31 + proof.map(Arrays::hashCode).orElse(0);
    }

    @Override
    public String toString() {
        return "Proposal[" + (value ? 1 : 0) + proof.map(p -> ", π=" + Bytes.brief(p)).orElse("") + "]";
    }
}
