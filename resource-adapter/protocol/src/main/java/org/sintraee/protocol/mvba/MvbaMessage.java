package org.sintraee.protocol.mvba;

import java.util.Objects;
import java.util.Optional;
import org.sintraee.protocol.aba.AbaMessage;
import org.sintraee.protocol.cbc.CbcMessage;
import org.sintraee.protocol.cbc.CbcProof;
import org.sintraee.protocol.coin.CoinMessage;

/**
 * Validated agreement's messages: its own {@code V-VOTE}, and its children's messages
 * wrapped with the key of the child they belong to (children never send by themselves).
 */
public sealed interface MvbaMessage {

    /** A message of proposer {@code proposer}'s c-broadcast ({@code tag/cbc/proposer}). */
    record CbcPart(int proposer, CbcMessage message) implements MvbaMessage {
        public CbcPart {
            Objects.requireNonNull(message, "message");
        }
    }

    /** A message of the permutation coin ({@code tag/perm}). */
    record CoinPart(CoinMessage message) implements MvbaMessage {
        public CoinPart {
            Objects.requireNonNull(message, "message");
        }
    }

    /** A message of candidate {@code candidate}'s biased binary agreement ({@code tag/aba/candidate}). */
    record AbaPart(int candidate, AbaMessage message) implements MvbaMessage {
        public AbaPart {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * {@code V-VOTE(l, a, 1, proof)} (the voter delivered candidate a's c-broadcast, and the
     * proof shows it) or {@code V-VOTE(l, a, 0)}; a = Π(l).
     */
    record VVote(int l, int candidate, boolean one, Optional<CbcProof> proof) implements MvbaMessage {
        public VVote {
            Objects.requireNonNull(proof, "proof");
        }

        public static VVote one(int l, int candidate, CbcProof proof) {
            return new VVote(l, candidate, true, Optional.of(proof));
        }

        public static VVote zero(int l, int candidate) {
            return new VVote(l, candidate, false, Optional.empty());
        }

        @Override
        public String toString() {
            return "V-VOTE(" + l + ", " + candidate + ", " + (one ? 1 : 0) + proof.map(p -> ", " + p).orElse("") + ")";
        }
    }
}
