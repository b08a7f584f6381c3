package org.sintraee.protocol.mvba;

import java.util.Arrays;
import org.sintraee.protocol.core.Bytes;

/**
 * The decision of validated agreement: the value (the proposal of server {@code candidate},
 * as c-broadcast by it), and the iteration {@code l} (1..n) at which candidate Π(l) was chosen.
 */
public record MvbaDecision(byte[] value, int candidate, int iteration) {
    public MvbaDecision {
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MvbaDecision d && d.candidate == candidate && d.iteration == iteration
                && Arrays.equals(d.value, value);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(value) * 31 + candidate) * 31 + iteration;
    }

    @Override
    public String toString() {
        return "MvbaDecision(" + Bytes.brief(value) + ", candidate " + candidate + ", iteration " + iteration + ")";
    }
}
