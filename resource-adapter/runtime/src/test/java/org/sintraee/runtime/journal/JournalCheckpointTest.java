package org.sintraee.runtime.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sintraee.api.CheckpointCertificate;
import org.sintraee.protocol.core.Bytes;

/** Checkpoint records: round trip, the order rules on append, and the same rules on disk. */
class JournalCheckpointTest {
    @TempDir
    Path dir;

    /** A checkpoint of the one round {@code round} (its interval starts there too). */
    private static CheckpointCertificate checkpoint(long round, long nextSeq, int mark) {
        byte[] chain = new byte[32];
        chain[0] = (byte) mark;
        byte[] root = new byte[32];
        root[31] = (byte) mark;
        byte[] signature = new byte[256];
        signature[255] = (byte) mark;
        return new CheckpointCertificate(round, nextSeq, chain, round, root, signature);
    }

    /** One 32-byte leaf per round of the certificate's interval. */
    private static List<Bytes> leaves(CheckpointCertificate certificate) {
        List<Bytes> out = new ArrayList<>();
        for (long r = certificate.firstRound(); r <= certificate.round(); r++) {
            byte[] leaf = new byte[32];
            leaf[0] = (byte) r;
            out.add(Bytes.of(leaf));
        }
        return out;
    }

    private static long append(Journal j, CheckpointCertificate certificate) throws IOException {
        return j.appendCheckpoint(certificate, leaves(certificate));
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
        long first;
        long second;
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            twoRounds(j);
            first = append(j, checkpoint(0, 2, 1));
            second = append(j, checkpoint(1, 4, 2));
            assertEquals(checkpoint(1, 4, 2), j.readCheckpoint(second).certificate(), "readable before sync");
            j.sync();
        }
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            List<JournalRecord> r = j.recovered();
            assertEquals(new JournalRecord.Checkpoint(checkpoint(0, 2, 1), leaves(checkpoint(0, 2, 1)), first), r.get(6));
            assertEquals(new JournalRecord.Checkpoint(checkpoint(1, 4, 2), leaves(checkpoint(1, 4, 2)), second), r.get(7));
            assertEquals(r.get(6), j.readCheckpoint(first));
            JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> j.readCheckpoint(0));
            assertTrue(e.getMessage().contains("not a checkpoint record"), e.getMessage());
            // the reopened journal knows the last checkpoint: an older one is refused
            assertThrows(IllegalArgumentException.class, () -> append(j, checkpoint(1, 4, 3)));
            j.appendDelivery(4, new byte[] {4});
            j.appendDecided(2, 5, new byte[0]);
            append(j, checkpoint(2, 5, 4));
            j.sync();
            assertEquals(5, j.deliveryReader().ordered(0, 5, 10).size(), "the delivery reader skips checkpoints");
        }
    }

    @Test
    void aCheckpointMustFollowItsRoundsDecidedMarkerAndMoveForward() throws IOException {
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            twoRounds(j);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> append(j, checkpoint(2, 4, 1)));
            assertTrue(e.getMessage().contains("decided through round 1"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> append(j, checkpoint(1, 5, 1)));
            assertThrows(IllegalArgumentException.class, () -> j.appendCheckpoint(checkpoint(1, 4, 1), List.of()),
                    "one leaf per round of the interval");
            append(j, checkpoint(1, 4, 1));
            assertThrows(IllegalArgumentException.class, () -> append(j, checkpoint(0, 2, 1)));
        }
    }

    @Test
    void aCheckpointOutOfOrderOnDiskIsCorruption() throws IOException {
        try (Journal j = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            twoRounds(j);
            append(j, checkpoint(1, 4, 1));
            j.sync();
        }
        Path file = JournalFiles.file(dir);
        long good = Files.size(file);
        ByteBuffer frame = JournalFormat.frame(new JournalRecord.Checkpoint(checkpoint(0, 2, 1),
                leaves(checkpoint(0, 2, 1)), -1));
        byte[] f = new byte[frame.remaining()];
        frame.get(f);
        Files.write(file, f, StandardOpenOption.APPEND); // an older checkpoint after a newer one: not written by a node
        JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> Journal.open(dir, FsyncPolicy.ALWAYS));
        assertEquals(good, e.offset());
    }
}
