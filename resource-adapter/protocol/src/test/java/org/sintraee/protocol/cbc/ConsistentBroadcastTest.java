package org.sintraee.protocol.cbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sintraee.protocol.cbc.CbcFixtures.MAX;
import static org.sintraee.protocol.cbc.CbcFixtures.TAG;
import static org.sintraee.protocol.cbc.CbcFixtures.bytes;
import static org.sintraee.protocol.cbc.CbcFixtures.proof;
import static org.sintraee.protocol.cbc.CbcFixtures.sigma;

import org.sintraee.protocol.core.Bytes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.cbc.CbcMessage.CAnswer;
import org.sintraee.protocol.cbc.CbcMessage.CEcho;
import org.sintraee.protocol.cbc.CbcMessage.CFinal;
import org.sintraee.protocol.cbc.CbcMessage.CRequest;
import org.sintraee.protocol.cbc.CbcMessage.CSend;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.Outgoing;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.core.Target;
import org.sintraee.protocol.crypto.Verdict;
import org.sintraee.protocol.sim.Contexts;

/** Messages fed by hand to single instances (n = 4, t = 1, sender 1): each rule and each fault kind. */
class ConsistentBroadcastTest {
    private static final List<ServerContext> CTX = Contexts.mock(4, 1);
    private static final byte[] M = bytes("hello");
    private static final byte[] D = CbcProof.digestOf(M);

    private static ConsistentBroadcast node(int id) {
        return new ConsistentBroadcast(CTX.get(id - 1), TAG, 1, MAX);
    }

    private static CEcho echoBy(int id, byte[] payload) {
        return new CEcho(Bytes.of(CTX.get(id - 1).signer().sign(CbcProof.readyStatement(TAG, CbcProof.digestOf(payload)))));
    }

    private static FaultKind onlyFault(Step<CbcMessage, Delivered> step) {
        assertEquals(1, step.faults().size(), step.toString());
        assertTrue(step.messages().isEmpty() && step.outputs().isEmpty(), step.toString());
        return step.faults().get(0).kind();
    }

    @Test
    void theEchoBroadcastDeliversWithATransferableProof() {
        ConsistentBroadcast sender = node(1);
        Step<CbcMessage, Delivered> send = sender.broadcast(M);
        assertEquals(List.of(new Outgoing<CbcMessage>(Target.all(), new CSend(Bytes.of(M)))), send.messages());
        assertEquals(List.of(new DurableRecord(TAG, "c-send", D)), send.durable());

        List<ConsistentBroadcast> nodes = List.of(sender, node(2), node(3), node(4));
        List<CEcho> echoes = new ArrayList<>();
        for (int id = 1; id <= 4; id++) {
            Step<CbcMessage, Delivered> s = nodes.get(id - 1).handleMessage(1, new CSend(Bytes.of(M)));
            assertEquals(List.of(new DurableRecord(TAG, "c-echo", D)), s.durable());
            assertEquals(1, s.messages().size());
            assertEquals(Target.to(1), s.messages().get(0).target(), "echo goes to the sender only");
            echoes.add((CEcho) s.messages().get(0).message());
        }
        assertTrue(sender.handleMessage(2, echoes.get(1)).isEmpty());
        assertTrue(sender.handleMessage(4, echoes.get(3)).isEmpty());
        Step<CbcMessage, Delivered> third = sender.handleMessage(1, echoes.get(0));
        assertEquals(1, third.messages().size(), "echoQuorum = 3 echoes form the final");
        CFinal fin = (CFinal) third.messages().get(0).message();
        assertEquals(Target.all(), third.messages().get(0).target());
        assertTrue(sender.handleMessage(3, echoes.get(2)).isEmpty(), "a late echo is no fault");

        for (ConsistentBroadcast n : nodes) {
            Step<CbcMessage, Delivered> s = n.handleMessage(1, fin);
            assertEquals(1, s.outputs().size());
            Delivered out = s.outputs().get(0);
            assertArrayEquals(M, out.payload());
            assertTrue(n.terminated());
            assertTrue(n.handleMessage(1, fin).isEmpty(), "delivers at most once");
            // transferable: every other server's view accepts it, for this tag and payload only
            assertTrue(CbcProof.verify(CTX.get(3), TAG, M, out.proof()).isValid());
            assertFalse(CbcProof.verify(CTX.get(3), TAG.child("x"), M, out.proof()).isValid());
            assertFalse(CbcProof.verify(CTX.get(3), TAG, bytes("hellO"), out.proof()).isValid());
        }
    }

