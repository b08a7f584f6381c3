package org.sintraee.runtime.node;

/** A submission refused because the node is at capacity right now: retry later. */
public final class NodeBusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NodeBusyException(String message) {
        super("node busy, retry later: " + message);
    }
}
