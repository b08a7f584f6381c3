package org.sintraee.protocol.aba;

import java.util.Optional;
import java.util.function.IntFunction;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Statement;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.Hashes;
import org.sintraee.protocol.crypto.QuorumCertificate;
import org.sintraee.protocol.crypto.Verdict;

/**
 * The statements of binary agreement and the checks of every vote's justification,
 * shared by the standard and the biased variant ({@code validity == null} means standard).
 */
final class VoteChecker {
    /** Bound on the external proof π we store or check. */
    static final int MAX_PROOF_BYTES = 1 << 16;

    private final ServerContext ctx;
    private final Tag tag;
    private final ExternalValidity validity;

    VoteChecker(ServerContext ctx, Tag tag, ExternalValidity validity) {
        this.ctx = ctx;
        this.tag = tag;
        this.validity = validity;
    }

    boolean biased() {
        return validity != null;
    }

    byte[] preProcess(boolean b) {
        return Statement.of(tag, "pre-process", new byte[] {VoteValue.of(b).code()});
    }

    byte[] preVote(int round, boolean b) {
        return Statement.of(tag, "pre-vote", Hashes.int32(round), new byte[] {VoteValue.of(b).code()});
    }

    byte[] mainVote(int round, VoteValue v) {
        return Statement.of(tag, "main-vote", Hashes.int32(round), new byte[] {v.code()});
    }

    /** A valid external proof π (biased variant only). */
    Check proof(byte[] proof) {
        if (proof.length == 0) {
            return Check.fault(FaultKind.UNJUSTIFIED, "a 1-vote without the external proof");
        }
        if (proof.length > MAX_PROOF_BYTES) {
            return Check.fault(FaultKind.MALFORMED, "external proof of " + proof.length + " bytes");
        }
        Verdict v = validity.check(proof);
        return v.isValid() ? Check.VALID : Check.fault(FaultKind.INVALID_PROOF, "external proof: " + v.reason());
    }

    /** π is needed for 1-votes and abstains of the biased variant, and must be absent otherwise. */
    private Check proofFor(boolean needsProof, byte[] proof) {
        if (biased() && needsProof) {
            return proof(proof);
        }
        return proof.length == 0 ? Check.VALID : Check.fault(FaultKind.MALFORMED, "unexpected external proof");
    }

    /** The justification of a round-r pre-vote for b; {@code coin} gives known coin bits by round. */
    Check preVote(int round, boolean b, Justification j, byte[] proof, IntFunction<Optional<Boolean>> coin) {
        Check p = proofFor(b, proof);
        if (!p.valid()) {
            return p;
        }
        return preVoteJustification(round, b, j, coin);
    }

    private Check preVoteJustification(int round, boolean b, Justification j, IntFunction<Optional<Boolean>> coin) {
        if (round == 1) {
            if (biased()) {
                return j instanceof Justification.Initial ? Check.VALID
                        : Check.fault(FaultKind.UNJUSTIFIED, "biased round 1 takes no certificate");
            }
            return j instanceof Justification.PreProcessed pp
                    ? certificate(pp.certificate(), preProcess(b), ctx.quorums().honestOne())
                    : Check.fault(FaultKind.UNJUSTIFIED, "round-1 pre-vote without pre-process certificate");
        }
        if (j instanceof Justification.Hard h) {
            return certificate(h.certificate(), preVote(round - 1, b), ctx.quorums().quorum());
        }
        if (j instanceof Justification.Soft s) {
            Check c = certificate(s.certificate(), mainVote(round - 1, VoteValue.ABSTAIN), ctx.quorums().quorum());
            if (!c.valid()) {
                return c;
            }
            Optional<Boolean> bit = coin.apply(round - 1);
            if (bit.isEmpty()) {
                return Check.NEEDS_COIN;
            }
            return bit.get() == b ? Check.VALID : Check.fault(FaultKind.UNJUSTIFIED, "soft pre-vote against the coin");
        }
        return Check.fault(FaultKind.UNJUSTIFIED, "pre-vote of round " + round + " needs a hard or soft justification");
    }

    /** The justification of a round-r main-vote for v. */
    Check mainVote(int round, VoteValue v, Justification j, byte[] proof, IntFunction<Optional<Boolean>> coin) {
        Check p = proofFor(v != VoteValue.ZERO, proof);
        if (!p.valid()) {
            return p;
        }
        if (v == VoteValue.ABSTAIN) {
            if (!(j instanceof Justification.Abstain a)) {
                return Check.fault(FaultKind.UNJUSTIFIED, "abstain without a pre-vote justification for each value");
            }
            Check zero = preVoteJustification(round, false, a.forZero(), coin);
            if (zero.fault() != null) {
                return zero;
            }
            Check one = preVoteJustification(round, true, a.forOne(), coin);
            if (one.fault() != null) {
                return one;
            }
            return zero.needsCoin() || one.needsCoin() ? Check.NEEDS_COIN : Check.VALID;
        }
        return j instanceof Justification.PreVoted pv
                ? certificate(pv.certificate(), preVote(round, v == VoteValue.ONE), ctx.quorums().quorum())
                : Check.fault(FaultKind.UNJUSTIFIED, "main-vote for a bit without n - t pre-votes");
    }

    /** A DECIDE's certificate: n - t main-votes for b in its round (and π for a biased 1). */
    Check decide(int round, boolean b, QuorumCertificate qc, byte[] proof) {
        Check p = proofFor(b, proof);
        return p.valid() ? certificate(qc, mainVote(round, VoteValue.of(b)), ctx.quorums().quorum()) : p;
    }

    Check signature(int sender, byte[] statement, byte[] signature) {
        return ctx.verifier().verify(sender, statement, signature) ? Check.VALID
                : Check.fault(FaultKind.INVALID_PROOF, "signature does not verify");
    }

    private Check certificate(QuorumCertificate qc, byte[] statement, int required) {
        Verdict v = qc.verify(ctx.verifier(), statement, required);
        return v.isValid() ? Check.VALID : Check.fault(FaultKind.INVALID_PROOF, v.reason());
    }
}
