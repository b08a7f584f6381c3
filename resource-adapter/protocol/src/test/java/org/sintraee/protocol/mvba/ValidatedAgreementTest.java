package org.sintraee.protocol.mvba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.sintraee.protocol.core.Bytes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.aba.AbaMessage;
import org.sintraee.protocol.cbc.CbcMessage;
import org.sintraee.protocol.cbc.CbcProof;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.Outgoing;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.mvba.MvbaMessage.AbaPart;
import org.sintraee.protocol.mvba.MvbaMessage.CbcPart;
import org.sintraee.protocol.mvba.MvbaMessage.CoinPart;
import org.sintraee.protocol.mvba.MvbaMessage.VVote;
import org.sintraee.protocol.sim.Contexts;

/** One server driven by hand: local misuse, the coin released only after n - t completions, faults. */
class ValidatedAgreementTest {
    private final List<ServerContext> ctxs = Contexts.mock(4, 1);

    private ValidatedAgreement server(int id) {
        return new ValidatedAgreement(ctxs.get(id - 1), VoteTallyTest.TAG, 64, MvbaAdversaries.Q);
    }

    private static boolean sendsCoin(Step<MvbaMessage, MvbaDecision> s) {
        return s.messages().stream().map(Outgoing::message).anyMatch(m -> m instanceof CoinPart);
    }

    private static void onlyFault(Step<MvbaMessage, MvbaDecision> s, FaultKind kind, int peer) {
        assertEquals(1, s.faults().size(), s.toString());
        assertEquals(kind, s.faults().get(0).kind());
        assertEquals(peer, s.faults().get(0).peer());
    }

    @Test
    void localMisuseThrows() {
        ValidatedAgreement v = server(1);
        assertThrows(IllegalArgumentException.class, () -> v.handleInput(new MvbaInput.Propose(MvbaAdversaries.bytes("bad"))));
        assertThrows(IllegalArgumentException.class, () -> v.handleInput(new MvbaInput.Propose(new byte[65])));
        v.handleInput(new MvbaInput.Propose(MvbaAdversaries.bytes("ok:1")));
        assertThrows(IllegalStateException.class, () -> v.handleInput(new MvbaInput.Propose(MvbaAdversaries.bytes("ok:1"))));
    }

    @Test
    void coinReleasedOnlyAfterQuorumOfCompletedProposals() {
        ValidatedAgreement v = server(1);
        Step<MvbaMessage, MvbaDecision> s = v.handleInput(new MvbaInput.Propose(MvbaAdversaries.bytes("ok:1")));
        assertTrue(s.messages().stream().allMatch(o -> o.message() instanceof CbcPart), "only the c-broadcast at first");
        for (int p : new int[] {2, 3}) {
            byte[] value = MvbaAdversaries.bytes("ok:" + p);
            assertTrue(!sendsCoin(v.handleMessage(p, new CbcPart(p, new CbcMessage.CSend(Bytes.of(value))))));
            CbcProof proof = VoteTallyTest.proof(ctxs, v.cbcTag(p), value, 1, 2, 3);
            Step<MvbaMessage, MvbaDecision> fin = v.handleMessage(p, new CbcPart(p, new CbcMessage.CFinal(Bytes.of(proof.digest()), proof.sigma())));
            assertTrue(!sendsCoin(fin), "only " + (p - 1) + " of n - t = 3 proposals completed");
        }
        // A v-vote before Π is known is buffered, not judged.
        assertTrue(v.handleMessage(2, VVote.zero(1, 3)).isEmpty());
        CbcProof own = VoteTallyTest.proof(ctxs, v.cbcTag(1), MvbaAdversaries.bytes("ok:1"), 1, 2, 3);
        Step<MvbaMessage, MvbaDecision> third = v.handleMessage(1, new CbcPart(1, new CbcMessage.CFinal(Bytes.of(own.digest()), own.sigma())));
        assertTrue(sendsCoin(third), "the third completion releases the coin share");
        assertTrue(third.durable().stream().anyMatch(r -> r.what().equals("coin-share")));
        assertTrue(v.permutation().isEmpty(), "one share is not the coin");
    }

    @Test
    void peerMisbehaviourIsAFault() {
        ValidatedAgreement v = server(1);
        onlyFault(v.handleMessage(0, VVote.zero(1, 1)), FaultKind.MALFORMED, 0);
        onlyFault(v.handleMessage(2, new CbcPart(5, new CbcMessage.CRequest(Bytes.of(new byte[32])))), FaultKind.MALFORMED, 2);
        onlyFault(v.handleMessage(2, new AbaPart(0, new AbaMessage.PreProcess(true, Bytes.of(new byte[4])))), FaultKind.MALFORMED, 2);
        onlyFault(v.handleMessage(3, VVote.zero(0, 1)), FaultKind.MALFORMED, 3);
        onlyFault(v.handleMessage(3, VVote.zero(1, 7)), FaultKind.MALFORMED, 3);
        for (int l = 1; l <= 4; l++) {
            assertTrue(v.handleMessage(4, VVote.zero(l, 1)).isEmpty(), "buffered: one v-vote per iteration");
        }
        onlyFault(v.handleMessage(4, VVote.zero(1, 2)), FaultKind.FLOODING, 4);
    }
}
