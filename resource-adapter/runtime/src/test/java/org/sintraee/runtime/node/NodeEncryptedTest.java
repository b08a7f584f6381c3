package org.sintraee.runtime.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.crypto.Ciphertext;
import org.sintraee.protocol.crypto.DecryptionKey;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.Share;
import org.sintraee.protocol.crypto.ec.DlogSharing;
import org.sintraee.protocol.crypto.ec.Tdh2;
import org.sintraee.protocol.crypto.ec.Tdh2Key;
import org.sintraee.protocol.crypto.mock.InsecureMockDecryption;
import org.sintraee.protocol.scabc.ScabcClient;
import org.sintraee.protocol.scabc.ScabcMessage;
import org.sintraee.runtime.journal.OpenedRecords;
import org.sintraee.runtime.wire.WireCodec;

/**
 * Secure causal atomic broadcast on four in-memory nodes: encrypted and plain requests share
 * one total order and every node delivers the plaintexts at the same seqs; no share leaves
 * before its position is ordered; a node restarted between ordering and opening still opens
 * (peers answer its late share); lying shares and a Byzantine proposer's junk change nothing.
 */
class NodeEncryptedTest {
    private static final NodeSettings SETTINGS = NodeOrderTest.SETTINGS;

    @TempDir
    Path dir;

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static MemoryNetwork withMockKeys() {
        MemoryNetwork net = new MemoryNetwork();
        InsecureMockDecryption m = new InsecureMockDecryption(MemoryNetwork.N, MemoryNetwork.T + 1);
        net.encryption = m;
        net.decryptionKeys = m.keys();
        return net;
    }

    private static ScabcMessage.DecShare share(byte[] frame) {
        var d = WireCodec.decode(frame);
        return d.ok() && d.get().message() instanceof ScabcMessage.DecShare s ? s : null;
    }

    /** Every node's listener saw the same {@code total} requests. */
    private static void sameEverywhere(MemoryNetwork net, int total) throws InterruptedException {
        for (int i = 1; i <= MemoryNetwork.N; i++) {
            int id = i;
            MemoryNetwork.await("node " + i + " delivering " + total, () -> net.deliveries.get(id).size() >= total);
        }
        for (int i = 2; i <= MemoryNetwork.N; i++) {
            for (int s = 0; s < total; s++) {
                assertArrayEquals(net.deliveries.get(1).get(s), net.deliveries.get(i).get(s), "node " + i + " seq " + s);
            }
        }
    }

