package org.sintraee.protocol.aba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.sintraee.protocol.core.Bytes;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.Verdict;
import org.sintraee.protocol.sim.Contexts;

/** Every kind of unjustified or forged vote is a fault against its sender and does not count. */
class AbaJustificationTest {
    private static final Tag TAG = Tag.of("test", "aba");
    private static final byte[] PI = {7, 7, 7};
    private static final byte[] NONE = new byte[0];
    static final ExternalValidity VALIDITY = p -> Arrays.equals(p, PI) ? Verdict.VALID : Verdict.invalid("not π");

    private final List<ServerContext> ctxs = Contexts.mock(4, 1);
    private final Forge f = new Forge(ctxs, TAG);
    private final BinaryAgreement node = BinaryAgreement.standard(ctxs.get(0), TAG);
    private final BinaryAgreement biased = BinaryAgreement.biased(ctxs.get(0), TAG, VALIDITY);

    private static void rejected(Step<AbaMessage, Decision> step, FaultKind kind, int sender) {
        assertEquals(1, step.faults().size(), step.toString());
        assertEquals(kind, step.faults().get(0).kind(), step.faults().toString());
        assertEquals(sender, step.faults().get(0).peer());
        assertTrue(step.outputs().isEmpty());
    }

    @Test
    void roundOnePreVoteNeedsTPlusOnePreProcessesForItsValue() {
        rejected(node.handleMessage(2, f.preVote(2, 1, true, f.preProcessed(true, 2), NONE)), FaultKind.INVALID_PROOF, 2);
        rejected(node.handleMessage(2, f.preVote(2, 1, true, f.preProcessed(false, 2, 3), NONE)), FaultKind.INVALID_PROOF, 2);
        rejected(node.handleMessage(2, f.preVote(2, 1, true,
                new Justification.Hard(f.qc(f.statements.preVote(1, true), 2, 3, 4)), NONE)), FaultKind.UNJUSTIFIED, 2);
        assertEquals(0, node.counted(1, true));
        assertTrue(node.handleMessage(2, f.preVote(2, 1, true, f.preProcessed(true, 2, 3), NONE)).isEmpty());
        assertEquals(1, node.counted(1, true));
    }

    @Test
    void forgedSignatureAndEquivocationAreFaults() {
        AbaMessage.PreVote bySomeoneElse = f.preVote(3, 1, true, f.preProcessed(true, 2, 3), NONE);
        rejected(node.handleMessage(2, bySomeoneElse), FaultKind.INVALID_PROOF, 2);
        AbaMessage.PreVote first = f.preVote(2, 1, true, f.preProcessed(true, 2, 3), NONE);
        assertTrue(node.handleMessage(2, first).isEmpty());
        assertTrue(node.handleMessage(2, first).isEmpty(), "an identical copy is ignored");
        rejected(node.handleMessage(2, f.preVote(2, 1, false, f.preProcessed(false, 3, 4), NONE)), FaultKind.EQUIVOCATION, 2);
        assertEquals(1, node.counted(1, true));
        node.handleMessage(3, f.preProcess(3, true));
        rejected(node.handleMessage(3, f.preProcess(3, false)), FaultKind.EQUIVOCATION, 3);
        rejected(node.handleMessage(0, first), FaultKind.MALFORMED, 0);
        rejected(node.handleMessage(5, first), FaultKind.MALFORMED, 5);
    }

    @Test
    void mainVoteForABitNeedsNMinusTPreVotes() {
        rejected(node.handleMessage(2, f.mainVote(2, 1, VoteValue.ONE,
                new Justification.PreVoted(f.qc(f.statements.preVote(1, true), 2, 3)), NONE)), FaultKind.INVALID_PROOF, 2);
        rejected(node.handleMessage(2, f.mainVote(2, 1, VoteValue.ONE,
                new Justification.PreVoted(f.qc(f.statements.preVote(1, false), 2, 3, 4)), NONE)), FaultKind.INVALID_PROOF, 2);
        rejected(node.handleMessage(2, f.mainVote(2, 1, VoteValue.ONE,
                new Justification.Abstain(f.preProcessed(false, 2, 3), f.preProcessed(true, 2, 3)), NONE)),
                FaultKind.UNJUSTIFIED, 2);
        assertEquals(0, node.counted(1, false));
        assertTrue(node.handleMessage(2, f.mainVote(2, 1, VoteValue.ONE,
                new Justification.PreVoted(f.qc(f.statements.preVote(1, true), 2, 3, 4)), NONE)).isEmpty());
        assertEquals(1, node.counted(1, false));
    }

