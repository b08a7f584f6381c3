package org.sintraee.runtime.wire;

/** A malformed frame; thrown inside the decoders only and turned into {@code Decoded.error} at the entry. */
final class WireException extends Exception {
    WireException(String reason) {
        super(reason, null, false, false); // no stack trace: malformed input is routine, not a bug
    }
}
