package org.sintraee.protocol.cert;

import java.util.Arrays;
import java.util.Objects;
import org.sintraee.protocol.core.Bytes;

/** Output: the service's signature on {@code round}'s statement (PKCS#1 v1.5, SHA-256). */
public record Certified(long round, byte[] statement, byte[] signature) {
    public Certified {
        statement = Objects.requireNonNull(statement, "statement").clone();
        signature = Objects.requireNonNull(signature, "signature").clone();
    }

    @Override
    public byte[] statement() {
        return statement.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Certified c && round == c.round && Arrays.equals(statement, c.statement)
                && Arrays.equals(signature, c.signature);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(round) + Arrays.hashCode(statement)) + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "Certified(" + round + ", " + Bytes.brief(statement) + ", " + Bytes.brief(signature) + ")";
    }
}
