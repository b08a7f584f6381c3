package org.sintraee.runtime.node;

import org.sintraee.protocol.core.Bytes;

/**
 * A request as a map key with its hash computed once (on the submitter's thread for local
 * requests): {@code Bytes} rehashes its whole content on every lookup, and requests are KiBs.
 */
final class RequestKey {
    private final Bytes request;
    private final int hash;

    RequestKey(Bytes request) {
        this.request = request;
        this.hash = request.hashCode();
    }

    Bytes request() {
        return request;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestKey k && k.hash == hash && k.request.equals(request);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return request.toString();
    }
}