    @Test
    void encryptedAndPlainRequestsDeliverTheSamePlaintextsInOrderAndSharesFollowTheOrder() throws Exception {
        DlogSharing dealing = DlogSharing.deal(MemoryNetwork.N, MemoryNetwork.T + 1, new SeededRandom(77));
        Tdh2 scheme = Tdh2.of(dealing);
        List<DecryptionKey> keys = new ArrayList<>();
        for (int i = 1; i <= MemoryNetwork.N; i++) {
            keys.add(Tdh2Key.of(scheme, dealing, i));
        }
        AtomicLong[] ordered = new AtomicLong[MemoryNetwork.N + 1];
        List<String> early = new CopyOnWriteArrayList<>();
        Map<Integer, Integer> sharesSent = new ConcurrentHashMap<>();
        List<byte[]> secrets = new CopyOnWriteArrayList<>(); // read by the node loops while the test adds
        try (MemoryNetwork net = new MemoryNetwork()) {
            net.encryption = scheme;
            net.decryptionKeys = keys;
            for (int i = 1; i <= MemoryNetwork.N; i++) {
                int id = i;
                ordered[i] = new AtomicLong(-1);
                net.build(i, dir, SETTINGS, d -> new OrderWatch(d, ordered[id]), (peer, frame) -> {
                    ScabcMessage.DecShare s = share(frame);
                    if (s != null) {
                        sharesSent.merge(id, 1, Integer::sum);
                        if (s.seq() > ordered[id].get()) {
                            early.add("node " + id + " sent its share of seq " + s.seq() + " before ordering it");
                        }
                    }
                    for (byte[] secret : secrets) {
                        if (contains(frame, secret)) {
                            early.add("node " + id + " sent a frame holding a plaintext");
                        }
                    }
                }, (seq, round, request) -> { });
            }
            net.start();
            List<CompletableFuture<Long>> encrypted = new ArrayList<>();
            List<CompletableFuture<Long>> plain = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                byte[] secret = text("sealed bid " + k + " from node " + (1 + k % 4));
                secrets.add(secret);
                encrypted.add(net.nodes[1 + k % 4].submitEncrypted(secret));
                plain.add(net.nodes[1 + (k + 1) % 4].submit(NodeOrderTest.request(1 + (k + 1) % 4, k)));
            }
            int total = 16;
            for (int k = 0; k < 8; k++) {
                long seq = encrypted.get(k).get(60, TimeUnit.SECONDS);
                long p = plain.get(k).get(60, TimeUnit.SECONDS);
                sameEverywhere(net, (int) Math.max(seq, p) + 1);
                for (int i = 1; i <= MemoryNetwork.N; i++) {
                    assertArrayEquals(secrets.get(k), net.deliveries.get(i).get((int) seq), "node " + i + " seq " + seq);
                    assertArrayEquals(NodeOrderTest.request(1 + (k + 1) % 4, k), net.deliveries.get(i).get((int) p));
                }
            }
            sameEverywhere(net, total);
            assertEquals(List.of(), early);
            for (int i = 1; i <= MemoryNetwork.N; i++) {
                assertTrue(sharesSent.getOrDefault(i, 0) >= 8, "node " + i + " shared every encrypted request");
                for (int p = 1; p <= MemoryNetwork.N; p++) {
                    if (p != i) {
                        assertEquals(0, net.nodes[i].metrics().peer(p).faultCount(), "honest " + p + " blamed at " + i);
                    }
                }
            }
        }
    }

    /** Remembers the last seq appended as delivered (ordered), on the loop thread, before anything is sent. */
    private static final class OrderWatch extends ForwardingDurability {
        private final AtomicLong last;

        OrderWatch(Durability inner, AtomicLong last) {
            super(inner);
            this.last = last;
        }

        @Override
        public void appendDelivery(long seq, byte[] request) throws java.io.IOException {
            inner.appendDelivery(seq, request);
            last.set(seq);
        }
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void aNodeRestartedBetweenOrderAndOpeningStillOpensWithTheSharesPeersSendAgain() throws Exception {
        try (MemoryNetwork net = withMockKeys()) {
            for (int i = 1; i <= MemoryNetwork.N; i++) {
                net.build(i, dir, SETTINGS);
            }
            net.dropInbound(4, f -> share(f) != null); // node 4 orders, but never receives a share
            net.start();
            long before = net.nodes[1].submit(NodeOrderTest.request(1, 1)).get(30, TimeUnit.SECONDS);
            byte[] secret = text("opened after a restart");
            long seq = net.nodes[2].submitEncrypted(secret).get(30, TimeUnit.SECONDS);
            long after = net.nodes[3].submit(NodeOrderTest.request(3, 2)).get(30, TimeUnit.SECONDS);
            assertTrue(before < seq && seq < after);
            MemoryNetwork.await("node 4 ordering seq " + after, () -> net.nodes[4].metrics().delivered() > after);
            assertEquals(seq, net.deliveries.get(4).size(), "node 4 holds the encrypted seq and the plain one after it");
            net.stop(4);
            net.dropInbound(4, null);
            net.restart(4, dir, SETTINGS);
            sameEverywhere(net, (int) after + 1);
            assertArrayEquals(secret, net.deliveries.get(4).get((int) seq));
            // a second restart replays the opened plaintext from the journal, without shares
            net.stop(4);
            net.dropInbound(4, f -> share(f) != null);
            net.restart(4, dir, SETTINGS);
            MemoryNetwork.await("node 4 replaying", () -> net.deliveries.get(4).size() > after);
            assertArrayEquals(secret, net.deliveries.get(4).get((int) seq));
            long next = net.nodes[4].submit(NodeOrderTest.request(4, 3)).get(30, TimeUnit.SECONDS);
            sameEverywhere(net, (int) next + 1);
        }
    }

    @Test
    void lyingSharesAndAByzantineProposersJunkChangeNothing() throws Exception {
        try (MemoryNetwork net = withMockKeys()) {
            for (int i = 1; i <= MemoryNetwork.N; i++) {
                net.build(i, dir, SETTINGS);
            }
            net.transform(4, frame -> {
                var d = WireCodec.decode(frame);
                if (d.ok() && d.get().message() instanceof ScabcMessage.DecShare s) {
                    byte[] bad = s.share().data();
                    bad[bad.length - 1] ^= 1; // well-formed, but the proof fails
                    return WireCodec.encode(d.get().tag(), new ScabcMessage.DecShare(s.seq(), new Share(4, bad)));
                }
                return frame;
            });
            // Node 1 opens a position as soon as one valid share joins its own (t + 1 = 2); a share
            // arriving after that is answered, not judged. Hold the honest peers' shares to node 1
            // back a little, so node 4's bad one comes first and node 1 must judge it.
            net.dropInbound(1, frame -> {
                ScabcMessage.DecShare s = share(frame);
                if (s != null && s.share().index() != 4) {
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return false;
            });
            net.start();
            byte[] junk = OpenedRecords.wrap(text("not a ciphertext"));
            ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> net.nodes[1].submit(junk).get(30, TimeUnit.SECONDS));
            assertInstanceOf(IllegalArgumentException.class, refused.getCause(), "admission refuses it locally");
            Ciphertext other = ScabcClient.encrypt(net.encryption, Decryption.tagOf(SETTINGS.tag()), "mallory", 1,
                    text("relabelled"), new java.security.SecureRandom());
            byte[] relabelled = OpenedRecords.wrap(new Ciphertext(ScabcClient.label(Decryption.tagOf(SETTINGS.tag()),
                    "mallory", 2), other.body()).encode());
            long junkSeq = net.nodes[4].enqueue(junk).get(30, TimeUnit.SECONDS); // past admission: Byzantine
            long relabelledSeq = net.nodes[4].enqueue(relabelled).get(30, TimeUnit.SECONDS);
            List<Long> seqs = new ArrayList<>();
            for (int k = 0; k < 6; k++) {
                seqs.add(net.nodes[1 + k % 3].submitEncrypted(text("secret " + k)).get(30, TimeUnit.SECONDS));
            }
            sameEverywhere(net, (int) seqs.get(5).longValue() + 1);
            for (int i = 1; i <= MemoryNetwork.N; i++) {
                assertEquals(0, net.deliveries.get(i).get((int) junkSeq).length, "junk is shown empty at " + i);
                assertEquals(0, net.deliveries.get(i).get((int) relabelledSeq).length, "relabelled: empty at " + i);
                for (int k = 0; k < 6; k++) {
                    assertArrayEquals(text("secret " + k), net.deliveries.get(i).get((int) seqs.get(k).longValue()));
                }
            }
            MemoryNetwork.await("node 4's bad shares judged at node 1",
                    () -> net.nodes[1].metrics().peer(4).faults(FaultKind.INVALID_PROOF) > 0);
            for (int i = 1; i <= 3; i++) {
                for (int j = 1; j <= 3; j++) {
                    if (j != i) {
                        assertEquals(0, net.nodes[i].metrics().peer(j).faults(FaultKind.INVALID_PROOF),
                                "server " + j + " is honest, yet blamed at " + i);
                    }
                }
            }
        }
    }
}
