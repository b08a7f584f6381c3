package org.sintraee.api;

import java.io.Serializable;
import java.util.Objects;

/**
 * One inbound activation (a message endpoint receiving the total order) as the admin page shows it.
 *
 * @param endpoint     the activation's name (the message-driven bean)
 * @param state        {@code STARTING} (asking the endpoint where to resume), {@code WAITING} (for the
 *                     next delivery), {@code DELIVERING}, {@code RETRYING} (the endpoint failed; backing
 *                     off), {@code STOPPED}
 * @param nextSeq      the next seq to deliver: the endpoint has applied every seq below it; -1 before
 *                     the endpoint said where it resumes
 * @param delivered    deliveries the endpoint accepted in this activation
 * @param failures     failed calls of the endpoint in this activation (all retried)
 * @param lastError    the last failure's exception and message, "" if none
 * @param failingSince ISO-8601 time of the first failure of the delivery now being retried, "" if
 *                     the last call succeeded
 */
public record InboundStatus(String endpoint, String state, long nextSeq, long delivered, long failures,
                            String lastError, String failingSince) implements Serializable {

    private static final long serialVersionUID = 1L;

    public InboundStatus {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(failingSince, "failingSince");
        if (nextSeq < -1 || delivered < 0 || failures < 0) {
            throw new IllegalArgumentException("nextSeq >= -1 and counts >= 0: nextSeq=" + nextSeq
                    + ", delivered=" + delivered + ", failures=" + failures);
        }
    }
}
