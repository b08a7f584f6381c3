package org.sintraee.api;

/**
 * A request made inside a JTA transaction that was not broadcast because the transaction did
 * not commit (it rolled back, or its outcome is unknown). No server will deliver it.
 */
public class NotBroadcastException extends SintraException {

    private static final long serialVersionUID = 1L;

    public NotBroadcastException(String message) {
        super(message);
    }
}
