package org.sintraee.protocol.aba;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sintraee.protocol.aba.AbaMessage.MainVote;
import org.sintraee.protocol.aba.AbaMessage.PreProcess;
import org.sintraee.protocol.aba.AbaMessage.PreVote;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.crypto.QuorumCertificate;

/** How this server casts its own pre-votes and main-votes, with their justifications. */
final class Votes {
    private Votes() {
    }

    /** This server's pre-vote for the current round, or empty if it cannot justify one yet. */
    static Optional<PreVote> preVote(BinaryAgreement a, RoundState rs) {
        ServerContext ctx = a.ctx();
        VoteChecker checker = a.checker();
        boolean value;
        Justification j;
        if (rs.round == 1 && checker.biased()) {
            value = a.input().value();
            j = new Justification.Initial();
        } else if (rs.round == 1) {
            Map<Integer, byte[]> zero = new TreeMap<>();
            Map<Integer, byte[]> one = new TreeMap<>();
            for (Map.Entry<Integer, PreProcess> e : a.preProcesses().entrySet()) {
                (e.getValue().value() ? one : zero).put(e.getKey(), e.getValue().signature().toArray());
            }
            if (!ctx.quorums().isQuorum(a.preProcesses().keySet())) {
                return Optional.empty();
            }
            boolean zeroOk = ctx.quorums().containsHonest(zero.keySet());
            boolean oneOk = ctx.quorums().containsHonest(one.keySet());
            // n - t >= 2t + 1 votes hold t + 1 for some value; for n > 3t + 1 both may: either is
            // justified, and the own input breaks the tie deterministically.
            value = zeroOk && oneOk ? a.input().value() : oneOk;
            j = new Justification.PreProcessed(new QuorumCertificate(value ? one : zero));
        } else if (a.plan() instanceof Justification.Hard) {
            value = a.planValue();
            j = a.plan();
        } else {
            Optional<Boolean> coin = a.coinOf(rs.round - 1);
            if (coin.isEmpty()) {
                return Optional.empty();
            }
            value = coin.get();
            j = a.plan();
        }
        byte[] proof = checker.biased() && value ? a.proof() : BinaryAgreement.NO_PROOF;
        if (checker.biased() && value && proof.length == 0) {
            throw new IllegalStateException("a justified 1-vote without π: a bug");
        }
        byte[] sig = ctx.signer().sign(checker.preVote(rs.round, value));
        return Optional.of(new PreVote(rs.round, value, j, Bytes.of(proof), Bytes.of(sig)));
    }

    /** This server's main-vote, on n - t justified pre-votes of the round. */
    static MainVote mainVote(BinaryAgreement a, RoundState rs) {
        ServerContext ctx = a.ctx();
        VoteChecker checker = a.checker();
        Map<Integer, byte[]> zero = new TreeMap<>();
        Map<Integer, byte[]> one = new TreeMap<>();
        Justification forZero = null;
        Justification forOne = null;
        for (Map.Entry<Integer, PreVote> e : rs.preVotes.entrySet()) {
            PreVote pv = e.getValue();
            (pv.value() ? one : zero).put(e.getKey(), pv.signature().toArray());
            if (pv.value() && forOne == null) {
                forOne = pv.justification();
            } else if (!pv.value() && forZero == null) {
                forZero = pv.justification();
            }
        }
        VoteValue v;
        Justification j;
        if (ctx.quorums().isQuorum(zero.keySet()) || ctx.quorums().isQuorum(one.keySet())) {
            boolean bit = ctx.quorums().isQuorum(one.keySet());
            v = VoteValue.of(bit);
            j = new Justification.PreVoted(new QuorumCertificate(bit ? one : zero));
        } else {
            // n - t pre-votes, neither value n - t of them: both values occur.
            v = VoteValue.ABSTAIN;
            j = new Justification.Abstain(forZero, forOne);
        }
        byte[] proof = checker.biased() && v != VoteValue.ZERO ? a.proof() : BinaryAgreement.NO_PROOF;
        byte[] sig = ctx.signer().sign(checker.mainVote(rs.round, v));
        return new MainVote(rs.round, v, j, Bytes.of(proof), Bytes.of(sig));
    }

    /** Signatures of the round's counted main-votes for {@code v}, by sender. */
    static Map<Integer, byte[]> mainVoteSignatures(RoundState rs, VoteValue v) {
        Map<Integer, byte[]> sigs = new TreeMap<>();
        rs.mainVotes.forEach((s, m) -> {
            if (m.value() == v) {
                sigs.put(s, m.signature().toArray());
            }
        });
        return sigs;
    }
}
