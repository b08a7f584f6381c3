package org.sintraee.runtime.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sintraee.api.CheckpointCertificate;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.shoup.ShoupDealer;
import org.sintraee.protocol.crypto.shoup.ShoupKeySet;
import org.sintraee.runtime.journal.FsyncPolicy;
import org.sintraee.runtime.journal.Journal;
import org.sintraee.runtime.journal.JournalRecord;
import org.sintraee.runtime.wire.CatchUpMessage;
import org.sintraee.runtime.wire.WireCodec;

/**
 * Proofs pruned at certified checkpoints (every second round here), on four in-memory nodes:
 * the servers drop old proofs, and a server cut off meanwhile still catches up to the
 * identical sequence, taking the pruned rounds as their deliveries under the checkpoint, and
 * goes on after a restart on that journal; a peer that tampers with such rounds changes
 * nothing for it.
 */
class NodePruneTest {
    private static final NodeSettings SETTINGS = NodeOrderTest.SETTINGS.withCheckpointInterval(2);
    private static ShoupKeySet keys;

    @TempDir
    Path dir;

    @BeforeAll
    static void deal() {
        keys = ShoupDealer.dealInsecureForTests(MemoryNetwork.N, MemoryNetwork.T + 1, 512, new SeededRandom(91));
    }

    private MemoryNetwork start() throws Exception {
        return MemoryNetwork.certifying(keys, dir, SETTINGS);
    }

    /** Cuts server 4 off while the others decide and prune many rounds; returns the newest checkpoint at 1. */
    private static CheckpointCertificate runWithoutServer4(MemoryNetwork net) throws Exception {
        net.cut(4, true);
        net.start();
        // more rounds than a broadcast keeps proofs of in memory (16), so that old ones come from the journal
        net.submitInTurn("entry", 0, 40, 1, 2, 3);
        for (int i = 1; i <= 3; i++) {
            int at = i;
            MemoryNetwork.await("a checkpoint past round 28 at " + at, () -> net.nodes[at].metrics().checkpoint()
                    .map(c -> c.round() >= 29).orElse(false));
        }
        MemoryNetwork.await("round 0's proof pruned at server 1", () -> pruned(net.journals[1], 0));
        return net.nodes[1].metrics().checkpoint().orElseThrow();
    }

    /** Whether round r's proof is gone: a round's proof frame starts its segment's file at location 0 or later. */
    private static boolean pruned(Journal journal, long r) {
        try {
            return journal.readDecided(r, 0).isEmpty();
        } catch (java.io.IOException e) {
            return false; // location 0 is not round r's frame: the segment still holds it
        }
    }

    /** Lets server 4 back in, with new requests so that it sees it is behind, and waits until it has all. */
    private static void catchUp(MemoryNetwork net) throws Exception {
        net.cut(4, false);
        net.submitInTurn("entry", 100, 2, 1);
        MemoryNetwork.await("server 4 caught up", () -> net.deliveries.get(4).size() >= net.deliveries.get(1).size());
        List<byte[]> at1 = new ArrayList<>(net.deliveries.get(1));
        List<byte[]> at4 = new ArrayList<>(net.deliveries.get(4));
        for (int s = 0; s < at1.size(); s++) {
            assertArrayEquals(at1.get(s), at4.get(s), "seq " + s);
        }
    }

    /** Rounds a journal holds without a proof: those its server took from checkpoints. */
    private static long roundsWithoutProof(Journal journal) throws Exception {
        return journal.recovered().stream().filter(r -> r instanceof JournalRecord.Decided d && d.offset() < 0).count();
    }

    @Test
    void aServerBehindThePrunedRoundsTakesThemUnderTheirCheckpoints() throws Exception {
        try (MemoryNetwork net = start()) {
            CheckpointCertificate c = runWithoutServer4(net);
            assertTrue(c.nextSeq() >= 30, c.toString());
            catchUp(net);
            for (int i = 1; i <= MemoryNetwork.N; i++) {
                for (int j = 1; j <= MemoryNetwork.N; j++) {
                    if (i != j) {
                        assertEquals(0, net.nodes[i].metrics().peer(j).faultCount(), "honest " + j + " blamed at " + i);
                    }
                }
            }
            net.stop(4);
            try (Journal j = Journal.open(dir.resolve("n4"), FsyncPolicy.ALWAYS)) {
                assertTrue(roundsWithoutProof(j) > 0, "server 4 took pruned rounds from checkpoints");
            }
            // restarted on that journal, it goes on with the others, and certifies with them again
            net.restart(4, dir, SETTINGS);
            net.submitInTurn("entry", 200, 6, 4, 2);
            long next = c.round() + 4;
            MemoryNetwork.await("a new checkpoint at server 4", () -> net.nodes[4].metrics().checkpoint()
                    .map(k -> k.round() >= next).orElse(false));
        }
    }

    @Test
    void aPeerTamperingWithCheckpointedRoundsIsCaughtAndAnotherServes() throws Exception {
        try (MemoryNetwork net = start()) {
            net.transform(1, frame -> {
                var d = WireCodec.decode(frame);
                if (d.ok() && d.get().message() instanceof CatchUpMessage.Checkpointed m) {
                    Decoded<CheckpointedRound> c = CheckpointedRound.decode(m.state().toArray(), 1 << 16, 1 << 16);
                    List<Bytes> requests = new ArrayList<>(c.get().requests());
                    if (!requests.isEmpty()) {
                        requests.set(0, Bytes.of("forged".getBytes(StandardCharsets.UTF_8)));
                    }
                    CheckpointedRound lie = new CheckpointedRound(m.round(), c.get().certificate(), c.get().path(),
                            requests);
                    return WireCodec.encode(d.get().tag(), new CatchUpMessage.Checkpointed(m.round(),
                            Bytes.of(lie.encode())));
                }
                return frame;
            });
            runWithoutServer4(net);
            catchUp(net); // the identical sequence, whichever answers came first (the check itself: CheckpointsTest)
            assertEquals(0, net.nodes[4].metrics().peer(2).faultCount() + net.nodes[4].metrics().peer(3).faultCount());
        }
    }
}
