package org.sintraee.protocol.cert;

import java.util.Arrays;
import java.util.Objects;
import org.sintraee.protocol.core.Bytes;

/** Local inputs of a {@link RoundCertifier}. */
public sealed interface CertInput {

    long round();

    /** This server delivered {@code round}; {@code statement} is what the service key signs for it. */
    record Delivered(long round, byte[] statement) implements CertInput {
        public Delivered {
            if (round < 0) {
                throw new IllegalArgumentException("round " + round);
            }
            statement = Objects.requireNonNull(statement, "statement").clone();
        }

        @Override
        public byte[] statement() {
            return statement.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Delivered d && round == d.round && Arrays.equals(statement, d.statement);
        }

        @Override
        public int hashCode() {
            return 31 * Long.hashCode(round) + Arrays.hashCode(statement);
        }

        @Override
        public String toString() {
            return "Delivered(" + round + ", " + Bytes.brief(statement) + ")";
        }
    }

    /** A local client wants the certificate of delivered {@code round}: sign it (once) and collect. */
    record Sign(long round) implements CertInput {
    }
}
