package org.sintraee.protocol.aba;

import java.util.Objects;
import org.sintraee.protocol.crypto.QuorumCertificate;

/**
 * Why a vote is allowed ([CKS00] §4). Quorum certificates stand in for threshold
 * signatures of the same threshold; each statement names the tag, the step, the round and
 * the value, so a certificate for one purpose is never accepted for another.
 */
public sealed interface Justification {

    /** Round 1 of the biased variant: none; a pre-vote for 1 carries π in the vote itself. */
    record Initial() implements Justification {
    }

    /** Round-1 pre-vote for b: t + 1 signatures on (tag, pre-process, b). */
    record PreProcessed(QuorumCertificate certificate) implements Justification {
        public PreProcessed {
            Objects.requireNonNull(certificate, "certificate");
        }
    }

    /**
     * "Hard" pre-vote for b in round r: a main-vote for b of round r - 1, i.e. its
     * justification, n - t signatures on (tag, pre-vote, r - 1, b).
     */
    record Hard(QuorumCertificate certificate) implements Justification {
        public Hard {
            Objects.requireNonNull(certificate, "certificate");
        }
    }

    /** "Soft" pre-vote for coin(r - 1): n - t signatures on (tag, main-vote, r - 1, abstain). */
    record Soft(QuorumCertificate certificate) implements Justification {
        public Soft {
            Objects.requireNonNull(certificate, "certificate");
        }
    }

    /** Main-vote for b in round r: n - t signatures on (tag, pre-vote, r, b). */
    record PreVoted(QuorumCertificate certificate) implements Justification {
        public PreVoted {
            Objects.requireNonNull(certificate, "certificate");
        }
    }

    /** Main-vote abstain in round r: the justifications of a round-r pre-vote for 0 and one for 1. */
    record Abstain(Justification forZero, Justification forOne) implements Justification {
        public Abstain {
            Objects.requireNonNull(forZero, "forZero");
            Objects.requireNonNull(forOne, "forOne");
        }
    }
}
