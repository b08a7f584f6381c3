package org.sintraee.protocol.cbc;

import java.util.Objects;
import org.sintraee.protocol.core.Bytes;

/** Local inputs of a consistent-broadcast instance. */
public sealed interface CbcInput {

    /** The designated sender c-broadcasts {@code payload}. */
    record Broadcast(Bytes payload) implements CbcInput {
        public Broadcast {
            Objects.requireNonNull(payload, "payload");
        }

        public Broadcast(byte[] payload) {
            this(Bytes.of(payload));
        }
    }

    /**
     * A valid proof learned from another protocol (an MVBA v-vote): fetch the payload it
     * certifies and deliver it. Consistency makes it the only payload this instance can deliver.
     */
    record Adopt(CbcProof proof) implements CbcInput {
        public Adopt {
            Objects.requireNonNull(proof, "proof");
        }
    }
}
