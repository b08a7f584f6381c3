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

    /**
     * The request's type by the convention that a typed request starts with its type name in
     * printable ASCII (at most {@value #MAX_TYPE_CHARS} characters, no spaces) and a zero byte,
     * e.g. {@code "sintra-ee/notary/v1\0..."}; empty for any other request. The Sintra EE bean
     * fires each event with a {@code @RequestType} qualifier of this name, so an observer can
     * take one type only; one without a qualifier sees every request.
     */
    public java.util.Optional<String> type() {
        return typeOf(delivery.request());
    }

    /** Longest type name {@link #type()} reads. */
    public static final int MAX_TYPE_CHARS = 64;

    /** {@link #type()} of raw request bytes. */
    public static java.util.Optional<String> typeOf(byte[] request) {
        for (int i = 0; i < request.length && i <= MAX_TYPE_CHARS; i++) {
            byte c = request[i];
            if (c == 0) {
                return i == 0 ? java.util.Optional.empty()
                        : java.util.Optional.of(new String(request, 0, i, java.nio.charset.StandardCharsets.US_ASCII));
            }
            if (c <= ' ' || c > '~') {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }
}
