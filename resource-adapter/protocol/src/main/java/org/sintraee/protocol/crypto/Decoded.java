package org.sintraee.protocol.crypto;

import java.util.Objects;
import java.util.Optional;

/** A value decoded from untrusted bytes, or the reason it could not be. Never an exception. */
public final class Decoded<T> {
    private final T value;
    private final String error;

    private Decoded(T value, String error) {
        this.value = value;
        this.error = error;
    }

    public static <T> Decoded<T> of(T value) {
        return new Decoded<>(Objects.requireNonNull(value), null);
    }

    public static <T> Decoded<T> error(String reason) {
        return new Decoded<>(null, Objects.requireNonNull(reason));
    }

    public boolean ok() {
        return error == null;
    }

    public Optional<T> value() {
        return Optional.ofNullable(value);
    }

    /** The value; only after {@link #ok()} said so. */
    public T get() {
        if (error != null) {
            throw new IllegalStateException("not decoded: " + error);
        }
        return value;
    }

    public String error() {
        return error;
    }
}
