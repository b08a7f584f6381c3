package org.sintraee.protocol.aba;

import java.util.Arrays;
import java.util.Objects;
import org.sintraee.protocol.coin.CoinMessage;
import org.sintraee.protocol.crypto.QuorumCertificate;

/**
 * Binary agreement's messages. {@code proof} is the biased variant's external proof π
 * (empty when absent): it travels with every vote whose justification involves a 1.
 */
public sealed interface AbaMessage {

    /** The round the message belongs to (0 for pre-process). */
    int round();

    /** {@code PRE-PROCESS(v, sig on (tag, pre-process, v))}. */
    record PreProcess(boolean value, byte[] signature) implements AbaMessage {
        public PreProcess {
            signature = signature.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        @Override
        public int round() {
            return 0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PreProcess p && p.value == value && Arrays.equals(p.signature, signature);
        }

        @Override
        public int hashCode() {
            return Boolean.hashCode(value) * 31 + Arrays.hashCode(signature);
        }

        @Override
        public String toString() {
            return "PreProcess[" + (value ? 1 : 0) + ", sig " + Bytes.show(signature) + "]";
        }
    }

    /** {@code PRE-VOTE(r, b, justification, sig on (tag, pre-vote, r, b))}. */
    record PreVote(int round, boolean value, Justification justification, byte[] proof, byte[] signature)
            implements AbaMessage {
        public PreVote {
            Objects.requireNonNull(justification, "justification");
            proof = proof.clone();
            signature = signature.clone();
        }

        @Override
        public byte[] proof() {
            return proof.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PreVote p && p.round == round && p.value == value && p.justification.equals(justification)
                    && Arrays.equals(p.proof, proof) && Arrays.equals(p.signature, signature);
        }

        @Override
        public int hashCode() {
            return Objects.hash(round, value, justification, Arrays.hashCode(proof), Arrays.hashCode(signature));
        }

        @Override
        public String toString() {
            return "PreVote[r" + round + ", " + (value ? 1 : 0) + ", " + justification + ", π " + Bytes.show(proof)
                    + ", sig " + Bytes.show(signature) + "]";
        }
    }

    /** {@code MAIN-VOTE(r, v, justification, sig on (tag, main-vote, r, v))}. */
    record MainVote(int round, VoteValue value, Justification justification, byte[] proof, byte[] signature)
            implements AbaMessage {
        public MainVote {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(justification, "justification");
            proof = proof.clone();
            signature = signature.clone();
        }

        @Override
        public byte[] proof() {
            return proof.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MainVote m && m.round == round && m.value == value && m.justification.equals(justification)
                    && Arrays.equals(m.proof, proof) && Arrays.equals(m.signature, signature);
        }

        @Override
        public int hashCode() {
            return Objects.hash(round, value, justification, Arrays.hashCode(proof), Arrays.hashCode(signature));
        }

        @Override
        public String toString() {
            return "MainVote[r" + round + ", " + value + ", " + justification + ", π " + Bytes.show(proof)
                    + ", sig " + Bytes.show(signature) + "]";
        }
    }

    /** {@code DECIDE(r, b, n - t signatures on (tag, main-vote, r, b))}, with π for a biased 1. */
    record Decide(int round, boolean value, QuorumCertificate certificate, byte[] proof) implements AbaMessage {
        public Decide {
            Objects.requireNonNull(certificate, "certificate");
            proof = proof.clone();
        }

        @Override
        public byte[] proof() {
            return proof.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Decide d && d.round == round && d.value == value && d.certificate.equals(certificate)
                    && Arrays.equals(d.proof, proof);
        }

        @Override
        public int hashCode() {
            return Objects.hash(round, value, certificate, Arrays.hashCode(proof));
        }

        @Override
        public String toString() {
            return "Decide[r" + round + ", " + (value ? 1 : 0) + ", " + certificate + ", π " + Bytes.show(proof) + "]";
        }
    }

    /** A message of round r's coin instance ({@code tag/coin/r}), lifted into this protocol. */
    record Coin(int round, CoinMessage message) implements AbaMessage {
        public Coin {
            Objects.requireNonNull(message, "message");
        }
    }
}