    @Test
    void cSendFromANonSenderIsUnexpected() {
        assertEquals(FaultKind.UNEXPECTED, onlyFault(node(3).handleMessage(2, new CSend(Bytes.of(M)))));
    }

    @Test
    void aSecondDifferentCSendIsEquivocationAndIsNotEchoed() {
        ConsistentBroadcast n = node(2);
        assertEquals(1, n.handleMessage(1, new CSend(Bytes.of(M))).messages().size());
        assertTrue(n.handleMessage(1, new CSend(Bytes.of(M))).isEmpty(), "a duplicate is ignored");
        assertEquals(FaultKind.EQUIVOCATION, onlyFault(n.handleMessage(1, new CSend(Bytes.of(bytes("other"))))));
    }

    @Test
    void oversizedPayloadsAreMalformedAndNotEchoed() {
        ConsistentBroadcast n = new ConsistentBroadcast(CTX.get(1), TAG, 1, 4);
        assertEquals(FaultKind.MALFORMED, onlyFault(n.handleMessage(1, new CSend(Bytes.of(bytes("12345"))))));
        assertThrows(IllegalArgumentException.class, () -> new ConsistentBroadcast(CTX.get(0), TAG, 1, 4).broadcast(bytes("12345")));
    }

    @Test
    void aPayloadFailingTheValidityPredicateIsNotEchoed() {
        PayloadValidity even = p -> p.length % 2 == 0 ? Verdict.VALID : Verdict.invalid("odd length");
        ConsistentBroadcast n = new ConsistentBroadcast(CTX.get(1), TAG, 1, MAX, even);
        assertEquals(FaultKind.UNJUSTIFIED, onlyFault(n.handleMessage(1, new CSend(Bytes.of(M)))));
        assertEquals(1, new ConsistentBroadcast(CTX.get(1), TAG, 1, MAX, even).handleMessage(1, new CSend(Bytes.of(bytes("even")))).messages().size());
    }

    @Test
    void echoFaults() {
        ConsistentBroadcast sender = node(1);
        assertEquals(FaultKind.UNEXPECTED, onlyFault(sender.handleMessage(2, echoBy(2, M))), "echo before the broadcast");
        sender.broadcast(M);
        assertEquals(FaultKind.INVALID_PROOF, onlyFault(sender.handleMessage(2, echoBy(2, bytes("other")))));
        assertEquals(FaultKind.INVALID_PROOF, onlyFault(sender.handleMessage(2, echoBy(3, M))), "another server's signature");
        assertTrue(sender.handleMessage(2, echoBy(2, M)).isEmpty());
        assertEquals(FaultKind.EQUIVOCATION, onlyFault(sender.handleMessage(2, new CEcho(Bytes.of(new byte[16])))));
        assertEquals(FaultKind.MALFORMED, onlyFault(sender.handleMessage(3, new CEcho(Bytes.of(new byte[5000])))));
        assertEquals(FaultKind.UNEXPECTED, onlyFault(node(2).handleMessage(3, echoBy(3, M))), "echo to a non-sender");
    }

    @Test
    void aFinalWithAnInvalidCertificateIsRejected() {
        ConsistentBroadcast n = node(2);
        n.handleMessage(1, new CSend(Bytes.of(M)));
        assertEquals(FaultKind.INVALID_PROOF, onlyFault(n.handleMessage(3, new CFinal(Bytes.of(D), sigma(CTX, TAG, M, 1, 3)))), "short");
        assertEquals(FaultKind.INVALID_PROOF,
                onlyFault(n.handleMessage(3, new CFinal(Bytes.of(D), sigma(CTX, TAG.child("x"), M, 1, 3, 4)))), "other tag");
        assertEquals(FaultKind.INVALID_PROOF, onlyFault(n.handleMessage(3, new CFinal(Bytes.of(D),
                new org.sintraee.protocol.crypto.QuorumCertificate(java.util.Map.of(1, new byte[16], 3, new byte[16], 4, new byte[16]))))), "forged");
        assertEquals(FaultKind.MALFORMED, onlyFault(n.handleMessage(3, new CFinal(Bytes.of(new byte[3]), sigma(CTX, TAG, M, 1, 3, 4)))));
        assertFalse(n.terminated());
        assertEquals(1, n.handleMessage(3, new CFinal(Bytes.of(D), sigma(CTX, TAG, M, 1, 3, 4))).outputs().size(), "a valid final from anyone");
    }

