package org.sintraee.runtime.client;

/** A replica refused a call: {@link #busy()} means retry later (back-pressure), otherwise never. */
public final class RefusedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean busy;

    public RefusedException(boolean busy, String reason) {
        super(reason);
        this.busy = busy;
    }

    public boolean busy() {
        return busy;
    }
}