    @Test
    void abstainNeedsAJustifiedPreVoteForEachValue() {
        rejected(node.handleMessage(2, f.mainVote(2, 1, VoteValue.ABSTAIN,
                new Justification.Abstain(f.preProcessed(true, 2, 3), f.preProcessed(true, 2, 3)), NONE)),
                FaultKind.INVALID_PROOF, 2);
        rejected(node.handleMessage(2, f.mainVote(2, 1, VoteValue.ABSTAIN,
                new Justification.PreVoted(f.qc(f.statements.preVote(1, true), 2, 3, 4)), NONE)), FaultKind.UNJUSTIFIED, 2);
        rejected(node.handleMessage(2, f.mainVote(2, 1, VoteValue.ABSTAIN,
                new Justification.Abstain(f.preProcessed(false, 2, 3), f.preProcessed(true, 2, 3)), PI)),
                FaultKind.MALFORMED, 2);
        assertEquals(0, node.counted(1, false));
        assertTrue(node.handleMessage(2, f.mainVote(2, 1, VoteValue.ABSTAIN,
                new Justification.Abstain(f.preProcessed(false, 2, 3), f.preProcessed(true, 2, 3)), NONE)).isEmpty());
        assertEquals(1, node.counted(1, false));
    }

    @Test
    void softPreVoteWaitsForTheCoinAndHardOneNeedsTheCertificate() {
        Justification soft = new Justification.Soft(f.qc(f.statements.mainVote(1, VoteValue.ABSTAIN), 2, 3, 4));
        assertTrue(node.handleMessage(2, f.preVote(2, 2, true, soft, NONE)).isEmpty(), "parked until coin(1) is known");
        assertEquals(0, node.counted(2, true));
        Justification tooSoft = new Justification.Soft(f.qc(f.statements.mainVote(1, VoteValue.ABSTAIN), 2, 3));
        rejected(node.handleMessage(3, f.preVote(3, 2, true, tooSoft, NONE)), FaultKind.INVALID_PROOF, 3);
        Justification hard = new Justification.Hard(f.qc(f.statements.preVote(1, false), 2, 3, 4));
        rejected(node.handleMessage(4, f.preVote(4, 2, true, hard, NONE)), FaultKind.INVALID_PROOF, 4);
        assertTrue(node.handleMessage(4, f.preVote(4, 2, false, hard, NONE)).isEmpty());
        assertEquals(1, node.counted(2, true));
    }

    @Test
    void decideNeedsNMinusTMainVotesAndStopsTheInstance() {
        AbaMessage.Decide forged = new AbaMessage.Decide(3, true, f.qc(f.statements.mainVote(3, VoteValue.ONE), 2, 3), Bytes.of(NONE));
        rejected(node.handleMessage(2, forged), FaultKind.INVALID_PROOF, 2);
        AbaMessage.Decide wrongRound = new AbaMessage.Decide(3, true, f.qc(f.statements.mainVote(2, VoteValue.ONE), 2, 3, 4), Bytes.of(NONE));
        rejected(node.handleMessage(2, wrongRound), FaultKind.INVALID_PROOF, 2);
        assertFalse(node.terminated());
        AbaMessage.Decide good = new AbaMessage.Decide(3, true, f.qc(f.statements.mainVote(3, VoteValue.ONE), 2, 3, 4), Bytes.of(NONE));
        Step<AbaMessage, Decision> step = node.handleMessage(2, good);
        assertEquals(List.of(new Decision(true, java.util.Optional.empty(), 3)), step.outputs());
        assertEquals(good, step.messages().get(0).message(), "forwarded once");
        assertTrue(node.terminated());
        assertTrue(node.handleMessage(3, good).isEmpty());
        assertTrue(node.handleInput(Proposal.of(false)).outputs().isEmpty(), "input after the decision changes nothing");
        assertThrows(IllegalStateException.class, () -> node.handleInput(Proposal.of(false)));
    }

