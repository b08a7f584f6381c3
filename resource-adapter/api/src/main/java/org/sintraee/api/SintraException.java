package org.sintraee.api;

/**
 * A failure of the replication service as seen by an application: no connection,
 * a closed connection, or a replica that cannot answer.
 *
 * <p>Unchecked on purpose: these are infrastructure failures the calling bean cannot
 * repair, and thrown from an enterprise bean a runtime exception is a system exception,
 * which rolls back the caller's transaction - the safe default.
 */
public class SintraException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SintraException(String message) {
        super(message);
    }

    public SintraException(String message, Throwable cause) {
        super(message, cause);
    }
}
