package org.sintraee.protocol.abc;

import java.util.Objects;
import org.sintraee.protocol.core.Bytes;

/** Local inputs of atomic broadcast. */
public sealed interface AbcInput {

    /** A client's request to be a-broadcast (opaque bytes; identified by their SHA-256 digest). */
    record Submit(Bytes request) implements AbcInput {
        public Submit {
            Objects.requireNonNull(request, "request");
        }
    }
}
