package org.sintraee.protocol.cbc;

import java.util.Arrays;
import java.util.Objects;
import org.sintraee.protocol.crypto.QuorumCertificate;

/** The messages of one consistent-broadcast instance, named as in [CKPS01] §2. */
public sealed interface CbcMessage {

    /** {@code C-SEND(m)}: the sender's payload, to all. */
    record CSend(byte[] payload) implements CbcMessage {
        public CSend {
            payload = payload.clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CSend s && Arrays.equals(s.payload, payload);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "C-SEND(" + Hex.brief(payload) + ")";
        }
    }

    /** {@code C-ECHO}: a signature on {@code (tag, "c-ready", H(m))}, to the sender only. */
    record CEcho(byte[] signature) implements CbcMessage {
        public CEcho {
            signature = signature.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CEcho e && Arrays.equals(e.signature, signature);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(signature);
        }

        @Override
        public String toString() {
            return "C-ECHO(" + Hex.brief(signature) + ")";
        }
    }

    /** {@code C-FINAL(d, σ)}: the digest and the echo-quorum certificate on it. */
    record CFinal(byte[] digest, QuorumCertificate sigma) implements CbcMessage {
        public CFinal {
            digest = digest.clone();
            Objects.requireNonNull(sigma, "sigma");
        }

        @Override
        public byte[] digest() {
            return digest.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CFinal f && Arrays.equals(f.digest, digest) && f.sigma.equals(sigma);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(digest) * 31 + sigma.hashCode();
        }

        @Override
        public String toString() {
            return "C-FINAL(" + Hex.brief(digest) + ", " + sigma + ")";
        }
    }

    /** {@code C-REQUEST(d)}: asks for the payload with digest d. */
    record CRequest(byte[] digest) implements CbcMessage {
        public CRequest {
            digest = digest.clone();
        }

        @Override
        public byte[] digest() {
            return digest.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CRequest r && Arrays.equals(r.digest, digest);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(digest);
        }

        @Override
        public String toString() {
            return "C-REQUEST(" + Hex.brief(digest) + ")";
        }
    }

    /** {@code C-ANSWER(m)}: the payload a request asked for; its hash decides. */
    record CAnswer(byte[] payload) implements CbcMessage {
        public CAnswer {
            payload = payload.clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CAnswer a && Arrays.equals(a.payload, payload);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "C-ANSWER(" + Hex.brief(payload) + ")";
        }
    }
}
