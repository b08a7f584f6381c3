package org.sintraee.runtime.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sintraee.protocol.abc.AtomicBroadcast;
import org.sintraee.protocol.abc.RoundProof;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.runtime.journal.FsyncPolicy;
import org.sintraee.runtime.journal.Journal;
import org.sintraee.runtime.journal.JournalRecord;
import org.sintraee.runtime.wire.CatchUpMessage;
import org.sintraee.runtime.wire.WireCodec;

/** Restart on the journal, catch-up of a cut-off node, lying peers, and a crash inside a group commit. */
class NodeCatchUpTest {
    private static final NodeSettings SETTINGS = NodeOrderTest.SETTINGS;
    private static final int ROUNDS = AtomicBroadcast.ROUND_WINDOW + 6;

    @TempDir
    Path dir;

    private static MemoryNetwork started(Path dir) throws Exception {
        MemoryNetwork net = new MemoryNetwork();
        for (int i = 1; i <= MemoryNetwork.N; i++) {
            net.build(i, dir, SETTINGS);
        }
        net.start();
        return net;
    }

    /** {@code rounds} requests from node 1, one after the other (so about a round each), seen by {@code at}. */
    private static void drive(MemoryNetwork net, String label, int rounds, int... at) throws Exception {
        for (int k = 0; k < rounds; k++) {
            net.nodes[1].submit(NodeOrderTest.request(1, k + label.hashCode() * 1000)).get(30, TimeUnit.SECONDS);
        }
        int total = net.deliveries.get(1).size();
        for (int i : at) {
            MemoryNetwork.await("node " + i + " at " + total, () -> net.deliveries.get(i).size() >= total);
        }
    }

    /** Node i's whole sequence (as its current listener saw it) equals node 1's. */
    private static void sameSequence(MemoryNetwork net, int i) throws InterruptedException {
        MemoryNetwork.await("node " + i + " catching up with node 1",
                () -> net.deliveries.get(i).size() == net.deliveries.get(1).size());
        List<byte[]> ref = net.deliveries.get(1);
        List<byte[]> log = net.deliveries.get(i);
        for (int s = 0; s < ref.size(); s++) {
            assertArrayEquals(ref.get(s), log.get(s), "node " + i + " seq " + s);
        }
        // the loop publishes its gauges after it handed the group's deliveries to the listener
        MemoryNetwork.await("node " + i + "'s delivered gauge", () -> net.nodes[i].metrics().delivered() >= ref.size());
        assertEquals(ref.size(), net.nodes[i].metrics().delivered());
    }

    /** A request submitted at node i is delivered everywhere, at one seq. */
    private static void participates(MemoryNetwork net, int i) throws Exception {
        byte[] r = NodeOrderTest.request(i, 999_999);
        long seq = net.nodes[i].submit(r).get(30, TimeUnit.SECONDS);
        for (int k = 1; k <= MemoryNetwork.N; k++) {
            int id = k;
            MemoryNetwork.await("node " + k + " delivering seq " + seq, () -> net.deliveries.get(id).size() > seq);
            assertArrayEquals(r, net.deliveries.get(k).get((int) seq));
        }
    }

    private static void noFault(MemoryNetwork net, FaultKind kind, int... against) {
        for (int i = 1; i <= MemoryNetwork.N; i++) {
            for (int p : against) {
                if (p != i) {
                    assertEquals(0, net.nodes[i].metrics().peer(p).faults(kind), kind + " against " + p + " at " + i);
                }
            }
        }
    }

    @Test
    void aRestartedNodeCatchesUpOnItsJournalAndSpeaksAgain() throws Exception {
        try (MemoryNetwork net = started(dir)) {
            drive(net, "before", 3, 1, 2, 3, 4);
            net.stop(4);
            drive(net, "while down", ROUNDS, 1, 2, 3);
            long behind = net.nodes[1].metrics().round();
            net.restart(4, dir, SETTINGS);
            sameSequence(net, 4); // replayed from its journal, the missed rounds fetched (the others are idle)
            assertTrue(net.nodes[4].metrics().round() >= behind, "round " + net.nodes[4].metrics().round());
            participates(net, 4);
            drive(net, "after", 3, 1, 2, 3, 4);
            sameSequence(net, 4);
            noFault(net, FaultKind.EQUIVOCATION, 1, 2, 3, 4);
            noFault(net, FaultKind.INVALID_PROOF, 1, 2, 3, 4);
        }
    }

    @Test
    void aCutOffNodeCatchesUpWithoutARestart() throws Exception {
        try (MemoryNetwork net = started(dir)) {
            drive(net, "before", 2, 1, 2, 3, 4);
            net.cut(4, true);
            drive(net, "cut", ROUNDS, 1, 2, 3);
            assertTrue(net.nodes[4].metrics().round() + AtomicBroadcast.ROUND_WINDOW < net.nodes[1].metrics().round());
            net.cut(4, false);
            drive(net, "back", 2, 1, 2, 3);
            sameSequence(net, 4);
            participates(net, 4);
            noFault(net, FaultKind.INVALID_PROOF, 1, 2, 3);
        }
    }

