package org.sintraee.protocol.core;

import java.util.Objects;

/** A message a step asks the runtime to send, with its target. */
public record Outgoing<M>(Target target, M message) {
    public Outgoing {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(message, "message");
    }
}
