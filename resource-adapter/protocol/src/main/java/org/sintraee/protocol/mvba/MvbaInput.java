package org.sintraee.protocol.mvba;

import java.util.Arrays;
import org.sintraee.protocol.core.Bytes;

/** Local inputs of validated agreement. */
public sealed interface MvbaInput {

    /** This server's proposal; it must satisfy Q (local misuse otherwise). */
    record Propose(byte[] value) implements MvbaInput {
        public Propose {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Propose p && Arrays.equals(p.value, value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Propose(" + Bytes.brief(value) + ")";
        }
    }
}
