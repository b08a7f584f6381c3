package org.sintraee.protocol.rbc;

import java.util.Objects;
import org.sintraee.protocol.core.Bytes;

/**
 * The messages of one reliable-broadcast instance. They carry no tag: the parent routes
 * them to the instance, and the digests they carry are bound to the instance's tag, so a
 * message replayed from another instance names a digest nobody here echoes.
 * Contents are immutable {@link Bytes} (value equality, brief text) and validated by the protocol.
 */
public sealed interface RbcMessage {

    /** The sender's payload. */
    record Send(Bytes payload) implements RbcMessage {
        public Send {
            Objects.requireNonNull(payload, "payload");
        }
    }

    /** "I received SEND(m) with H(m) = digest." */
    record Echo(Bytes digest) implements RbcMessage {
        public Echo {
            Objects.requireNonNull(digest, "digest");
        }
    }

    /** "Enough servers vouch for digest that it is the only one that can be delivered." */
    record Ready(Bytes digest) implements RbcMessage {
        public Ready {
            Objects.requireNonNull(digest, "digest");
        }
    }

    /** To a server that echoed digest: "send me the payload". */
    record Request(Bytes digest) implements RbcMessage {
        public Request {
            Objects.requireNonNull(digest, "digest");
        }
    }

    /** The reply to a {@link Request}: the payload; its hash decides whether it is the one asked for. */
    record Answer(Bytes payload) implements RbcMessage {
        public Answer {
            Objects.requireNonNull(payload, "payload");
        }
    }
}