    @Test
    void sendersOutOfRangeAndEmptyMessagesAreMalformed() {
        assertEquals(FaultKind.MALFORMED, onlyFault(node(2).handleMessage(0, new CSend(Bytes.of(M)))));
        assertEquals(FaultKind.MALFORMED, onlyFault(node(2).handleMessage(5, new CSend(Bytes.of(M)))));
        assertEquals(FaultKind.MALFORMED, onlyFault(node(2).handleMessage(1, null)));
        assertEquals(FaultKind.MALFORMED, onlyFault(node(2).handleMessage(3, new CRequest(Bytes.of(new byte[1])))));
    }

    @Test
    void localMisuseThrows() {
        assertThrows(IllegalArgumentException.class, () -> new ConsistentBroadcast(CTX.get(0), TAG, 5, MAX));
        assertThrows(IllegalArgumentException.class, () -> new ConsistentBroadcast(CTX.get(0), TAG, 0, MAX));
        assertThrows(IllegalStateException.class, () -> node(2).broadcast(M));
        ConsistentBroadcast s = node(1);
        s.broadcast(M);
        assertThrows(IllegalStateException.class, () -> s.broadcast(M));
        assertThrows(IllegalArgumentException.class, () -> node(2).adopt(proof(CTX, TAG, M, 1, 2)));
    }

    @Test
    void aServerWithAFinalButNoPayloadRequestsItAndTheHashDecides() {
        ConsistentBroadcast n = node(4);
        Step<CbcMessage, Delivered> s = n.handleMessage(1, new CFinal(Bytes.of(D), sigma(CTX, TAG, M, 1, 2, 3)));
        // the final's sender, then signers until honestOne() = 2 signers are asked: 1 and 2
        assertEquals(List.of(Target.to(1), Target.to(2)), s.messages().stream().map(Outgoing::target).toList());
        assertTrue(s.messages().stream().allMatch(o -> o.message().equals(new CRequest(Bytes.of(D)))));
        assertEquals(FaultKind.UNEXPECTED, onlyFault(n.handleMessage(3, new CAnswer(Bytes.of(M)))), "unsolicited");
        assertEquals(FaultKind.INVALID_PROOF, onlyFault(n.handleMessage(2, new CAnswer(Bytes.of(bytes("forged"))))));
        assertEquals(FaultKind.UNEXPECTED, onlyFault(n.handleMessage(2, new CAnswer(Bytes.of(M)))), "second answer");
        // another final from a new server asks one more
        Step<CbcMessage, Delivered> again = n.handleMessage(3, new CFinal(Bytes.of(D), sigma(CTX, TAG, M, 1, 2, 3)));
        assertEquals(List.of(new Outgoing<CbcMessage>(Target.to(3), new CRequest(Bytes.of(D)))), again.messages());
        Step<CbcMessage, Delivered> ok = n.handleMessage(1, new CAnswer(Bytes.of(M)));
        assertEquals(1, ok.outputs().size());
        assertArrayEquals(M, ok.outputs().get(0).payload());
        assertTrue(n.handleMessage(3, new CAnswer(Bytes.of(M))).isEmpty(), "a late answer to a request is no fault");
    }

