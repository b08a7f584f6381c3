package org.sintraee.protocol.crypto;

import java.util.Objects;

/**
 * The outcome of checking something a peer sent: valid, or invalid with a reason a
 * human can read. Verification never throws on bad input; it returns one of these,
 * so that a protocol can record the reason as a fault against the sender.
 */
public record Verdict(boolean isValid, String reason) {

    public static final Verdict VALID = new Verdict(true, "valid");

    public Verdict {
        Objects.requireNonNull(reason, "reason");
    }

    public static Verdict invalid(String reason) {
        return new Verdict(false, reason);
    }

    /** This verdict if invalid, else {@code next}: lets checks read as a chain. */
    public Verdict and(java.util.function.Supplier<Verdict> next) {
        return isValid ? next.get() : this;
    }
}
