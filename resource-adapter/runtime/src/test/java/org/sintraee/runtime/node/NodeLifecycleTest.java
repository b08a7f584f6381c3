package org.sintraee.runtime.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.sim.Contexts;
import org.sintraee.runtime.journal.FsyncPolicy;
import org.sintraee.runtime.journal.Journal;

/** Close, failure and the refusal of a previous run's journal. */
class NodeLifecycleTest {
    @TempDir
    Path dir;

    static Throwable cause(CompletableFuture<Long> f) {
        assertTrue(f.isDone(), "completed");
        ExecutionException e = assertThrows(ExecutionException.class, f::get);
        return e.getCause();
    }

    @Test
    void closeFailsPendingSubmissionsAndTheExecutorDrains() throws Exception {
        List<CompletableFuture<Long>> pending = new ArrayList<>();
        Node node;
        try (MemoryNetwork net = new MemoryNetwork()) { // its close() asserts the executor drains
            node = net.build(1, dir, NodeOrderTest.SETTINGS);
            net.start(); // alone: no quorum, nothing is delivered
            for (int k = 0; k < 5; k++) {
                pending.add(node.submit(NodeOrderTest.request(1, k)));
            }
            MemoryNetwork.await("5 queued", () -> node.metrics().queued() == 5);
            node.close();
            for (CompletableFuture<Long> f : pending) {
                assertInstanceOf(NodeStoppedException.class, cause(f));
            }
            assertInstanceOf(NodeStoppedException.class, cause(node.submit(NodeOrderTest.request(1, 9))));
            node.close(); // idempotent
            assertTrue(node.metrics().failure().isEmpty(), "closed is not failed");
            assertThrows(IllegalStateException.class, () -> node.start(net.executor));
            assertTrue(node.metrics().syncs() >= 1, "its batch record was synced");
        }
    }

    @Test
    void aFailedSyncStopsTheNodeBeforeAnythingIsSent() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        try (MemoryNetwork net = new MemoryNetwork()) {
            Node node = net.build(1, dir, NodeOrderTest.SETTINGS, d -> new ForwardingDurability(d) {
                @Override
                public void sync() throws IOException {
                    throw new IOException("disk gone");
                }
            }, (peer, frame) -> sent.incrementAndGet(), (s, r, q) -> { });
            net.start();
            CompletableFuture<Long> f = node.submit(NodeOrderTest.request(1, 0));
            MemoryNetwork.await("the failure", () -> node.metrics().failure().isPresent());
            MemoryNetwork.await("the future failing", f::isDone);
            Throwable c = cause(f);
            assertInstanceOf(NodeStoppedException.class, c);
            assertTrue(c.getMessage().contains("disk gone"), c.getMessage());
            assertTrue(node.metrics().failure().get().contains("journal"));
            assertEquals(0, sent.get(), "nothing may leave after a failed sync");
            assertInstanceOf(NodeStoppedException.class, cause(node.submit(NodeOrderTest.request(1, 1))));
        }
    }

    @Test
    void aJournalThatIsNoNodesIsRefused() throws Exception {
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            j.append(new DurableRecord(Tag.of("abc"), "batch/0", new byte[4]));
            j.appendDelivery(5, new byte[] {1}); // a node's deliveries start at seq 0
            j.sync();
        }
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Node(
                    Contexts.mock(4, 1).get(0), NodeOrderTest.SETTINGS, j, (p, f) -> { }, (s, r, q) -> { }));
            assertTrue(e.getMessage().contains("seq 5"), e.getMessage());
        }
    }

    @Test
    void settingsThatDoNotFitAreRefused() throws Exception {
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            NodeSettings noRoom = NodeOrderTest.SETTINGS.withMailbox(12, 4, 1 << 20); // 3 peers * 4 = 12
            assertThrows(IllegalArgumentException.class, () -> new Node(Contexts.mock(4, 1).get(0), noRoom, j,
                    (p, f) -> { }, (s, r, q) -> { }));
            NodeSettings huge = new NodeSettings(Tag.of("abc"), 4096, 4096, 10, 512, 8, 64);
            assertThrows(IllegalArgumentException.class, () -> new Node(Contexts.mock(4, 1).get(0), huge, j,
                    (p, f) -> { }, (s, r, q) -> { }));
        }
    }
}