    @Test
    void requestsAreAnsweredOnceEvenAfterDeliveryAndWaitForThePayload() {
        ConsistentBroadcast n = node(2);
        assertTrue(n.handleMessage(3, new CRequest(Bytes.of(D))).isEmpty(), "not held yet: remembered");
        Step<CbcMessage, Delivered> s = n.handleMessage(1, new CSend(Bytes.of(M)));
        assertTrue(s.messages().contains(new Outgoing<CbcMessage>(Target.to(3), new CAnswer(Bytes.of(M)))), s.toString());
        n.handleMessage(1, new CFinal(Bytes.of(D), sigma(CTX, TAG, M, 1, 2, 3)));
        assertTrue(n.terminated());
        assertEquals(List.of(new Outgoing<CbcMessage>(Target.to(4), new CAnswer(Bytes.of(M)))), n.handleMessage(4, new CRequest(Bytes.of(D))).messages());
        assertTrue(n.handleMessage(4, new CRequest(Bytes.of(D))).isEmpty(), "each requester at most once");
        assertTrue(n.handleMessage(3, new CRequest(Bytes.of(D))).isEmpty());
        assertTrue(n.handleMessage(1, new CRequest(Bytes.of(CbcProof.digestOf(bytes("unknown"))))).isEmpty());
    }

    @Test
    void adoptingAProofFetchesThePayloadFromSignersAndDelivers() {
        ConsistentBroadcast n = node(4);
        CbcProof p = proof(CTX, TAG, M, 1, 2, 3);
        Step<CbcMessage, Delivered> s = n.handleInput(new CbcInput.Adopt(p));
        assertEquals(List.of(Target.to(1), Target.to(2)), s.messages().stream().map(Outgoing::target).toList());
        assertEquals(List.of(Target.to(3)), n.adopt(p).messages().stream().map(Outgoing::target).toList(),
                "adopting again asks the next signer");
        Step<CbcMessage, Delivered> ok = n.handleMessage(3, new CAnswer(Bytes.of(M)));
        assertEquals(List.of(new Delivered(M, p)), ok.outputs());
        assertTrue(n.adopt(p).isEmpty());
    }

    @Test
    void anEchoedPayloadThatIsNotCertifiedIsReplacedByTheCertifiedOne() {
        ConsistentBroadcast n = node(4);
        n.handleMessage(1, new CSend(Bytes.of(bytes("first"))));
        Step<CbcMessage, Delivered> s = n.handleMessage(1, new CFinal(Bytes.of(D), sigma(CTX, TAG, M, 1, 2, 3)));
        assertTrue(s.outputs().isEmpty());
        assertFalse(s.messages().isEmpty(), "requests the certified payload");
        assertEquals(List.of(new Delivered(M, proof(CTX, TAG, M, 1, 2, 3))), n.handleMessage(2, new CAnswer(Bytes.of(M))).outputs());
    }

    @Test
    void twoCertifiedDigestsExposeTheDoubleSigners() {
        ConsistentBroadcast n = node(4);
        n.handleMessage(1, new CFinal(Bytes.of(D), sigma(CTX, TAG, M, 1, 2, 3)));
        byte[] other = bytes("other");
        Step<CbcMessage, Delivered> s = n.handleMessage(1, new CFinal(Bytes.of(CbcProof.digestOf(other)), sigma(CTX, TAG, other, 1, 2, 4)));
        assertEquals(List.of(1, 2), s.faults().stream().map(f -> f.peer()).toList());
        assertTrue(s.faults().stream().allMatch(f -> f.kind() == FaultKind.EQUIVOCATION));
        assertArrayEquals(D, n.proof().orElseThrow().digest(), "keeps the first");
    }

    @Test
    void messagesPrintDeterministically() {
        assertEquals("C-SEND(5B:68656c6c6f)", new CSend(Bytes.of(M)).toString());
        assertEquals(new CAnswer(Bytes.of(M)), new CAnswer(Bytes.of(bytes("hello"))));
        assertEquals(new CRequest(Bytes.of(D)).hashCode(), new CRequest(Bytes.of(D.clone())).hashCode());
        assertFalse(new CFinal(Bytes.of(D), sigma(CTX, TAG, M, 1, 2, 3)).toString().contains("[B@"));
        assertTrue(new Delivered(M, proof(CTX, TAG, M, 1, 2, 3)).toString().startsWith("Delivered(5B:"));
        assertEquals(Tag.of("abc", "7", "mvba", "cbc", "1"), node(2).tag());
    }
}
