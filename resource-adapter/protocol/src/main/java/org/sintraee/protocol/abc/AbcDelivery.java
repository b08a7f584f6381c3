package org.sintraee.protocol.abc;

import java.util.Objects;
import org.sintraee.protocol.core.Bytes;

/**
 * One a-delivered request: {@code seq} is its place in the total order (0, 1, 2, ... without
 * gaps, the same at every honest server), {@code round} the round whose agreement fixed it.
 */
public record AbcDelivery(long seq, long round, Bytes request) {
    public AbcDelivery {
        Objects.requireNonNull(request, "request");
    }
}
