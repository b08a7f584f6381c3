package org.sintraee.protocol.mvba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.cbc.CbcProof;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.QuorumCertificate;
import org.sintraee.protocol.mvba.MvbaMessage.VVote;
import org.sintraee.protocol.sim.Contexts;

/** V-vote checking: Π(l), well-formedness, the 1-vote's proof against the candidate's instance, equivocation. */
class VoteTallyTest {
    static final Tag TAG = Tag.of("test", "mvba");
    private final List<ServerContext> ctxs = Contexts.mock(4, 1);
    private final Permutation perm = Permutation.fromSeed(new byte[32], 4);

    static Tag cbcTag(int proposer) {
        return TAG.child("cbc").child(proposer);
    }

    /** A valid proof of {@code payload} in {@code instance}, signed by the given servers. */
    static CbcProof proof(List<ServerContext> ctxs, Tag instance, byte[] payload, int... signers) {
        byte[] statement = CbcProof.readyStatement(instance, CbcProof.digestOf(payload));
        Map<Integer, byte[]> sigs = new TreeMap<>();
        for (int s : signers) {
            sigs.put(s, ctxs.get(s - 1).signer().sign(statement));
        }
        return new CbcProof(CbcProof.digestOf(payload), new QuorumCertificate(sigs));
    }

    private VoteTally tally() {
        return new VoteTally(ctxs.get(0), TAG, perm, VoteTallyTest::cbcTag);
    }

    private static void rejected(VoteTally.Outcome o, FaultKind kind) {
        assertFalse(o.counted());
        assertEquals(kind, o.fault().orElseThrow().kind(), o.toString());
    }

    @Test
    void validVotesCountOnceUpToTheQuorum() {
        VoteTally t = tally();
        int a = perm.candidate(1);
        CbcProof p = proof(ctxs, cbcTag(a), MvbaAdversaries.bytes("ok:a"), 1, 2, 3);
        assertTrue(t.offer(2, VVote.one(1, a, p)).counted());
        assertTrue(t.offer(1, VVote.zero(1, a)).counted());
        assertFalse(t.isQuorum(1));
        assertEquals(VoteTally.Outcome.IGNORED, t.offer(2, VVote.one(1, a, p)), "a duplicate counts once, no fault");
        assertEquals(2, t.count(1));
        assertTrue(t.offer(4, VVote.zero(1, a)).counted());
        assertTrue(t.isQuorum(1), "n - t = 3 votes");
        assertEquals(p, t.oneProof(1).orElseThrow());
        assertTrue(t.oneProof(2).isEmpty());
    }

    @Test
    void forgedProofIsInvalid() {
        VoteTally t = tally();
        int a = perm.candidate(2);
        CbcProof tooFew = proof(ctxs, cbcTag(a), MvbaAdversaries.bytes("ok:a"), 1, 2);
        rejected(t.offer(3, VVote.one(2, a, tooFew)), FaultKind.INVALID_PROOF);
        CbcProof garbage = new CbcProof(new byte[32], new QuorumCertificate(Map.of(1, new byte[8], 2, new byte[8], 3, new byte[8])));
        rejected(t.offer(2, VVote.one(2, a, garbage)), FaultKind.INVALID_PROOF);
        assertEquals(VoteTally.Outcome.IGNORED, t.offer(2, VVote.zero(2, a)), "a rejected sender is not checked again for l");
        assertEquals(0, t.count(2));
    }

    @Test
    void proofOfAnotherInstanceIsInvalid() {
        VoteTally t = tally();
        int a = perm.candidate(1);
        int other = a % 4 + 1;
        CbcProof mismatched = proof(ctxs, cbcTag(other), MvbaAdversaries.bytes("ok:o"), 1, 2, 3);
        rejected(t.offer(1, VVote.one(1, a, mismatched)), FaultKind.INVALID_PROOF);
        CbcProof otherMvba = proof(ctxs, Tag.of("test", "other").child("cbc").child(a), MvbaAdversaries.bytes("ok:a"), 1, 2, 3);
        rejected(t.offer(2, VVote.one(1, a, otherMvba)), FaultKind.INVALID_PROOF);
    }

    @Test
    void malformedVotes() {
        VoteTally t = tally();
        int a = perm.candidate(3);
        rejected(t.offer(1, VVote.zero(3, a % 4 + 1)), FaultKind.MALFORMED);   // not Π(3)
        rejected(t.offer(1, VVote.zero(0, a)), FaultKind.MALFORMED);
        rejected(t.offer(1, VVote.zero(5, a)), FaultKind.MALFORMED);
        rejected(t.offer(1, VVote.zero(3, 9)), FaultKind.MALFORMED);
        rejected(t.offer(1, new VVote(3, a, true, java.util.Optional.empty())), FaultKind.MALFORMED);
        CbcProof p = proof(ctxs, cbcTag(a), MvbaAdversaries.bytes("ok:a"), 1, 2, 3);
        rejected(t.offer(1, new VVote(3, a, false, java.util.Optional.of(p))), FaultKind.MALFORMED);
        assertEquals(0, t.count(3));
    }

    @Test
    void secondDifferentVoteIsEquivocation() {
        VoteTally t = tally();
        int a = perm.candidate(4);
        CbcProof p = proof(ctxs, cbcTag(a), MvbaAdversaries.bytes("ok:a"), 2, 3, 4);
        assertTrue(t.offer(3, VVote.zero(4, a)).counted());
        rejected(t.offer(3, VVote.one(4, a, p)), FaultKind.EQUIVOCATION);
        assertTrue(t.oneProof(4).isEmpty(), "the first vote is kept");
        assertEquals(1, t.count(4));
    }
}
