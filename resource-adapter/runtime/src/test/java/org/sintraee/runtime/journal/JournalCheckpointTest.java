package org.sintraee.runtime.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sintraee.api.CheckpointCertificate;

/** Checkpoint records: round trip, the order rules on append, and the same rules on disk. */
class JournalCheckpointTest {
    @TempDir
    Path dir;

    private static CheckpointCertificate checkpoint(long round, long nextSeq, int mark) {
        byte[] chain = new byte[32];
        chain[0] = (byte) mark;
        byte[] signature = new byte[256];
        signature[255] = (byte) mark;
        return new CheckpointCertificate(round, nextSeq, chain, signature);
    }

    /** Deliveries 0..3, Decided(0, 2), Decided(1, 4). */
    private static void twoRounds(Journal j) throws IOException {
        for (int s = 0; s < 4; s++) {
            j.appendDelivery(s, new byte[] {(byte) s});
        }
        j.appendDecided(0, 2, new byte[0]);
        j.appendDecided(1, 4, new byte[0]);
    }

    @Test
    void checkpointsRoundTripAndTheJournalGoesOnAfterThem() throws IOException {
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            twoRounds(j);
            j.appendCheckpoint(checkpoint(0, 2, 1));
            j.appendCheckpoint(checkpoint(1, 4, 2));
            j.sync();
        }
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            List<JournalRecord> r = j.recovered();
            assertEquals(new JournalRecord.Checkpoint(checkpoint(0, 2, 1)), r.get(6));
            assertEquals(new JournalRecord.Checkpoint(checkpoint(1, 4, 2)), r.get(7));
            // the reopened journal knows the last checkpoint: an older one is refused
            assertThrows(IllegalArgumentException.class, () -> j.appendCheckpoint(checkpoint(1, 4, 3)));
            j.appendDelivery(4, new byte[] {4});
            j.appendDecided(2, 5, new byte[0]);
            j.appendCheckpoint(checkpoint(2, 5, 4));
            j.sync();
            assertEquals(5, j.deliveryReader().ordered(0, 5, 10).size(), "the delivery reader skips checkpoints");
        }
    }

    @Test
    void aCheckpointMustFollowItsRoundsDecidedMarkerAndMoveForward() throws IOException {
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            twoRounds(j);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> j.appendCheckpoint(checkpoint(2, 4, 1)));
            assertTrue(e.getMessage().contains("decided through round 1"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> j.appendCheckpoint(checkpoint(1, 5, 1)));
            j.appendCheckpoint(checkpoint(1, 4, 1));
            assertThrows(IllegalArgumentException.class, () -> j.appendCheckpoint(checkpoint(0, 2, 1)));
        }
    }

    @Test
    void aCheckpointOutOfOrderOnDiskIsCorruption() throws IOException {
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            twoRounds(j);
            j.appendCheckpoint(checkpoint(1, 4, 1));
            j.sync();
        }
        Path file = JournalFiles.file(dir);
        long good = Files.size(file);
        ByteBuffer frame = JournalFormat.frame(new JournalRecord.Checkpoint(checkpoint(0, 2, 1)));
        byte[] f = new byte[frame.remaining()];
        frame.get(f);
        Files.write(file, f, StandardOpenOption.APPEND); // an older checkpoint after a newer one: not written by a node
        JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> Journal.open(dir, FsyncPolicy.ALWAYS));
        assertEquals(good, e.offset());
    }
}
