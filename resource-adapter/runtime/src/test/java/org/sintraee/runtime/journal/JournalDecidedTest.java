package org.sintraee.runtime.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decided markers: round trip without their proofs in memory, random reads, and a torn Decided tail. */
class JournalDecidedTest {
    @TempDir
    Path dir;

    private static byte[] proof(int seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Deliveries 0..2, Decided(0, 3), delivery 3, Decided(1, 4), Decided(2, 4): offsets of the three markers. */
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
    void decidedRecordsRoundTripWithOffsetsAndReadBackTheirProofs() throws IOException {
        long[] at;
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            at = writeThree(j);
            assertArrayEquals(proof(2, 70_000), j.readDecided(at[1]), "readable before close");
        }
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            List<JournalRecord> r = j.recovered();
            assertEquals(new JournalRecord.Decided(0, 3, at[0]), r.get(3));
            assertEquals(new JournalRecord.Decided(1, 4, at[1]), r.get(5));
            assertEquals(new JournalRecord.Decided(2, 4, at[2]), r.get(6));
            // random reads, in any order
            assertArrayEquals(proof(3, 0), j.readDecided(at[2]));
            assertArrayEquals(proof(1, 1000), j.readDecided(at[0]));
            assertArrayEquals(proof(2, 70_000), j.readDecided(at[1]));
            // an offset that is not a Decided record, or no record at all
            JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> j.readDecided(0));
            assertTrue(e.getMessage().contains("not a decided record"), e.getMessage());
            assertThrows(JournalCorruptException.class, () -> j.readDecided(at[0] + 1));
            assertThrows(JournalCorruptException.class, () -> j.readDecided(Files.size(JournalFiles.file(dir))));
            // appends continue the order
            assertThrows(IllegalArgumentException.class, () -> j.appendDecided(2, 4, new byte[0]), "round repeats");
            assertThrows(IllegalArgumentException.class, () -> j.appendDecided(3, 5, new byte[0]), "seq not delivered");
            assertThrows(IllegalArgumentException.class, () -> j.appendDecided(3, 3, new byte[0]), "seq shrinks");
            long d = j.appendDecided(3, 4, proof(4, 10));
            assertArrayEquals(proof(4, 10), j.readDecided(d));
        }
    }

    @Test
    void aFlippedByteInAnOldProofIsCaughtByTheRandomRead() throws IOException {
        long[] at;
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            at = writeThree(j);
        }
        // damage the middle of the first proof after recovery, as a disk might later
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            JournalFiles.flip(JournalFiles.file(dir), at[0] + 100);
            JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> j.readDecided(at[0]));
            assertEquals(at[0], e.offset());
            assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        }
        // and on the next open it is corruption in the middle, not a tail
        JournalCorruptException e = assertThrows(JournalCorruptException.class,
                () -> Journal.open(dir, FsyncPolicy.ALWAYS));
        assertEquals(at[0], e.offset());
    }

    @Test
    void aTornDecidedTailIsCutAtEveryOffset() throws IOException {
        long[] at;
        try (Journal j = Journal.open(dir, FsyncPolicy.NEVER)) {
            at = writeThree(j);
        }
        Path file = JournalFiles.file(dir);
        byte[] whole = Files.readAllBytes(file);
        // the last marker (round 2) torn at every length, then a torn large marker (round 1) at a few lengths
        for (long cut = at[2]; cut < whole.length; cut++) {
            Files.write(file, Arrays.copyOf(whole, (int) cut));
            try (Journal j = Journal.open(dir, FsyncPolicy.NEVER)) {
                assertEquals(6, j.recovered().size(), "cut at " + cut);
                assertEquals(new JournalRecord.Decided(1, 4, at[1]), j.recovered().get(5));
                assertEquals(cut - at[2], j.tailCut());
                // the cut journal goes on: round 2 again
                assertArrayEquals(proof(9, 5), j.readDecided(j.appendDecided(2, 4, proof(9, 5))));
            }
        }
        for (long cut : new long[] {at[1] + 3, at[1] + 20, at[1] + 40_000, at[2] - 1}) {
            Files.write(file, Arrays.copyOf(whole, (int) cut));
            try (Journal j = Journal.open(dir, FsyncPolicy.NEVER)) {
                assertEquals(5, j.recovered().size(), "cut at " + cut);
                assertEquals(new JournalRecord.Delivery(3, new byte[] {3}), j.recovered().get(4));
                assertEquals(at[1], Files.size(file));
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
        // splice a second copy of the marker (same round) onto the file
        Path file = JournalFiles.file(dir);
        byte[] bytes = Files.readAllBytes(file);
        java.nio.ByteBuffer marker = JournalFormat.decidedFrame(0, 1, new byte[0]);
        byte[] m = new byte[marker.remaining()];
        marker.get(m);
        Files.write(file, m, java.nio.file.StandardOpenOption.APPEND);
        JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> Journal.open(dir, FsyncPolicy.ALWAYS));
        assertEquals(bytes.length, e.offset());
    }
}
