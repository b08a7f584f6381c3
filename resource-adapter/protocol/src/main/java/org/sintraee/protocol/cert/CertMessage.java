package org.sintraee.protocol.cert;

import java.util.Arrays;
import java.util.Objects;
import org.sintraee.protocol.core.Bytes;

/** Messages of a {@link RoundCertifier}. */
public sealed interface CertMessage {

    long round();

    /** {@code SIGN-SHARE(round, share)}: the sender's encoded Shoup signature share on the round's statement. */
    record SignShare(long round, byte[] share) implements CertMessage {
        public SignShare {
            if (round < 0) {
                throw new IllegalArgumentException("round " + round);
            }
            share = Objects.requireNonNull(share, "share").clone();
        }

        @Override
        public byte[] share() {
            return share.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SignShare s && round == s.round && Arrays.equals(share, s.share);
        }

        @Override
        public int hashCode() {
            return 31 * Long.hashCode(round) + Arrays.hashCode(share);
        }

        @Override
        public String toString() {
            return "SIGN-SHARE(" + round + ", " + Bytes.brief(share) + ")";
        }
    }
}
