package org.sintraee.protocol.cbc;

import java.util.Objects;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.crypto.QuorumCertificate;

/**
 * The messages of one consistent-broadcast instance, named as in [CKPS01] §2. Contents are
 * immutable {@link Bytes} (value equality, brief text); the text form keeps the paper's names.
 */
public sealed interface CbcMessage {

    /** {@code C-SEND(m)}: the sender's payload, to all. */
    record CSend(Bytes payload) implements CbcMessage {
        public CSend {
            Objects.requireNonNull(payload, "payload");
        }

        @Override
        public String toString() {
            return "C-SEND(" + payload + ")";
        }
    }

    /** {@code C-ECHO}: a signature on {@code (tag, "c-ready", H(m))}, to the sender only. */
    record CEcho(Bytes signature) implements CbcMessage {
        public CEcho {
            Objects.requireNonNull(signature, "signature");
        }

        @Override
        public String toString() {
            return "C-ECHO(" + signature + ")";
        }
    }

    /** {@code C-FINAL(d, σ)}: the digest and the echo-quorum certificate on it. */
    record CFinal(Bytes digest, QuorumCertificate sigma) implements CbcMessage {
        public CFinal {
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(sigma, "sigma");
        }

        @Override
        public String toString() {
            return "C-FINAL(" + digest + ", " + sigma + ")";
        }
    }

    /** {@code C-REQUEST(d)}: asks for the payload with digest d. */
    record CRequest(Bytes digest) implements CbcMessage {
        public CRequest {
            Objects.requireNonNull(digest, "digest");
        }

        @Override
        public String toString() {
            return "C-REQUEST(" + digest + ")";
        }
    }

    /** {@code C-ANSWER(m)}: the payload a request asked for; its hash decides. */
    record CAnswer(Bytes payload) implements CbcMessage {
        public CAnswer {
            Objects.requireNonNull(payload, "payload");
        }

        @Override
        public String toString() {
            return "C-ANSWER(" + payload + ")";
        }
    }
}
