package org.sintraee.runtime.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sintraee.protocol.abc.AbcMessage;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.Tag;
import org.sintraee.runtime.wire.WireCodec;

/** Mailbox shares, flooding, busy refusals and bad frames. */
class NodeBoundsTest {
    private static final Tag ABC = Tag.of("abc");

    @TempDir
    Path dir;

    /** A well-formed BATCH far beyond the round window: decodes, enters the mailbox, is dropped without blame. */
    static byte[] farFutureBatch() {
        return WireCodec.encode(ABC, new AbcMessage.Batch(1_000_000, Bytes.of(new byte[] {0, 0, 0, 0}),
                Bytes.of(new byte[] {1, 2, 3})));
    }

    static Throwable failure(CompletableFuture<Long> f) throws Exception {
        try {
            f.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the future completed normally");
    }

    @Test
    void aFullPeerShareBlocksOnlyThatPeer() throws Exception {
        NodeSettings s = NodeOrderTest.SETTINGS.withMailbox(64, 2, 1 << 20);
        try (MemoryNetwork net = new MemoryNetwork()) {
            Node node = net.build(1, dir, s); // not started: nothing drains the mailbox
            byte[] frame = farFutureBatch();
            node.received(2, frame);
            node.received(2, frame);
            AtomicReference<Thread> reader = new AtomicReference<>();
            Future<?> blocked = net.executor.submit(() -> {
                reader.set(Thread.currentThread());
                node.received(2, frame);
            });
            MemoryNetwork.await("peer 2's reader blocking", () -> reader.get() != null
                    && reader.get().getState() == Thread.State.WAITING);
            net.executor.submit(() -> node.received(3, frame)).get(30, TimeUnit.SECONDS); // another peer gets in
            assertFalse(blocked.isDone());
            NodeMetrics m = node.metrics();
            assertEquals(2, m.peer(2).inbound());
            assertEquals(1, m.peer(3).inbound());
            assertEquals(3, m.mailbox());
            node.close(); // wakes the blocked reader: its frame is dropped
            blocked.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFloodingPeerDoesNotHoldUpTheOthers() throws Exception {
        NodeSettings s = NodeOrderTest.SETTINGS.withMailbox(512, 8, 1 << 20);
        try (MemoryNetwork net = new MemoryNetwork()) {
            for (int i = 1; i <= 3; i++) {
                net.build(i, dir, s); // server 4 is only a flooder
            }
            AtomicBoolean flooding = new AtomicBoolean(true);
            AtomicLong flooded = new AtomicLong();
            AtomicInteger maxShare = new AtomicInteger();
            byte[] frame = farFutureBatch();
            net.start();
            Future<?> flooder = net.executor.submit(() -> {
                while (flooding.get()) {
                    net.nodes[1].received(4, frame);
                    flooded.incrementAndGet();
                }
            });
            Future<?> sampler = net.executor.submit(() -> {
                while (flooding.get()) {
                    maxShare.accumulateAndGet(net.nodes[1].metrics().peer(4).inbound(), Math::max);
                    Thread.onSpinWait();
                }
            });
            MemoryNetwork.await("the flood under way", () -> flooded.get() > 1000);
            NodeOrderTest.submitAndCheck(net, new int[] {1, 2, 3}, 15);
            assertFalse(flooder.isDone(), "the flood went on during the deliveries");
            flooding.set(false);
            flooder.get(30, TimeUnit.SECONDS);
            sampler.get(30, TimeUnit.SECONDS);
            assertTrue(maxShare.get() <= 8, "peer 4 held at most its share, saw " + maxShare.get());
            assertEquals(0, net.nodes[1].metrics().peer(4).faultCount(), "far-future rounds are no fault");
        }
    }

    @Test
    void submissionsBeyondTheQueueAreRefusedNotBlocked() throws Exception {
        try (MemoryNetwork net = new MemoryNetwork()) {
            Node node = net.build(1, dir, NodeOrderTest.SETTINGS.withQueue(3));
            net.start(); // only node 1 runs: nothing is ever delivered
            List<CompletableFuture<Long>> accepted = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                accepted.add(node.submit(NodeOrderTest.request(1, k)));
            }
            MemoryNetwork.await("3 queued", () -> node.metrics().queued() == 3);
            assertInstanceOf(NodeBusyException.class, failure(node.submit(NodeOrderTest.request(1, 3))));
            CompletableFuture<Long> again = node.submit(NodeOrderTest.request(1, 0)); // already queued: waits with it
            CompletableFuture<Long> probe = node.submit(NodeOrderTest.request(1, 4)); // processed after `again`
            assertInstanceOf(NodeBusyException.class, failure(probe));
            assertFalse(again.isDone());
            assertTrue(accepted.stream().noneMatch(CompletableFuture::isDone));
            Throwable big = failure(node.submit(new byte[NodeOrderTest.SETTINGS.maxRequestBytes() + 1]));
            assertInstanceOf(IllegalArgumentException.class, big);
        }
    }

    @Test
    void aFullSubmissionShareRefusesAtOnce() throws Exception {
        // capacity 3 peers * 4 + 2: room for two submissions
        NodeSettings s = NodeOrderTest.SETTINGS.withMailbox(14, 4, 1 << 20);
        try (MemoryNetwork net = new MemoryNetwork()) {
            Node node = net.build(1, dir, s); // not started
            assertFalse(node.submit(NodeOrderTest.request(1, 0)).isDone());
            assertFalse(node.submit(NodeOrderTest.request(1, 1)).isDone());
            CompletableFuture<Long> third = node.submit(NodeOrderTest.request(1, 2));
            assertTrue(third.isCompletedExceptionally(), "refused synchronously");
            assertInstanceOf(NodeBusyException.class, failure(third));
        }
    }

    @Test
    void badFramesAreFaultsOfTheirSenderNotExceptions() throws Exception {
        try (MemoryNetwork net = new MemoryNetwork()) {
            Node node = net.build(1, dir, NodeOrderTest.SETTINGS); // not started: the mailbox shows what got in
            byte[] good = farFutureBatch();
            byte[] foreign = WireCodec.encode(Tag.of("other"), new AbcMessage.Batch(0, Bytes.EMPTY, Bytes.EMPTY));
            node.received(2, new byte[] {1, 2, 3});
            node.received(2, foreign);
            node.received(3, WireCodec.encode(ABC.child("x"), new AbcMessage.Batch(0, Bytes.EMPTY, Bytes.EMPTY)));
            node.received(3, good);
            NodeMetrics m = node.metrics();
            assertEquals(1, m.peer(2).faults(FaultKind.MALFORMED));
            assertEquals(1, m.peer(2).faults(FaultKind.UNEXPECTED));
            assertEquals(1, m.peer(3).faults(FaultKind.MALFORMED), "ABC message under a child tag: wrong type");
            assertEquals(0, m.peer(4).faultCount());
            assertEquals(1, m.mailbox(), "only the good frame got in");
            assertEquals(3 + foreign.length, m.peer(2).bytesIn(), "bytes in count every frame");
        }
    }
}
