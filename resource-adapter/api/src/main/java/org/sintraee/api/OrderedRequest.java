package org.sintraee.api;

import java.util.Objects;

/**
 * The CDI event the Sintra EE message-driven bean fires for each delivery, exactly once per
 * server and in total order, inside the delivery's transaction: application beans
 * {@code @Observes OrderedRequest} and apply it; an observer that throws rolls the delivery
 * back and it is retried, never skipped.
 *
 * @param delivery the request with its seq and round
 */
public record OrderedRequest(Delivery delivery) {

    public OrderedRequest {
        Objects.requireNonNull(delivery, "delivery");
    }

    public long seq() {
        return delivery.seq();
    }

    public long round() {
        return delivery.round();
    }

    /** A copy of the request's bytes. */
    public byte[] request() {
        return delivery.request();
    }
}
