package org.sintraee.runtime.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proof segments: several per journal, pruning, rounds without proof, a crash's stale segment, legacy markers. */
class JournalProofSegmentsTest {
    @TempDir
    Path dir;

    private static byte[] proof(long round) {
        byte[] b = new byte[5000 + (int) round * 100];
        new Random(round).nextBytes(b);
        return b;
    }

    /**
     * Rounds {@code from .. to - 1}, round r delivering seq r with proof(r), a new segment after
     * every {@code interval}-th round (as the node rolls at checkpoints). Returns the locations by round.
     */
    private static List<Long> writeRounds(Journal j, int from, int to, int interval) throws IOException {
        List<Long> locations = new ArrayList<>();
        for (int r = from; r < to; r++) {
            j.appendDelivery(r, new byte[] {(byte) r});
            locations.add(j.appendDecided(r, r + 1, proof(r)));
            if ((r + 1) % interval == 0) {
                j.rollProofs();
            }
        }
        j.sync();
        return locations;
    }

    private static List<JournalRecord.Decided> markers(Journal j) throws IOException {
        return j.recovered().stream().filter(JournalRecord.Decided.class::isInstance)
                .map(JournalRecord.Decided.class::cast).toList();
    }

    @Test
    void proofsRoundTripAcrossReopenInSeveralSegments() throws IOException {
        List<Long> at;
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            at = writeRounds(j, 0, 10, 4);
        }
        assertEquals(List.of(0L, 4L, 8L), JournalFiles.segments(dir));
        assertEquals(0L, at.get(4), "a roll starts the next proof at the start of a new file");
        assertEquals(0L, at.get(8));
        assertTrue(Files.size(JournalFiles.file(dir)) < 10 * 100, "no proof bytes in the main file");
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            List<JournalRecord.Decided> markers = markers(j);
            assertEquals(10, markers.size());
            for (int r = 9; r >= 0; r--) {
                assertEquals(new JournalRecord.Decided(r, r + 1, at.get(r)), markers.get(r));
                assertArrayEquals(proof(r), j.readDecided(r, markers.get(r).offset()).orElseThrow(), "round " + r);
            }
        }
    }

    @Test
    void pruningDeletesExactlyTheSegmentsWhollyAtOrBelowTheRound() throws IOException {
        List<LogRecord> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger(Journal.class.getName()).addHandler(handler);
        List<Long> at;
        long tenth;
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            at = writeRounds(j, 0, 10, 4); // segments 0 (rounds 0..3), 4 (4..7), 8 (8.., being written)
            assertEquals(0, j.pruneProofs(2), "segment 0 holds round 3 too");
            assertEquals(List.of(0L, 4L, 8L), JournalFiles.segments(dir));
            assertEquals(1, j.pruneProofs(3));
            assertEquals(List.of(4L, 8L), JournalFiles.segments(dir));
            for (int r = 0; r < 10; r++) {
                assertEquals(r >= 4, j.readDecided(r, at.get(r)).isPresent(), "round " + r);
            }
            assertEquals(1, j.pruneProofs(Long.MAX_VALUE), "never the segment being written");
            assertEquals(List.of(8L), JournalFiles.segments(dir));
            j.rollProofs();
            assertEquals(0, j.pruneProofs(100), "the last segment's rounds are open-ended until a later one starts");
            j.appendDelivery(10, new byte[] {10});
            tenth = j.appendDecided(10, 11, proof(10));
            assertEquals(1, j.pruneProofs(9));
            assertEquals(List.of(10L), JournalFiles.segments(dir));
            j.sync();
        } finally {
            Logger.getLogger(Journal.class.getName()).removeHandler(handler);
        }
        List<LogRecord> infos = logged.stream().filter(r -> r.getLevel() == Level.INFO).toList();
        assertEquals(3, infos.size(), "one line per pruning that deleted something");
        assertEquals(1, infos.get(0).getParameters()[1]);
        assertEquals("3", infos.get(0).getParameters()[2], "through the last round of the deleted segment");
        // the markers and deliveries stay; pruned proofs read empty, across reopen too
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            List<JournalRecord.Decided> markers = markers(j);
            assertEquals(11, markers.size());
            for (int r = 0; r < 10; r++) {
                assertEquals(new JournalRecord.Decided(r, r + 1, at.get(r)), markers.get(r));
                assertTrue(j.readDecided(r, at.get(r)).isEmpty(), "round " + r);
            }
            assertArrayEquals(proof(10), j.readDecided(10, tenth).orElseThrow());
            List<DeliveryReader.Entry> d = j.deliveryReader().deliveries(0, 11, 100);
            assertEquals(11, d.size());
            for (int s = 0; s < 11; s++) {
                assertEquals(s, d.get(s).round(), "round of seq " + s);
            }
        }
    }

    @Test
    void aRoundWithoutProofReadsEmptyAndFollowsTheOrderRules() throws IOException {
        long first;
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            j.appendDelivery(0, new byte[] {0});
            j.appendDelivery(1, new byte[] {1});
            assertEquals(Journal.NO_PROOF, j.appendDecidedWithoutProof(0, 2));
            assertThrows(IllegalArgumentException.class, () -> j.appendDecidedWithoutProof(0, 2), "round repeats");
            assertThrows(IllegalArgumentException.class, () -> j.appendDecidedWithoutProof(1, 3), "seq not delivered");
            assertThrows(IllegalArgumentException.class, () -> j.appendDecidedWithoutProof(1, 1), "seq shrinks");
            assertTrue(j.readDecided(0, Journal.NO_PROOF).isEmpty());
            assertEquals(List.of(), JournalFiles.segments(dir), "no proof, no segment");
            first = j.appendDecided(1, 2, proof(1));
            assertThrows(IllegalArgumentException.class, () -> j.appendDecidedWithoutProof(1, 2));
            j.appendDecidedWithoutProof(2, 2);
            j.sync();
        }
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            assertEquals(List.of(new JournalRecord.Decided(0, 2, Journal.NO_PROOF), new JournalRecord.Decided(1, 2, first),
                    new JournalRecord.Decided(2, 2, Journal.NO_PROOF)), markers(j));
            assertTrue(j.readDecided(0, Journal.NO_PROOF).isEmpty());
            assertArrayEquals(proof(1), j.readDecided(1, first).orElseThrow());
            assertTrue(j.readDecided(2, Journal.NO_PROOF).isEmpty());
            assertThrows(IllegalArgumentException.class, () -> j.appendDecidedWithoutProof(2, 2), "order survives reopen");
        }
    }

    @Test
    void aProofWhoseMarkerACrashLostIsDroppedAndItsSegmentReused() throws IOException {
        long before;
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            writeRounds(j, 0, 2, 2); // segment 0, rolled after round 1
            j.appendDelivery(2, new byte[] {2});
            before = Files.size(JournalFiles.file(dir));
            j.appendDecided(2, 3, proof(2)); // starts segment 2
        }
        // the crash: round 2's proof reached the disk, its marker did not
        JournalFiles.truncate(JournalFiles.file(dir), before);
        assertEquals(List.of(0L, 2L), JournalFiles.segments(dir));
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            assertEquals(0, j.tailCut(), "the main file is whole, only the marker is missing");
            assertEquals(List.of(0L), JournalFiles.segments(dir), "a segment past the last marker holds no referenced proof");
            assertThrows(IllegalArgumentException.class, () -> j.appendDecided(1, 3, proof(1)));
            byte[] other = proof(20);
            long at = j.appendDecided(2, 3, other); // the round again, another proof
            assertEquals(0, at);
            assertEquals(JournalFormat.proofFrame(2, other).remaining(), Files.size(JournalFiles.segment(dir, 2)),
                    "only the new proof");
            assertArrayEquals(other, j.readDecided(2, at).orElseThrow());
            assertArrayEquals(proof(1), j.readDecided(1, markers(j).get(1).offset()).orElseThrow());
        }
        // a stale segment named past the next proof: left, it would shadow the rounds it names
        JournalFiles.append(JournalFiles.segment(dir, 5), JournalFormat.proofFrame(5, proof(99)));
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            assertEquals(List.of(0L, 2L), JournalFiles.segments(dir));
            List<Long> at = writeRounds(j, 3, 6, 100); // rounds 3..5 in segment 3
            assertArrayEquals(proof(5), j.readDecided(5, at.get(2)).orElseThrow());
            // a file of the new segment's name, appearing while open, is truncated by the next proof
            j.rollProofs();
            JournalFiles.append(JournalFiles.segment(dir, 6), JournalFormat.proofFrame(6, proof(98)));
            j.appendDelivery(6, new byte[] {6});
            long sixth = j.appendDecided(6, 7, proof(6));
            assertEquals(0, sixth);
            assertEquals(JournalFormat.proofFrame(6, proof(6)).remaining(), Files.size(JournalFiles.segment(dir, 6)));
            assertArrayEquals(proof(6), j.readDecided(6, sixth).orElseThrow());
        }
    }

    @Test
    void aLegacyJournalWithProofsInlineStillOpensAndReadsBack() throws IOException {
        Path file = JournalFiles.file(dir);
        Files.createDirectories(dir);
        JournalFiles.append(file, JournalFormat.frame(new JournalRecord.Delivery(0, new byte[] {0})));
        long m0 = Files.size(file);
        JournalFiles.append(file, JournalFormat.decidedFrame(0, 1, proof(0)));
        JournalFiles.append(file, JournalFormat.frame(new JournalRecord.Delivery(1, new byte[] {1})));
        long m1 = Files.size(file);
        JournalFiles.append(file, JournalFormat.decidedFrame(1, 2, proof(1)));
        long second;
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            assertEquals(List.of(new JournalRecord.Decided(0, 1, m0 | Journal.INLINE),
                    new JournalRecord.Decided(1, 2, m1 | Journal.INLINE)), markers(j));
            assertArrayEquals(proof(1), j.readDecided(1, m1 | Journal.INLINE).orElseThrow());
            assertArrayEquals(proof(0), j.readDecided(0, m0 | Journal.INLINE).orElseThrow());
            JournalCorruptException e = assertThrows(JournalCorruptException.class,
                    () -> j.readDecided(1, m0 | Journal.INLINE));
            assertTrue(e.getMessage().contains("of round 0, not 1"), e.getMessage());
            assertEquals(file, e.file());
            assertThrows(JournalCorruptException.class, () -> j.readDecided(0, Journal.INLINE), "a delivery is there");
            // new rounds put their proofs in segments
            j.appendDelivery(2, new byte[] {2});
            second = j.appendDecided(2, 3, proof(2));
            assertEquals(List.of(2L), JournalFiles.segments(dir));
            j.sync();
        }
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            List<JournalRecord.Decided> markers = markers(j);
            assertEquals(new JournalRecord.Decided(2, 3, second), markers.get(2));
            for (int r = 0; r < 3; r++) {
                assertArrayEquals(proof(r), j.readDecided(r, markers.get(r).offset()).orElseThrow(), "round " + r);
            }
            assertEquals(0, j.pruneProofs(1), "legacy proofs are in the main file: nothing to delete");
        }
    }

    @Test
    void filesThatAreNoSegmentsAreLeftAlone() throws IOException {
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            writeRounds(j, 0, 3, 100);
        }
        Path proofs = dir.resolve(ProofSegments.DIR);
        Files.writeString(proofs.resolve("notes.txt"), "an operator's file");
        Files.writeString(proofs.resolve("99999999999999999999.log"), "past Long.MAX_VALUE");
        Files.createDirectory(proofs.resolve(ProofSegments.name(1)));
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            List<JournalRecord.Decided> markers = markers(j);
            for (int r = 0; r < 3; r++) {
                assertArrayEquals(proof(r), j.readDecided(r, markers.get(r).offset()).orElseThrow(), "round " + r);
            }
        }
        assertTrue(Files.exists(proofs.resolve("notes.txt")));
        assertTrue(Files.exists(proofs.resolve("99999999999999999999.log")));
        assertTrue(Files.isDirectory(proofs.resolve(ProofSegments.name(1))));
    }
}
