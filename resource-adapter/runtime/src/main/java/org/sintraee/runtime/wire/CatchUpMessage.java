package org.sintraee.runtime.wire;

import java.util.Objects;
import org.sintraee.protocol.core.Bytes;

/**
 * The runtime's catch-up exchange for atomic broadcast (family CATCHUP): a server that fell
 * behind asks a peer for decided rounds and checks the answers itself, so these messages
 * carry no authority of their own (a proof is checked by the broadcast, a checkpointed round
 * against the service key). Rounds are non-negative.
 */
public sealed interface CatchUpMessage {

    long round();

    /** {@code FETCH(round)}: please send the proof of decided round {@code round}, if you hold it. */
    record Fetch(long round) implements CatchUpMessage {
        public Fetch {
            if (round < 0) {
                throw new IllegalArgumentException("round " + round);
            }
        }
    }

    /** {@code PROOF(round, proof)}: the encoded {@code RoundProof} of decided round {@code round}. */
    record Proof(long round, Bytes proof) implements CatchUpMessage {
        public Proof {
            if (round < 0) {
                throw new IllegalArgumentException("round " + round);
            }
            Objects.requireNonNull(proof, "proof");
        }

        @Override
        public String toString() {
            return "PROOF(" + round + ", " + proof + ")";
        }
    }

    /**
     * {@code CHECKPOINTED(round, state)}: decided round {@code round} whose proof the sender no
     * longer holds (pruned at a certified checkpoint), as its deliveries with that checkpoint and
     * the round's Merkle path under it (the node's {@code CheckpointedRound} encoding).
     */
    record Checkpointed(long round, Bytes state) implements CatchUpMessage {
        public Checkpointed {
            if (round < 0) {
                throw new IllegalArgumentException("round " + round);
            }
            Objects.requireNonNull(state, "state");
        }

        @Override
        public String toString() {
            return "CHECKPOINTED(" + round + ", " + state + ")";
        }
    }
}
