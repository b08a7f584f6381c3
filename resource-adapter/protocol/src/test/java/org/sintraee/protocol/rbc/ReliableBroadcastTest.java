package org.sintraee.protocol.rbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.sintraee.protocol.core.Bytes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.Outgoing;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.core.Target;
import org.sintraee.protocol.rbc.RbcMessage.Answer;
import org.sintraee.protocol.rbc.RbcMessage.Echo;
import org.sintraee.protocol.rbc.RbcMessage.Ready;
import org.sintraee.protocol.rbc.RbcMessage.Request;
import org.sintraee.protocol.rbc.RbcMessage.Send;
import org.sintraee.protocol.sim.Contexts;

/** One instance driven by hand, n = 4, t = 1: echoQuorum 3, honestOne 2, readyToDeliver 3. */
class ReliableBroadcastTest {
    private static final Tag TAG = Tag.of("rbc-test");
    private static final List<ServerContext> CTX = Contexts.mock(4, 1);
    private static final byte[] M = {1, 2, 3};
    private static final byte[] H = ReliableBroadcast.digest(TAG, M);

    private static ReliableBroadcast at(int self) {
        return new ReliableBroadcast(CTX.get(self - 1), TAG, 1, 16);
    }

    private static FaultKind onlyFault(Step<RbcMessage, Payload> step) {
        assertEquals(1, step.faults().size(), step.toString());
        assertTrue(step.messages().isEmpty() && step.outputs().isEmpty(), step.toString());
        return step.faults().get(0).kind();
    }

    @Test
    void theSenderSendsItsPayloadToAllAndRecordsIt() {
        Step<RbcMessage, Payload> step = at(1).handleInput(Payload.of(M));
        assertEquals(List.of(new Outgoing<>(Target.all(), new Send(Bytes.of(M)))), step.messages());
        assertEquals(List.of(new DurableRecord(TAG, "send", H)), step.durable());
    }

    @Test
    void inputMisuseThrows() {
        assertThrows(IllegalStateException.class, () -> at(2).handleInput(Payload.of(M)));
        ReliableBroadcast sender = at(1);
        assertThrows(IllegalArgumentException.class, () -> sender.handleInput(Payload.of(new byte[17])));
        sender.handleInput(Payload.of(M));
        assertThrows(IllegalStateException.class, () -> sender.handleInput(Payload.of(M)));
        assertThrows(IllegalArgumentException.class, () -> new ReliableBroadcast(CTX.get(0), TAG, 5, 16));
    }

    @Test
    void echoOnceOnTheFirstSendThenReadyOnAnEchoQuorumThenDeliverOnReadies() {
        ReliableBroadcast p = at(2);
        Step<RbcMessage, Payload> echo = p.handleMessage(1, new Send(Bytes.of(M)));
        assertEquals(List.of(new Outgoing<>(Target.all(), new Echo(Bytes.of(H)))), echo.messages());
        assertEquals(List.of(new DurableRecord(TAG, "echo", H)), echo.durable());
        assertTrue(p.handleMessage(1, new Send(Bytes.of(M))).isEmpty(), "a duplicate is ignored");
        assertEquals(FaultKind.EQUIVOCATION, onlyFault(p.handleMessage(1, new Send(Bytes.of(new byte[] {9})))));

        assertTrue(p.handleMessage(1, new Echo(Bytes.of(H))).isEmpty());
        assertTrue(p.handleMessage(2, new Echo(Bytes.of(H))).isEmpty());
        Step<RbcMessage, Payload> ready = p.handleMessage(3, new Echo(Bytes.of(H)));
        assertEquals(List.of(new Outgoing<>(Target.all(), new Ready(Bytes.of(H)))), ready.messages());
        assertEquals(List.of(new DurableRecord(TAG, "ready", H)), ready.durable());
        assertTrue(p.handleMessage(4, new Echo(Bytes.of(H))).isEmpty(), "READY is sent once");

        assertTrue(p.handleMessage(1, new Ready(Bytes.of(H))).isEmpty());
        assertTrue(p.handleMessage(2, new Ready(Bytes.of(H))).isEmpty());
        assertFalse(p.terminated());
        assertEquals(List.of(Payload.of(M)), p.handleMessage(3, new Ready(Bytes.of(H))).outputs());
        assertTrue(p.terminated());
        assertTrue(p.handleMessage(4, new Ready(Bytes.of(H))).isEmpty(), "delivered once");
    }

    @Test
    void honestOneReadiesAmplifyWithoutEchoes() {
        ReliableBroadcast p = at(3);
        assertTrue(p.handleMessage(1, new Ready(Bytes.of(H))).isEmpty());
        assertEquals(List.of(new Outgoing<>(Target.all(), new Ready(Bytes.of(H)))), p.handleMessage(2, new Ready(Bytes.of(H))).messages());
    }

