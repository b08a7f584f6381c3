package org.sintraee.protocol.cbc;

import java.util.Arrays;
import java.util.Objects;
import org.sintraee.protocol.core.Bytes;

/** Local inputs of a consistent-broadcast instance. */
public sealed interface CbcInput {

    /** The designated sender c-broadcasts {@code payload}. */
    record Broadcast(byte[] payload) implements CbcInput {
        public Broadcast {
            payload = payload.clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Broadcast b && Arrays.equals(b.payload, payload);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "Broadcast(" + Bytes.brief(payload) + ")";
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
