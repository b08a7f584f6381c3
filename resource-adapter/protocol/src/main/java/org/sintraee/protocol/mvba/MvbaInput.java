package org.sintraee.protocol.mvba;

import java.util.Objects;
import org.sintraee.protocol.core.Bytes;

/** Local inputs of validated agreement. */
public sealed interface MvbaInput {

    /** This server's proposal; it must satisfy Q (local misuse otherwise). */
    record Propose(Bytes value) implements MvbaInput {
        public Propose {
            Objects.requireNonNull(value, "value");
        }

        public Propose(byte[] value) {
            this(Bytes.of(value));
        }
    }
}
