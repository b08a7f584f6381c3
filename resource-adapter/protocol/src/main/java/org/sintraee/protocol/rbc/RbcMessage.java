package org.sintraee.protocol.rbc;

import java.util.Arrays;

/**
 * The messages of one reliable-broadcast instance. They carry no tag: the parent routes
 * them to the instance, and the digests they carry are bound to the instance's tag, so a
 * message replayed from another instance names a digest nobody here echoes.
 * Arrays are kept as received (never shared with the sender) and validated by the protocol.
 */
public sealed interface RbcMessage {

    /** The sender's payload. */
    record Send(byte[] payload) implements RbcMessage {
        public Send {
            payload = payload.clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Send s && Arrays.equals(s.payload, payload);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "Send[" + Brief.of(payload) + "]";
        }
    }

    /** "I received SEND(m) with H(m) = digest." */
    record Echo(byte[] digest) implements RbcMessage {
        public Echo {
            digest = digest.clone();
        }

        @Override
        public byte[] digest() {
            return digest.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Echo e && Arrays.equals(e.digest, digest);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(digest);
        }

        @Override
        public String toString() {
            return "Echo[" + Brief.of(digest) + "]";
        }
    }

    /** "Enough servers vouch for digest that it is the only one that can be delivered." */
    record Ready(byte[] digest) implements RbcMessage {
        public Ready {
            digest = digest.clone();
        }

        @Override
        public byte[] digest() {
            return digest.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ready r && Arrays.equals(r.digest, digest);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(digest);
        }

        @Override
        public String toString() {
            return "Ready[" + Brief.of(digest) + "]";
        }
    }

    /** To a server that echoed digest: "send me the payload". */
    record Request(byte[] digest) implements RbcMessage {
        public Request {
            digest = digest.clone();
        }

        @Override
        public byte[] digest() {
            return digest.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Request r && Arrays.equals(r.digest, digest);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(digest);
        }

        @Override
        public String toString() {
            return "Request[" + Brief.of(digest) + "]";
        }
    }

    /** The reply to a {@link Request}: the payload; its hash decides whether it is the one asked for. */
    record Answer(byte[] payload) implements RbcMessage {
        public Answer {
            payload = payload.clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Answer a && Arrays.equals(a.payload, payload);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "Answer[" + Brief.of(payload) + "]";
        }
    }
}