    @Test
    void farFutureRoundsAreBufferedBoundedThenFlooding() {
        Justification hard = new Justification.Hard(f.qc(f.statements.preVote(1, false), 2, 3, 4));
        for (int i = 0; i < BinaryAgreement.FUTURE_PER_SENDER; i++) {
            assertTrue(node.handleMessage(2, f.preVote(2, 10 + i, false, hard, NONE)).isEmpty());
        }
        rejected(node.handleMessage(2, f.preVote(2, 999, false, hard, NONE)), FaultKind.FLOODING, 2);
        assertTrue(node.handleMessage(3, f.preVote(3, 999, false, hard, NONE)).isEmpty(), "other senders have their own bound");
        rejected(node.handleMessage(2, f.preVote(2, 0, false, hard, NONE)), FaultKind.MALFORMED, 2);
    }

    @Test
    void biasedOneVotesNeedTheExternalProof() {
        Justification initial = new Justification.Initial();
        rejected(biased.handleMessage(2, f.preVote(2, 1, true, initial, NONE)), FaultKind.UNJUSTIFIED, 2);
        rejected(biased.handleMessage(2, f.preVote(2, 1, true, initial, new byte[] {1})), FaultKind.INVALID_PROOF, 2);
        rejected(biased.handleMessage(2, f.preVote(2, 1, true, f.preProcessed(true, 2, 3), PI)), FaultKind.UNJUSTIFIED, 2);
        rejected(biased.handleMessage(3, f.preProcess(3, true)), FaultKind.UNEXPECTED, 3);
        assertTrue(biased.handleMessage(2, f.preVote(2, 1, true, initial, PI)).isEmpty());
        assertTrue(biased.handleMessage(3, f.preVote(3, 1, false, initial, NONE)).isEmpty(), "a 0 needs no proof");
        assertEquals(2, biased.counted(1, true));
        // round-1 abstain: (no justification, π)
        rejected(biased.handleMessage(2, f.mainVote(2, 1, VoteValue.ABSTAIN,
                new Justification.Abstain(initial, initial), NONE)), FaultKind.UNJUSTIFIED, 2);
        assertTrue(biased.handleMessage(2, f.mainVote(2, 1, VoteValue.ABSTAIN,
                new Justification.Abstain(initial, initial), PI)).isEmpty());
        // the round-1 coin is fixed to 1: a soft round-2 pre-vote for 0 is unjustified
        Justification soft = new Justification.Soft(f.qc(f.statements.mainVote(1, VoteValue.ABSTAIN), 2, 3, 4));
        rejected(biased.handleMessage(4, f.preVote(4, 2, false, soft, NONE)), FaultKind.UNJUSTIFIED, 4);
        assertTrue(biased.handleMessage(3, f.preVote(3, 2, true, soft, PI)).isEmpty());
        assertEquals(1, biased.counted(2, true));
        // a DECIDE(1) must carry π
        AbaMessage.Decide noProof = new AbaMessage.Decide(1, true, f.qc(f.statements.mainVote(1, VoteValue.ONE), 2, 3, 4), Bytes.of(NONE));
        rejected(biased.handleMessage(2, noProof), FaultKind.UNJUSTIFIED, 2);
        AbaMessage.Decide withProof = new AbaMessage.Decide(1, true, f.qc(f.statements.mainVote(1, VoteValue.ONE), 2, 3, 4), Bytes.of(PI));
        Decision d = biased.handleMessage(2, withProof).outputs().get(0);
        assertTrue(d.value());
        assertTrue(Arrays.equals(PI, d.proof().orElseThrow()));
    }

    @Test
    void biasedInputOfOneWithoutProofIsLocalMisuse() {
        assertThrows(IllegalArgumentException.class, () -> biased.handleInput(Proposal.of(true)));
        assertThrows(IllegalArgumentException.class, () -> biased.handleInput(Proposal.one(new byte[] {1})));
        assertEquals(1, biased.handleInput(Proposal.one(PI)).messages().size(), "pre-votes 1 at once");
    }
}
