package org.sintraee.runtime.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decided markers: round trip without their proofs in memory, random reads of the proofs from
 * their segment, damage to a proof (found on read, never at open), and torn tails of both files.
 */
class JournalDecidedTest {
    /** Bytes of a type-5 marker frame: header, type, three longs. */
    private static final int MARKER = JournalFormat.decidedAtFrame(0, 0, 0).remaining();

    @TempDir
    Path dir;

    private static byte[] proof(int seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Deliveries 0..2, Decided(0, 3), delivery 3, Decided(1, 4), Decided(2, 4): the locations of the three proofs. */
    private long[] writeThree(Journal j) throws IOException {
        for (int s = 0; s < 3; s++) {
            j.appendDelivery(s, new byte[] {(byte) s});
        }
        long a = j.appendDecided(0, 3, proof(1, 1000));
        j.appendDelivery(3, new byte[] {3});
        long b = j.appendDecided(1, 4, proof(2, 70_000)); // larger than the scanner's window
        long c = j.appendDecided(2, 4, proof(3, 0)); // a round that delivered nothing new
        j.sync();
        return new long[] {a, b, c};
    }

    @Test
    void decidedMarkersRoundTripWithLocationsAndReadBackTheirProofs() throws IOException {
        long[] at;
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            at = writeThree(j);
            assertArrayEquals(proof(2, 70_000), j.readDecided(1, at[1]).orElseThrow(), "readable before close");
        }
        assertEquals(List.of(0L), JournalFiles.segments(dir), "one segment, named by its first round");
        assertEquals(0, at[0], "the first proof opens its segment");
        assertTrue(Files.size(JournalFiles.file(dir)) < 1000, "the main file holds markers, not proofs");
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            List<JournalRecord> r = j.recovered();
            assertEquals(new JournalRecord.Decided(0, 3, at[0]), r.get(3));
            assertEquals(new JournalRecord.Decided(1, 4, at[1]), r.get(5));
            assertEquals(new JournalRecord.Decided(2, 4, at[2]), r.get(6));
            // random reads, in any order
            assertArrayEquals(proof(3, 0), j.readDecided(2, at[2]).orElseThrow());
            assertArrayEquals(proof(1, 1000), j.readDecided(0, at[0]).orElseThrow());
            assertArrayEquals(proof(2, 70_000), j.readDecided(1, at[1]).orElseThrow());
            // another round's proof, no frame at all, past the end, no location
            Path segment = JournalFiles.segment(dir, 0);
            JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> j.readDecided(1, at[0]));
            assertTrue(e.getMessage().contains("the proof of round 0, not 1"), e.getMessage());
            assertEquals(segment, e.file());
            assertThrows(JournalCorruptException.class, () -> j.readDecided(0, at[0] + 1));
            assertThrows(JournalCorruptException.class, () -> j.readDecided(2, Files.size(segment)));
            assertThrows(IllegalArgumentException.class, () -> j.readDecided(0, -2));
            // appends continue the order, and a refused one writes nothing
            assertThrows(IllegalArgumentException.class, () -> j.appendDecided(2, 4, new byte[0]), "round repeats");
            assertThrows(IllegalArgumentException.class, () -> j.appendDecided(3, 5, new byte[0]), "seq not delivered");
            assertThrows(IllegalArgumentException.class, () -> j.appendDecided(3, 3, new byte[0]), "seq shrinks");
            assertThrows(IllegalArgumentException.class,
                    () -> j.appendDecided(3, 4, new byte[JournalFormat.MAX_DATA + 1]), "proof too long");
            assertEquals(List.of(0L), JournalFiles.segments(dir));
            long d = j.appendDecided(3, 4, proof(4, 10));
            assertEquals(0, d, "the first proof after open starts a new segment");
            assertEquals(List.of(0L, 3L), JournalFiles.segments(dir));
            assertArrayEquals(proof(4, 10), j.readDecided(3, d).orElseThrow());
            assertArrayEquals(proof(1, 1000), j.readDecided(0, at[0]).orElseThrow(), "the old segment still reads");
        }
    }

    @Test
    void aFlippedByteInAProofIsCaughtByTheReadNeverAtOpen() throws IOException {
        long[] at;
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            at = writeThree(j);
        }
        // damage the middle of the first proof, as a disk might later
        Path segment = JournalFiles.segment(dir, 0);
        JournalFiles.flip(segment, at[0] + 100);
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            assertEquals(7, j.recovered().size(), "recovery reads markers, not proofs");
            JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> j.readDecided(0, at[0]));
            assertEquals(segment, e.file());
            assertEquals(at[0], e.offset());
            assertTrue(e.getMessage().contains(segment.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("checksum"), e.getMessage());
            assertArrayEquals(proof(2, 70_000), j.readDecided(1, at[1]).orElseThrow(), "the other proofs still read");
        }
        // a damaged length: caught before anything is allocated
        JournalFiles.putInt(segment, at[1], Integer.MAX_VALUE);
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> j.readDecided(1, at[1]));
            assertEquals(at[1], e.offset());
            assertTrue(e.getMessage().contains("impossible length"), e.getMessage());
        }
    }

    @Test
    void aFrameOfAnotherKindAtTheLocationIsCorruption() throws IOException {
        JournalFiles.append(JournalFiles.file(dir), JournalFormat.frame(new JournalRecord.Delivery(0, new byte[] {0})));
        JournalFiles.append(JournalFiles.file(dir), JournalFormat.decidedAtFrame(0, 1, 0));
        Files.createDirectories(dir.resolve(ProofSegments.DIR));
        JournalFiles.append(JournalFiles.segment(dir, 0), JournalFormat.frame(new JournalRecord.Delivery(0, new byte[1])));
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> j.readDecided(0, 0));
            assertTrue(e.getMessage().contains("not a proof record"), e.getMessage());
            assertEquals(JournalFiles.segment(dir, 0), e.file());
        }
    }

    @Test
    void aCrashWhileAppendingARoundCutsTheMarkerAndNeverReadsTheTornProof() throws IOException {
        long[] at;
        try (Journal j = Journal.open(dir, FsyncPolicy.NEVER)) {
            at = writeThree(j);
        }
        Path file = JournalFiles.file(dir);
        Path segment = JournalFiles.segment(dir, 0);
        byte[] main = Files.readAllBytes(file);
        byte[] proofs = Files.readAllBytes(segment);
        long last = main.length - MARKER; // round 2's marker
        int proofTail = (int) (proofs.length - at[2]); // round 2's proof frame
        // round 2's marker torn at every length (or not written), its proof torn at some length (or whole)
        for (long cut = last; cut < main.length; cut++) {
            Files.write(file, Arrays.copyOf(main, (int) cut));
            Files.write(segment, Arrays.copyOf(proofs, (int) (at[2] + (cut - last) % (proofTail + 1))));
            try (Journal j = Journal.open(dir, FsyncPolicy.NEVER)) {
                assertEquals(6, j.recovered().size(), "cut at " + cut);
                assertEquals(new JournalRecord.Decided(1, 4, at[1]), j.recovered().get(5));
                assertEquals(cut - last, j.tailCut());
                assertArrayEquals(proof(2, 70_000), j.readDecided(1, at[1]).orElseThrow());
                // the cut journal goes on: round 2 again, its proof in a new segment
                long again = j.appendDecided(2, 4, proof(9, 5));
                assertEquals(List.of(0L, 2L), JournalFiles.segments(dir));
                assertArrayEquals(proof(9, 5), j.readDecided(2, again).orElseThrow());
            }
        }
        // round 1's marker torn: its proof and round 2's are unreferenced now
        for (long cut : new long[] {last - MARKER + 3, last - MARKER + 20, last - 1}) {
            Files.write(file, Arrays.copyOf(main, (int) cut));
            Files.write(segment, proofs);
            try (Journal j = Journal.open(dir, FsyncPolicy.NEVER)) {
                assertEquals(5, j.recovered().size(), "cut at " + cut);
                assertEquals(new JournalRecord.Delivery(3, new byte[] {3}), j.recovered().get(4));
                assertEquals(last - MARKER, Files.size(file));
                assertEquals(List.of(0L), JournalFiles.segments(dir), "round 2's segment of the last pass is gone");
                long again = j.appendDecided(1, 4, proof(8, 7));
                assertArrayEquals(proof(8, 7), j.readDecided(1, again).orElseThrow());
                assertArrayEquals(proof(1, 1000), j.readDecided(0, at[0]).orElseThrow());
            }
        }
    }

    @Test
    void aDecidedMarkerOutOfOrderOnDiskIsCorruption() throws IOException {
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            j.appendDelivery(0, new byte[] {0});
            j.appendDecided(0, 1, new byte[0]);
            j.sync();
        }
        // splice a second marker of the same round onto the file
        Path file = JournalFiles.file(dir);
        long good = Files.size(file);
        JournalFiles.append(file, JournalFormat.decidedAtFrame(0, 1, Journal.NO_PROOF));
        JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> Journal.open(dir, FsyncPolicy.ALWAYS));
        assertEquals(good, e.offset());
    }

    @Test
    void aMarkerWithAnImpossibleLocationIsCorruption() throws IOException {
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            j.appendDelivery(0, new byte[] {0});
            j.sync();
        }
        Path file = JournalFiles.file(dir);
        long good = Files.size(file);
        for (long location : new long[] {-2, Journal.INLINE, Long.MIN_VALUE}) {
            JournalFiles.truncate(file, good);
            JournalFiles.append(file, JournalFiles.rawFrame(JournalFormat.DECIDED_AT,
                    ByteBuffer.allocate(24).putLong(0).putLong(1).putLong(location).array()));
            JournalFiles.append(file, JournalFormat.frame(new JournalRecord.Delivery(1, new byte[] {1})));
            JournalCorruptException e = assertThrows(JournalCorruptException.class,
                    () -> Journal.open(dir, FsyncPolicy.ALWAYS), "location " + location);
            assertEquals(good, e.offset());
            assertTrue(e.getMessage().contains("does not decode"), e.getMessage());
        }
    }
}
