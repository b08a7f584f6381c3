package org.sintraee.api;

/**
 * The local replica refused a request because it is at capacity right now (back-pressure).
 * Nothing was broadcast: retry later, in a new transaction if the request was made in one.
 */
public class SintraBusyException extends SintraException {

    private static final long serialVersionUID = 1L;

    public SintraBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
