package org.sintraee.protocol.aba;

import java.util.Arrays;
import java.util.Optional;
import org.sintraee.protocol.core.Bytes;

/**
 * The agreed bit, the round it was decided in, and for a biased decision of 1 the external
 * proof π that the deciding server holds (so the caller can fetch the candidate's value).
 */
public record Decision(boolean value, Optional<byte[]> proof, int round) {
    public Decision {
        proof = proof.map(byte[]::clone);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decision d && d.value == value && d.round == round
                && d.proof.isPresent() == proof.isPresent() && (proof.isEmpty() || Arrays.equals(d.proof.get(), proof.get()));
    }

    @Override
    public int hashCode() {
        return (Boolean.hashCode(value) * 31 + round) * 31 + proof.map(Arrays::hashCode).orElse(0);
    }

    @Override
    public String toString() {
        return "Decision[" + (value ? 1 : 0) + " in round " + round + proof.map(p -> ", π=" + Bytes.brief(p)).orElse("") + "]";
    }
}
