package org.sintraee.protocol.core;

import org.sintraee.protocol.crypto.Hashes;

/**
 * The bytes a server signs, or a coin is named by: a hash of the instance tag, the step
 * in the paper's words and the step's values. Naming the tag and the step makes every
 * signature, certificate and coin valid for one purpose only (domain separation).
 */
public final class Statement {
    private Statement() {
    }

    /** e.g. {@code Statement.of(tag, "c-ready", digest)} or {@code Statement.of(tag, "pre-vote", int32(r), {b})}. */
    public static byte[] of(Tag tag, String step, byte[]... values) {
        byte[][] parts = new byte[values.length + 2][];
        parts[0] = tag.encoded();
        parts[1] = Hashes.utf8(step);
        System.arraycopy(values, 0, parts, 2, values.length);
        return Hashes.sha256("sintra-ee/statement", parts);
    }
}
