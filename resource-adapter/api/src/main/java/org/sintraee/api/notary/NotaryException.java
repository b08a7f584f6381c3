package org.sintraee.api.notary;

/** No server gave a valid notary answer; the message names each server's failure. */
public class NotaryException extends Exception {
    private static final long serialVersionUID = 1L;

    public NotaryException(String message) {
        super(message);
    }
}
