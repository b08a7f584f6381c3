package org.sintraee.rar;

import java.time.Instant;
import org.sintraee.api.InboundStatus;

/**
 * One activation's progress, for the admin page: written by its delivery work only, read by
 * any thread (each field is volatile; a snapshot may mix two successive states, never invent one).
 */
final class InboundProgress {
    /** Bound on the error text kept: an endpoint's exception message may be long. */
    static final int MAX_ERROR_CHARS = 300;

    enum State { STARTING, WAITING, DELIVERING, RETRYING, STOPPED }

    private final String endpoint;
    private volatile State state = State.STARTING;
    private volatile long nextSeq = -1;
    private volatile long delivered;
    private volatile long failures;
    private volatile String lastError = "";
    private volatile Instant failingSince;

    InboundProgress(String endpoint) {
        this.endpoint = endpoint;
    }

    String endpoint() {
        return endpoint;
    }

    void state(State s) {
        state = s;
    }

    void resumeAt(long seq) {
        nextSeq = seq;
    }

    long nextSeq() {
        return nextSeq;
    }

    /** The call succeeded: the failure streak, if any, is over (lastError stays for the record). */
    void succeeded() {
        failingSince = null;
    }

    void applied(long seq) {
        delivered++;
        nextSeq = seq + 1;
        failingSince = null;
    }

    void failed(Throwable e) {
        failures++;
        lastError = describe(e);
        if (failingSince == null) {
            failingSince = Instant.now();
        }
        state = State.RETRYING;
    }

    boolean failing() {
        return failingSince != null;
    }

    InboundStatus snapshot() {
        Instant since = failingSince;
        return new InboundStatus(endpoint, state.name(), nextSeq, delivered, failures, lastError,
                since == null ? "" : since.toString());
    }

    /**
     * The innermost cause's class and message: a container wraps an endpoint's exception
     * (EJBException, TransactionRolledbackException), and the cause is what the operator needs.
     */
    static String describe(Throwable e) {
        Throwable root = e;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 16; depth++) {
            root = root.getCause();
        }
        String text = root.getClass().getName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "...";
    }
}