    @Test
    void withoutThePayloadAServerAsksTheEchoersAndTheHashDecides() {
        ReliableBroadcast p = at(4);
        p.handleMessage(2, new Echo(Bytes.of(H)));
        p.handleMessage(1, new Ready(Bytes.of(H)));
        p.handleMessage(2, new Ready(Bytes.of(H)));
        Step<RbcMessage, Payload> ask = p.handleMessage(3, new Ready(Bytes.of(H)));
        assertEquals(List.of(new Outgoing<>(Target.to(2), new Request(Bytes.of(H)))), ask.messages());
        // a later echoer of the wanted digest is asked too
        assertEquals(List.of(new Outgoing<>(Target.to(3), new Request(Bytes.of(H)))), p.handleMessage(3, new Echo(Bytes.of(H))).messages());

        assertEquals(FaultKind.UNEXPECTED, onlyFault(p.handleMessage(1, new Answer(Bytes.of(M)))));
        assertEquals(FaultKind.INVALID_PROOF, onlyFault(p.handleMessage(2, new Answer(Bytes.of(new byte[] {7})))));
        assertEquals(List.of(Payload.of(M)), p.handleMessage(3, new Answer(Bytes.of(M))).outputs());
        assertTrue(p.terminated());
    }

    @Test
    void requestsAreAnsweredOncePerRequesterEvenAfterDelivery() {
        ReliableBroadcast p = at(2);
        p.handleMessage(1, new Send(Bytes.of(M)));
        for (int s = 1; s <= 3; s++) {
            p.handleMessage(s, new Ready(Bytes.of(H)));
        }
        assertTrue(p.terminated());
        assertEquals(List.of(new Outgoing<>(Target.to(4), new Answer(Bytes.of(M)))), p.handleMessage(4, new Request(Bytes.of(H))).messages());
        assertTrue(p.handleMessage(4, new Request(Bytes.of(H))).isEmpty());
        assertTrue(p.handleMessage(3, new Request(Bytes.of(new byte[32]))).isEmpty(), "an unknown digest is not answered");
    }

    @Test
    void badMessagesAreFaultsNeverExceptions() {
        ReliableBroadcast p = at(2);
        assertEquals(FaultKind.UNEXPECTED, onlyFault(p.handleMessage(3, new Send(Bytes.of(M)))));
        assertEquals(FaultKind.MALFORMED, onlyFault(p.handleMessage(1, new Send(Bytes.of(new byte[17])))));
        assertEquals(FaultKind.MALFORMED, onlyFault(p.handleMessage(3, new Echo(Bytes.of(new byte[5])))));
        assertEquals(FaultKind.MALFORMED, onlyFault(p.handleMessage(3, new Ready(Bytes.of(new byte[33])))));
        assertEquals(FaultKind.MALFORMED, onlyFault(p.handleMessage(3, new Request(Bytes.of(new byte[0])))));
        assertEquals(FaultKind.MALFORMED, onlyFault(p.handleMessage(0, new Echo(Bytes.of(H)))));
        assertEquals(FaultKind.MALFORMED, onlyFault(p.handleMessage(5, new Echo(Bytes.of(H)))));
        assertTrue(p.handleMessage(3, new Echo(Bytes.of(H))).isEmpty());
        assertEquals(FaultKind.EQUIVOCATION, onlyFault(p.handleMessage(3, new Echo(Bytes.of(new byte[32])))));
        assertTrue(p.handleMessage(3, new Ready(Bytes.of(H))).isEmpty());
        assertEquals(FaultKind.EQUIVOCATION, onlyFault(p.handleMessage(3, new Ready(Bytes.of(new byte[32])))));
        // the oversized SEND did not use up the sender's slot
        assertEquals(List.of(new Outgoing<>(Target.all(), new Echo(Bytes.of(H)))), p.handleMessage(1, new Send(Bytes.of(M))).messages());
    }

    @Test
    void digestsFromAnotherInstanceCountForNothingHere() {
        byte[] other = ReliableBroadcast.digest(Tag.of("rbc-test-other"), M);
        ReliableBroadcast p = at(2);
        p.handleMessage(1, new Send(Bytes.of(M)));
        for (int s = 1; s <= 4; s++) {
            assertTrue(p.handleMessage(s, new Ready(Bytes.of(other))).messages().stream().noneMatch(o -> o.message() instanceof Ready r
                    && java.util.Arrays.equals(r.digest().toArray(), H)));
        }
        assertFalse(p.terminated());
    }

    @Test
    void messagesAndPayloadsPrintDeterministically() {
        assertEquals("Send[payload=3B:010203]", new Send(Bytes.of(M)).toString());
        assertEquals("Payload[3B:010203]", Payload.of(M).toString());
        assertTrue(new Echo(Bytes.of(H)).toString().matches("Echo\\[digest=32B:[0-9a-f]{16}\\.\\.]"), new Echo(Bytes.of(H)).toString());
        assertEquals(new Answer(Bytes.of(M)), new Answer(Bytes.of(M.clone())));
        assertEquals(new Ready(Bytes.of(H)).hashCode(), new Ready(Bytes.of(H.clone())).hashCode());
    }
}
