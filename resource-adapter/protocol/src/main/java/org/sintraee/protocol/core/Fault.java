package org.sintraee.protocol.core;

import java.util.Objects;

/**
 * Misbehaviour observed from a peer: data, never an exception. The instance that saw it
 * keeps going; the runtime counts faults per peer for the admin page.
 */
public record Fault(int peer, Tag tag, FaultKind kind, String detail) {
    public Fault {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return kind + " by server " + peer + " in " + tag + ": " + detail;
    }
}