    @Test
    void aLyingPeerIsBlamedAndAnHonestOneServesTheRounds() throws Exception {
        try (MemoryNetwork net = started(dir)) {
            AtomicInteger lies = new AtomicInteger();
            net.transform(2, frame -> tamper(frame, lies));
            // honest answers are lost until the liar was caught: so its proofs are surely checked
            java.util.function.BooleanSupplier caught = () -> net.nodes[4] != null
                    && net.nodes[4].metrics().peer(2).faults(FaultKind.INVALID_PROOF) > 0;
            net.transform(1, frame -> isProof(frame) && !caught.getAsBoolean() ? null : frame);
            net.transform(3, frame -> isProof(frame) && !caught.getAsBoolean() ? null : frame);
            drive(net, "before", 2, 1, 2, 3, 4);
            net.cut(4, true);
            drive(net, "cut", ROUNDS, 1, 2, 3);
            net.cut(4, false);
            drive(net, "back", 2, 1, 2, 3);
            MemoryNetwork.await("the liar blamed", caught);
            sameSequence(net, 4);
            assertTrue(lies.get() > 0);
            noFault(net, FaultKind.INVALID_PROOF, 1, 3);
        }
    }

    private static boolean isProof(byte[] frame) {
        Decoded<WireCodec.Frame> f = WireCodec.decode(frame);
        return f.ok() && f.get().message() instanceof CatchUpMessage.Proof;
    }

    /** Proofs get a changed value or a broken certificate signature, alternately; the rest passes. */
    private static byte[] tamper(byte[] frame, AtomicInteger lies) {
        WireCodec.Frame f = WireCodec.decode(frame).get();
        if (!(f.message() instanceof CatchUpMessage.Proof p)) {
            return frame;
        }
        RoundProof rp = RoundProof.decode(p.proof().toArray(), MemoryNetwork.N, 1 << 24).get();
        byte[] value = rp.value().toArray();
        byte[] cert = rp.certificate().toArray();
        if (lies.getAndIncrement() % 2 == 0) {
            value[value.length - 1] ^= 1; // a request byte of the vector
        } else {
            cert[cert.length - 1] ^= 1; // the last signature of the certificate
        }
        RoundProof bad = new RoundProof(rp.round(), Bytes.of(value), rp.candidate(), rp.iteration(), rp.abaRound(),
                Bytes.of(cert), rp.proof());
        return WireCodec.encode(f.tag(), new CatchUpMessage.Proof(p.round(), Bytes.of(bad.encode())));
    }

    /**
     * Where the main file's last Decided marker starts: walks the frames (length | CRC | type |
     * body, see journal/package-info); 5 is the marker type with the proof in a segment.
     */
    private static long lastMarkerOffset(Path file) throws IOException {
        java.nio.ByteBuffer all = java.nio.ByteBuffer.wrap(java.nio.file.Files.readAllBytes(file));
        long last = -1;
        for (int at = 0; at + 9 <= all.limit(); at += 8 + all.getInt(at)) {
            if (all.get(at + 8) == 5) {
                last = at;
            }
        }
        assertTrue(last >= 0, "a Decided marker in " + file);
        return last;
    }

    @Test
    void aCrashInsideAGroupCommitRecoversTheSameSequenceWithoutDuplicates() throws Exception {
        try (MemoryNetwork net = started(dir)) {
            drive(net, "before", 4, 1, 2, 3, 4);
            net.stop(4);
            // the crash: the last group's Decided marker never reached the disk, its deliveries did
            Path n4 = dir.resolve("n4");
            long cutAt;
            long tail;
            try (Journal j = Journal.open(n4, FsyncPolicy.ALWAYS)) {
                List<JournalRecord> rs = j.recovered();
                cutAt = lastMarkerOffset(n4.resolve(Journal.FILE_NAME));
                tail = rs.stream().filter(r -> r instanceof JournalRecord.Delivery).count();
            }
            try (FileChannel c = FileChannel.open(n4.resolve(Journal.FILE_NAME), StandardOpenOption.WRITE)) {
                c.truncate(cutAt);
            }
            try (Journal j = Journal.open(n4, FsyncPolicy.ALWAYS)) {
                List<JournalRecord> rs = j.recovered();
                long next = rs.stream().filter(r -> r instanceof JournalRecord.Decided)
                        .mapToLong(r -> ((JournalRecord.Decided) r).nextSeqAfter()).max().orElse(0);
                assertEquals(tail, rs.stream().filter(r -> r instanceof JournalRecord.Delivery).count());
                assertTrue(next < tail, "deliveries past the last marker: " + next + " < " + tail);
            }
            net.restart(4, dir, SETTINGS);
            sameSequence(net, 4); // the listener asserts consecutive seqs: nothing twice
            MemoryNetwork.await("the cut round re-derived", () -> net.nodes[4].metrics().round()
                    >= net.nodes[1].metrics().round());
            participates(net, 4);
            sameSequence(net, 4);
            assertTrue(net.nodes[4].metrics().failure().isEmpty(), "re-derived deliveries match the journal");
            noFault(net, FaultKind.EQUIVOCATION, 1, 2, 3, 4);
        }
    }
}
