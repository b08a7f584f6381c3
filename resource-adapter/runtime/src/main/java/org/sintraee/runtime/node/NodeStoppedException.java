package org.sintraee.runtime.node;

/**
 * A submission that cannot complete because the node stopped (closed, or failed; the reason
 * says which). Whether the request is delivered later by the other servers is unknown to
 * this node.
 */
public final class NodeStoppedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public NodeStoppedException(String reason) {
        super("node stopped: " + reason);
    }
}
