package org.sintraee.runtime.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sintraee.protocol.abc.AbcMessage;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.runtime.wire.WireCodec;

/** Four nodes in memory: one total order, durability before sending, and faulty peers. */
class NodeOrderTest {
    static final NodeSettings SETTINGS = new NodeSettings(Tag.of("abc"), 16, 2048, 256, 512, 64, 1 << 20, 64);

    @TempDir
    Path dir;

    static byte[] request(int node, int k) {
        return ("request " + k + " at node " + node + " " + "x".repeat(100)).getBytes(StandardCharsets.UTF_8);
    }

    /** Submits {@code perNode} requests at each node of {@code at} and checks each future's seq against its node's log. */
    static void submitAndCheck(MemoryNetwork net, int[] at, int perNode) throws Exception {
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        List<byte[]> requests = new ArrayList<>();
        List<Integer> origins = new ArrayList<>();
        for (int k = 0; k < perNode; k++) {
            for (int i : at) {
                byte[] r = request(i, k);
                futures.add(net.nodes[i].submit(r));
                requests.add(r);
                origins.add(i);
            }
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        int total = perNode * at.length;
        for (int i : at) {
            MemoryNetwork.await("node " + i + " delivering " + total, () -> net.deliveries.get(i).size() >= total);
        }
        for (int k = 0; k < futures.size(); k++) {
            long seq = futures.get(k).get();
            assertArrayEquals(requests.get(k), net.deliveries.get(origins.get(k)).get((int) seq),
                    "the future's seq is where its node delivered the request");
        }
        List<byte[]> reference = net.deliveries.get(at[0]);
        assertEquals(total, reference.size(), "exactly the submitted requests, each once");
        for (int i : at) {
            List<byte[]> log = net.deliveries.get(i);
            assertEquals(reference.size(), log.size());
            for (int s = 0; s < log.size(); s++) {
                assertArrayEquals(reference.get(s), log.get(s), "node " + i + " seq " + s);
            }
        }
    }

    @Test
    void fourNodesDeliverOneOrderAndFuturesCarryTheirSeq() throws Exception {
        try (MemoryNetwork net = new MemoryNetwork()) {
            for (int i = 1; i <= MemoryNetwork.N; i++) {
                net.build(i, dir, SETTINGS);
            }
            net.start();
            submitAndCheck(net, new int[] {1, 2, 3, 4}, 20);
            NodeMetrics m = net.nodes[2].metrics();
            assertEquals(80, m.delivered());
            assertTrue(m.round() >= 1, "rounds advanced");
            assertTrue(m.syncs() > 0 && m.meanRecordsPerSync() >= 1.0);
            assertTrue(m.failure().isEmpty());
            for (NodeMetrics.PeerMetrics p : m.peers()) {
                assertTrue(p.bytesIn() > 0 && p.bytesOut() > 0, "traffic with " + p.peer());
                assertEquals(0, p.faultCount(), "honest peers commit no faults");
            }
        }
    }

    @Test
    void noFrameOrDeliveryBeforeTheSyncThatCoversItsStep() throws Exception {
        List<String> violations = new CopyOnWriteArrayList<>();
        AtomicLong batchesChecked = new AtomicLong();
        AtomicLong sendsChecked = new AtomicLong();
        try (MemoryNetwork net = new MemoryNetwork()) {
            for (int i = 1; i <= MemoryNetwork.N; i++) {
                RecordingDurability[] rec = new RecordingDurability[1];
                int id = i;
                Outbox check = (peer, frame) -> {
                    sendsChecked.incrementAndGet();
                    if (!rec[0].allSynced()) {
                        violations.add("node " + id + " sent with unsynced records");
                    }
                    Decoded<WireCodec.Frame> f = WireCodec.decode(frame);
                    if (f.ok() && f.get().message() instanceof AbcMessage.Batch b) {
                        batchesChecked.incrementAndGet();
                        if (!rec[0].synced(f.get().tag() + " batch/" + b.round())) {
                            violations.add("node " + id + " sent BATCH(" + b.round() + ") before its record was durable");
                        }
                    }
                };
                DeliveryListener deliveryCheck = (seq, round, request) -> {
                    if (rec[0].syncedDeliveries() <= seq) {
                        violations.add("node " + id + " handed out seq " + seq + " before it was durable");
                    }
                };
                net.build(i, dir, SETTINGS, d -> rec[0] = new RecordingDurability(d), check, deliveryCheck);
            }
            net.start();
            submitAndCheck(net, new int[] {1, 2, 3, 4}, 10);
        }
        assertTrue(violations.isEmpty(), violations.size() + " violations, first: "
                + violations.subList(0, Math.min(5, violations.size())));
        assertTrue(batchesChecked.get() >= 4 && sendsChecked.get() > 100, "the checks ran");
    }

    enum Misbehaviour { SILENT, GARBAGE }

    @ParameterizedTest
    @EnumSource(Misbehaviour.class)
    void threeHonestNodesAgreeDespiteAFaultyOne(Misbehaviour kind) throws Exception {
        try (MemoryNetwork net = new MemoryNetwork()) {
            for (int i = 1; i <= MemoryNetwork.N; i++) {
                net.build(i, dir, SETTINGS);
            }
            if (kind == Misbehaviour.SILENT) {
                net.transform(4, frame -> null);
            } else {
                net.transform(4, new Garbler());
            }
            net.start();
            submitAndCheck(net, new int[] {1, 2, 3}, 15);
            for (int i = 1; i <= 3; i++) {
                NodeMetrics m = net.nodes[i].metrics();
                for (int p = 1; p <= 3; p++) {
                    if (p != i) {
                        assertEquals(0, m.peer(p).faultCount(), "no faults blamed on honest " + p);
                    }
                }
                if (kind == Misbehaviour.GARBAGE) {
                    int id = i;
                    MemoryNetwork.await("faults of 4 counted at " + id, () -> {
                        NodeMetrics.PeerMetrics four = net.nodes[id].metrics().peer(4);
                        return four.faults(FaultKind.MALFORMED) > 0 && four.faults(FaultKind.UNEXPECTED) > 0;
                    });
                } else {
                    assertEquals(0, m.peer(4).bytesIn(), "nothing arrived from the silent node");
                }
            }
        }
    }

    /** Turns each frame into one of: random bytes, the message under a foreign tag, or the wrong type for the tag. */
    static final class Garbler implements java.util.function.UnaryOperator<byte[]> {
        private final Random random = new Random(7);

        @Override
        public synchronized byte[] apply(byte[] frame) {
            WireCodec.Frame f = WireCodec.decode(frame).get();
            switch (random.nextInt(3)) { // random, not rotating: broadcasts visit peers in a fixed order
                case 0:
                    byte[] junk = new byte[1 + random.nextInt(frame.length)];
                    random.nextBytes(junk);
                    return junk;
                case 1:
                    return WireCodec.encode(Tag.of("other"), f.message());
                default:
                    if (f.message() instanceof AbcMessage.MvbaPart p) {
                        return WireCodec.encode(f.tag(), p.message()); // an agreement message where ABC ones go
                    }
                    return WireCodec.encode(f.tag().child("x"), f.message());
            }
        }
    }
}
