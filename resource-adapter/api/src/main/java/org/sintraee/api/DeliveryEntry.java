package org.sintraee.api;

import java.io.Serializable;
import java.util.Objects;

/**
 * One recent delivery, as the admin page lists it. Never the request's content: only its size
 * and a prefix of its SHA-256, enough to tell requests apart and to match one a client sent.
 *
 * @param seq          the request's position in the total order, from 0
 * @param round        the atomic-broadcast round that ordered it
 * @param size         the request's length in bytes
 * @param sha256Prefix the first bytes of the request's SHA-256, in lower-case hex
 * @param atMillis     epoch ms when this server delivered it
 */
public record DeliveryEntry(long seq, long round, int size, String sha256Prefix, long atMillis)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public DeliveryEntry {
        Objects.requireNonNull(sha256Prefix, "sha256Prefix");
        if (seq < 0 || round < 0 || size < 0) {
            throw new IllegalArgumentException("seq, round and size are never negative: seq=" + seq
                    + ", round=" + round + ", size=" + size);
        }
    }
}
