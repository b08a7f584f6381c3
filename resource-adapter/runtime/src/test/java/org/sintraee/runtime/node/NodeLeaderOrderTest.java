package org.sintraee.runtime.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sintraee.protocol.abc.AbcMessage;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.sim.Contexts;
import org.sintraee.runtime.journal.FsyncPolicy;
import org.sintraee.runtime.journal.Journal;
import org.sintraee.runtime.wire.WireCodec;

/** The benchmark's limit mode: four nodes in memory ordered by server 1 alone, on the same loop and journal. */
class NodeLeaderOrderTest {
    static final NodeSettings LEADER = NodeOrderTest.SETTINGS.withOrder(NodeSettings.Order.LEADER);

    @TempDir
    Path dir;

    @Test
    void requestsSubmittedAtFollowersAreDeliveredInOneOrderEverywhere() throws Exception {
        List<String> violations = new CopyOnWriteArrayList<>();
        AtomicLong batchesChecked = new AtomicLong();
        RecordingDurability[] recs = new RecordingDurability[MemoryNetwork.N + 1];
        try (MemoryNetwork net = new MemoryNetwork()) {
            for (int i = 1; i <= MemoryNetwork.N; i++) {
                int id = i;
                Outbox check = (peer, frame) -> {
                    Decoded<WireCodec.Frame> f = WireCodec.decode(frame);
                    if (!f.ok() || !(f.get().message() instanceof AbcMessage.Batch b)) {
                        violations.add("node " + id + " sent something else than a BATCH: " + f);
                        return;
                    }
                    if (id != 1 && peer != 1) {
                        violations.add("follower " + id + " sent to " + peer + ", not to the leader");
                    }
                    String record = f.get().tag() + (id == 1 ? " batch/" : " forward/") + b.round();
                    if (!recs[id].synced(record)) {
                        violations.add("node " + id + " sent BATCH(" + b.round() + ") before " + record + " was durable");
                    }
                    batchesChecked.incrementAndGet();
                };
                net.build(i, dir, LEADER, d -> recs[id] = new RecordingDurability(d), check, (s, r, q) -> { });
            }
            net.start();
            // Followers only first: everything they submit goes through server 1.
            NodeOrderTest.submitAndCheck(net, new int[] {2, 3, 4}, 40);
            for (int i = 1; i <= MemoryNetwork.N; i++) {
                int id = i;
                MemoryNetwork.await("node " + id + " delivering 120", () -> net.deliveries.get(id).size() == 120);
            }
            // Then the leader's own requests too, mixed with a follower's.
            List<CompletableFuture<Long>> more = new ArrayList<>();
            for (int k = 100; k < 110; k++) {
                more.add(net.nodes[1].submit(NodeOrderTest.request(1, k)));
                more.add(net.nodes[3].submit(NodeOrderTest.request(3, k)));
            }
            CompletableFuture.allOf(more.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            for (int i = 1; i <= MemoryNetwork.N; i++) {
                int id = i;
                MemoryNetwork.await("node " + id + " delivering 140", () -> net.deliveries.get(id).size() == 140);
                for (int s = 0; s < 140; s++) {
                    assertArrayEquals(net.deliveries.get(1).get(s), net.deliveries.get(id).get(s), "node " + id + " seq " + s);
                }
            }
            for (int i = 1; i <= MemoryNetwork.N; i++) {
                int id = i;
                // the gauges are published after the group that handed the deliveries out: wait for them
                MemoryNetwork.await("nothing left queued at " + id, () -> net.nodes[id].metrics().queued() == 0);
                NodeMetrics m = net.nodes[i].metrics();
                assertTrue(m.failure().isEmpty(), "node " + i + " failed: " + m.failure());
                assertTrue(m.round() >= 2, "node " + i + " delivered several leader batches, round " + m.round());
                assertEquals(0, m.mvbaIteration() + m.abbaRounds() + m.coinTosses(), "no agreement in LEADER order");
                for (NodeMetrics.PeerMetrics p : m.peers()) {
                    assertEquals(0, p.faultCount(), "honest peer " + p.peer() + " blamed at " + i);
                }
                assertFalse(recs[i].synced("decided 0"), "no Decided records in LEADER order");
            }
        }
        assertTrue(violations.isEmpty(), violations.size() + " violations, first: "
                + violations.subList(0, Math.min(5, violations.size())));
        assertTrue(batchesChecked.get() >= 6, "the checks ran: " + batchesChecked.get());
    }

    @Test
    void theSameRequestAtTwoFollowersIsDeliveredOnce() throws Exception {
        try (MemoryNetwork net = new MemoryNetwork()) {
            for (int i = 1; i <= MemoryNetwork.N; i++) {
                net.build(i, dir, LEADER);
            }
            net.start();
            byte[] r = "one request, two servers".getBytes(StandardCharsets.UTF_8);
            CompletableFuture<Long> a = net.nodes[2].submit(r);
            CompletableFuture<Long> b = net.nodes[3].submit(r);
            CompletableFuture<Long> c = net.nodes[4].submit("another".getBytes(StandardCharsets.UTF_8));
            CompletableFuture.allOf(a, b, c).get(30, TimeUnit.SECONDS);
            for (int i = 1; i <= MemoryNetwork.N; i++) {
                int id = i;
                MemoryNetwork.await("node " + id + " delivering 2", () -> net.deliveries.get(id).size() >= 2);
                assertEquals(2, net.deliveries.get(id).size(), "each request once at " + id);
                assertEquals(Bytes.of(r), Bytes.of(net.deliveries.get(id).get((int) a.get().longValue())));
            }
            assertEquals(a.get(), b.get(), "one seq for one request");
        }
    }

    @Test
    void forgedOrdersAreFaultsAndDeliverNothing() throws Exception {
        try (MemoryNetwork net = new MemoryNetwork()) {
            for (int i = 1; i <= MemoryNetwork.N; i++) {
                net.build(i, dir, LEADER);
            }
            net.start();
            Bytes forged = LeaderBatch.encode(List.of(Bytes.of("forged".getBytes(StandardCharsets.UTF_8))));
            byte[] sig = net.contexts.get(3).signer().sign(LeaderBatch.statement(LEADER.tag(), "order", 0, forged));
            // Follower 4 "orders" batch 0 at follower 2; and batch 0 "from server 1" with 4's signature.
            net.nodes[2].received(4, WireCodec.encode(LEADER.tag(), new AbcMessage.Batch(0, forged, Bytes.of(sig))));
            net.nodes[2].received(1, WireCodec.encode(LEADER.tag(), new AbcMessage.Batch(0, forged, Bytes.of(sig))));
            MemoryNetwork.await("node 2 blaming both", () -> net.nodes[2].metrics().peer(4)
                    .faults(FaultKind.UNEXPECTED) == 1 && net.nodes[2].metrics().peer(1).faults(FaultKind.INVALID_PROOF) == 1);
            NodeOrderTest.submitAndCheck(net, new int[] {1, 2, 3}, 5); // server 1's real batch 0 still counts
            assertEquals(15, net.deliveries.get(2).size(), "the forged batches delivered nothing");
        }
    }

    @Test
    void aLeaderNodeRefusesAJournalThatHoldsRecords() throws Exception {
        try (MemoryNetwork net = new MemoryNetwork()) {
            for (int i = 1; i <= MemoryNetwork.N; i++) {
                net.build(i, dir, LEADER);
            }
            net.start();
            NodeOrderTest.submitAndCheck(net, new int[] {1, 2}, 3);
        }
        try (Journal j = Journal.open(dir.resolve("n2"), FsyncPolicy.ALWAYS)) {
            assertFalse(j.recovered().isEmpty());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Node(
                    Contexts.mock(MemoryNetwork.N, MemoryNetwork.T).get(1), LEADER, j, (p, f) -> { }, (s, r, q) -> { }));
            assertTrue(e.getMessage().contains("empty journal"), e.getMessage());
        }
    }
}
