package org.sintraee.api;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One request at its position in the total order, as every correct server delivers it.
 *
 * @param seq     its position in the total order, from 0, without gaps
 * @param round   the atomic-broadcast round that ordered it (for a delivery replayed from the
 *                journal past its last decided round, a lower bound)
 * @param request the request's bytes, as submitted (copied in and out: the record is immutable)
 */
public record Delivery(long seq, long round, byte[] request) {

    public Delivery {
        if (seq < 0 || round < 0) {
            throw new IllegalArgumentException("seq and round are never negative: seq=" + seq + ", round=" + round);
        }
        request = Objects.requireNonNull(request, "request").clone();
    }

    /** A copy of the request's bytes. */
    @Override
    public byte[] request() {
        return request.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Delivery d && d.seq == seq && d.round == round && Arrays.equals(d.request, request);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seq, round, Arrays.hashCode(request));
    }

    /** Seq, round, length and at most the first 16 bytes in hex (a request may be large). */
    @Override
    public String toString() {
        String head = HexFormat.of().formatHex(request, 0, Math.min(16, request.length));
        return "Delivery[seq=" + seq + ", round=" + round + ", " + request.length + " bytes "
                + head + (request.length > 16 ? "..." : "") + "]";
    }
}
