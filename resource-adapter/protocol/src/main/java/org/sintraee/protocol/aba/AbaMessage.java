package org.sintraee.protocol.aba;

import java.util.Objects;
import org.sintraee.protocol.coin.CoinMessage;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.crypto.QuorumCertificate;

/**
 * Binary agreement's messages. {@code proof} is the biased variant's external proof π
 * (empty when absent): it travels with every vote whose justification involves a 1.
 * Byte strings are immutable {@link Bytes}, so the records' equality is by value.
 */
public sealed interface AbaMessage {

    /** The round the message belongs to (0 for pre-process). */
    int round();

    /** {@code PRE-PROCESS(v, sig on (tag, pre-process, v))}. */
    record PreProcess(boolean value, Bytes signature) implements AbaMessage {
        public PreProcess {
            Objects.requireNonNull(signature, "signature");
        }

        @Override
        public int round() {
            return 0;
        }

        @Override
        public String toString() {
            return "PreProcess[" + (value ? 1 : 0) + ", sig " + signature + "]";
        }
    }

    /** {@code PRE-VOTE(r, b, justification, sig on (tag, pre-vote, r, b))}. */
    record PreVote(int round, boolean value, Justification justification, Bytes proof, Bytes signature)
            implements AbaMessage {
        public PreVote {
            Objects.requireNonNull(justification, "justification");
            Objects.requireNonNull(proof, "proof");
            Objects.requireNonNull(signature, "signature");
        }

        @Override
        public String toString() {
            return "PreVote[r" + round + ", " + (value ? 1 : 0) + ", " + justification + ", π " + proof + ", sig " + signature + "]";
        }
    }

    /** {@code MAIN-VOTE(r, v, justification, sig on (tag, main-vote, r, v))}. */
    record MainVote(int round, VoteValue value, Justification justification, Bytes proof, Bytes signature)
            implements AbaMessage {
        public MainVote {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(justification, "justification");
            Objects.requireNonNull(proof, "proof");
            Objects.requireNonNull(signature, "signature");
        }

        @Override
        public String toString() {
            return "MainVote[r" + round + ", " + value + ", " + justification + ", π " + proof + ", sig " + signature + "]";
        }
    }

    /** {@code DECIDE(r, b, n - t signatures on (tag, main-vote, r, b))}, with π for a biased 1. */
    record Decide(int round, boolean value, QuorumCertificate certificate, Bytes proof) implements AbaMessage {
        public Decide {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(proof, "proof");
        }

        @Override
        public String toString() {
            return "Decide[r" + round + ", " + (value ? 1 : 0) + ", " + certificate + ", π " + proof + "]";
        }
    }

    /** A message of round r's coin instance ({@code tag/coin/r}), lifted into this protocol. */
    record Coin(int round, CoinMessage message) implements AbaMessage {
        public Coin {
            Objects.requireNonNull(message, "message");
        }
    }
}
