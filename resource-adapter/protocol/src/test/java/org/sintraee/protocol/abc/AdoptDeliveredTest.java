package org.sintraee.protocol.abc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.abc.AbcMessage.Batch;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.Outgoing;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.sim.Contexts;

/**
 * {@link AtomicBroadcast#adoptDelivered} on one server (server 4 of n = 4, mock keys), fed
 * directly: which round it takes, what it outputs, how the queue, the dedup window, buffered
 * messages and silence come out of it, and local misuse.
 */
class AdoptDeliveredTest {
    static final List<ServerContext> CTXS = Contexts.mock(4, 1);
    static final Tag TAG = Tag.of("test", "adopt-delivered");
    static final int BATCH = 3;
    static final int MAX_REQUEST = 64;

    private static AtomicBroadcast fresh() {
        return new AtomicBroadcast(CTXS.get(3), TAG, BATCH, MAX_REQUEST, 100);
    }

    private static Bytes q(String s) {
        return Bytes.of(s.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Batch> batches(Step<AbcMessage, AbcDelivery> step) {
        return step.messages().stream().map(Outgoing::message).filter(m -> m instanceof Batch).map(m -> (Batch) m)
                .toList();
    }

    private static List<Bytes> requestsOf(Batch b) {
        return BatchCodec.decodeBatch(b.batch(), BATCH, MAX_REQUEST).get();
    }

    @Test
    void takesOnlyTheCurrentRoundAndOutputsExactlyItsRequestsAtConsecutiveSeqs() {
        AtomicBroadcast abc = fresh();
        assertTrue(abc.adoptDelivered(1, List.of(q("a"))).isEmpty(), "a later round: empty step");
        assertEquals(0, abc.round());
        assertEquals(0, abc.deliveredCount());

        Step<AbcMessage, AbcDelivery> s = abc.adoptDelivered(0, List.of(q("a"), q("b"), q("c")));
        assertEquals(List.of(new AbcDelivery(0, 0, q("a")), new AbcDelivery(1, 0, q("b")), new AbcDelivery(2, 0, q("c"))),
                s.outputs());
        assertTrue(s.messages().isEmpty() && s.faults().isEmpty() && s.durable().isEmpty(), "nothing queued: silent");
        assertEquals(1, abc.round());
        assertEquals(3, abc.deliveredCount());
        assertTrue(abc.proof(0).isEmpty(), "no proof of a round taken from its deliveries");

        assertTrue(abc.adoptDelivered(0, List.of(q("d"))).isEmpty(), "an earlier round: empty step");
        Step<AbcMessage, AbcDelivery> empty = abc.adoptDelivered(1, List.of());
        assertTrue(empty.isEmpty(), "a round that delivered nothing outputs nothing");
        assertEquals(2, abc.round(), "but the round advances");
        assertEquals(3, abc.deliveredCount(), "and seq stays");

        assertEquals(List.of(new AbcDelivery(3, 2, q("d"))), abc.adoptDelivered(2, List.of(q("d"))).outputs());
        for (String x : new String[] {"a", "b", "c", "d"}) {
            assertTrue(abc.handleInput(new AbcInput.Submit(q(x))).isEmpty(), x + " is in the window: refused");
            assertEquals(0, abc.queued());
        }
    }

    @Test
    void aQueuedRequestLeavesTheQueueAndIsNotProposedAgain() {
        AtomicBroadcast abc = fresh();
        abc.adoptDelivered(0, List.of(q("a")));
        Step<AbcMessage, AbcDelivery> submitted = abc.handleInput(new AbcInput.Submit(q("mine")));
        assertEquals(List.of(List.of(q("mine"))), batches(submitted).stream().map(AdoptDeliveredTest::requestsOf).toList(),
                "queued and batched in round 1");
        assertEquals(1, abc.queued());

        Step<AbcMessage, AbcDelivery> s = abc.adoptDelivered(1, List.of(q("other"), q("mine")));
        assertEquals(List.of(new AbcDelivery(1, 1, q("other")), new AbcDelivery(2, 1, q("mine"))), s.outputs());
        assertEquals(0, abc.queued(), "delivered: it left the queue");
        assertTrue(batches(s).isEmpty(), "an empty queue: no round-2 batch");
        assertTrue(abc.handleInput(new AbcInput.Submit(q("mine"))).isEmpty(), "refused as a duplicate");

        Step<AbcMessage, AbcDelivery> next = abc.handleInput(new AbcInput.Submit(q("new")));
        assertEquals(List.of(2L), batches(next).stream().map(Batch::round).toList());
        assertEquals(List.of(q("new")), requestsOf(batches(next).get(0)), "the round-2 batch holds only the new request");
    }

    @Test
    void theNextRoundBeginsAsAfterAdopt() {
        // A queue with requests: this server's batch for the next round, in the same step.
        AtomicBroadcast abc = fresh();
        abc.handleInput(new AbcInput.Submit(q("waits")));
        Step<AbcMessage, AbcDelivery> s = abc.adoptDelivered(0, List.of(q("a")));
        assertEquals(List.of(1L), batches(s).stream().map(Batch::round).toList());
        assertEquals(List.of(q("waits")), requestsOf(batches(s).get(0)));
        assertTrue(s.durable().stream().anyMatch(r -> r.what().equals("batch/1")));

        // Buffered messages are released: a peer's round-1 batch with an undelivered request makes it join round 1.
        AtomicBroadcast idle = fresh();
        Bytes batch = BatchCodec.encodeBatch(List.of(q("theirs")));
        Bytes sig = Bytes.of(CTXS.get(0).signer().sign(BatchCodec.statement(TAG, 1, batch)));
        assertTrue(idle.handleMessage(1, new Batch(1, batch, sig)).isEmpty(), "round 1 not started: buffered");
        Step<AbcMessage, AbcDelivery> released = idle.adoptDelivered(0, List.of());
        assertEquals(List.of(1L), batches(released).stream().map(Batch::round).toList(), "joined round 1");
        assertEquals(List.of(), requestsOf(batches(released).get(0)), "with its empty queue");
        assertTrue(released.faults().isEmpty());

        // Silence: a resumed server says nothing through silentThrough, however it left the rounds before.
        AtomicBroadcast resumed = AtomicBroadcast.resume(CTXS.get(3), TAG, BATCH, MAX_REQUEST, 100, 0, 0, List.of(), 1);
        assertTrue(resumed.handleInput(new AbcInput.Submit(q("waits"))).messages().isEmpty());
        assertTrue(resumed.adoptDelivered(0, List.of(q("a"))).messages().isEmpty(), "round 1 is silent");
        Step<AbcMessage, AbcDelivery> speaks = resumed.adoptDelivered(1, List.of());
        assertEquals(List.of(2L), batches(speaks).stream().map(Batch::round).toList(), "round 2 is not");
    }

    @Test
    void aRequestInTheWindowIsDeliveredAgainAndEvictionStaysBySeq() {
        AtomicBroadcast abc = AtomicBroadcast.withDedupWindow(3, CTXS.get(3), TAG, BATCH, MAX_REQUEST, 100, 0, 0,
                List.of(), -1);
        List<AbcDelivery> out = new ArrayList<>();
        out.addAll(abc.adoptDelivered(0, List.of(q("x"), q("a"))).outputs()); // seqs 0, 1
        out.addAll(abc.adoptDelivered(1, List.of(q("a"), q("b"))).outputs()); // a again at seq 2: certified order wins
        assertEquals(List.of(new AbcDelivery(0, 0, q("x")), new AbcDelivery(1, 0, q("a")), new AbcDelivery(2, 1, q("a")),
                new AbcDelivery(3, 1, q("b"))), out);
        // The window is seqs 1..3 (a, a, b): x, at seq 0, has left it; had the repeat taken no slot, x would be in.
        assertEquals(1, batches(abc.handleInput(new AbcInput.Submit(q("x")))).size(), "x is new again");
        assertEquals(1, abc.queued());
        assertTrue(abc.handleInput(new AbcInput.Submit(q("a"))).isEmpty(), "a is in the window");
        assertTrue(abc.handleInput(new AbcInput.Submit(q("b"))).isEmpty(), "b is in the window");

        // A repeat within one round's list: delivered twice, at consecutive seqs.
        assertEquals(List.of(new AbcDelivery(4, 2, q("c")), new AbcDelivery(5, 2, q("c"))),
                abc.adoptDelivered(2, List.of(q("c"), q("c"))).outputs());
        assertEquals(1, abc.queued(), "x still waits");
    }

    @Test
    void nullOrOversizedRequestsAreLocalMisuseInAnyRound() {
        AtomicBroadcast abc = fresh();
        byte[] big = new byte[MAX_REQUEST + 1];
        assertThrows(NullPointerException.class, () -> abc.adoptDelivered(0, null));
        assertThrows(NullPointerException.class, () -> abc.adoptDelivered(0, Arrays.asList(q("a"), null)));
        assertThrows(IllegalArgumentException.class, () -> abc.adoptDelivered(0, List.of(q("a"), Bytes.of(big))));
        assertThrows(IllegalArgumentException.class, () -> abc.adoptDelivered(5, List.of(Bytes.of(big))));
        assertEquals(0, abc.round(), "nothing taken");
        assertEquals(0, abc.deliveredCount());
        assertEquals(1, abc.adoptDelivered(0, List.of(Bytes.of(new byte[MAX_REQUEST]))).outputs().size(),
                "maxRequestBytes itself is fine");
    }
}
