package org.sintraee.runtime.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.Tag;

class DeliveryReaderTest {
    @TempDir
    Path dir;

    private static byte[] request(long seq) {
        return ("request " + seq).getBytes(StandardCharsets.UTF_8);
    }

    /** Round r delivers seqs 3r .. 3r+2, with a durable record before each and its marker after. */
    private static void writeRounds(Journal j, int fromRound, int rounds) throws IOException {
        for (int r = fromRound; r < fromRound + rounds; r++) {
            j.append(new DurableRecord(Tag.of("abc", Integer.toString(r)), "vote", new byte[100]));
            for (long seq = 3L * r; seq < 3L * r + 3; seq++) {
                j.appendDelivery(seq, request(seq));
            }
            j.appendDecided(r, 3L * r + 3, new byte[] {1, 2, 3});
        }
        j.sync();
    }

    private static void assertEntries(List<DeliveryReader.Entry> got, long from, int count) {
        assertEquals(count, got.size(), "entries: " + got);
        for (int i = 0; i < count; i++) {
            DeliveryReader.Entry e = got.get(i);
            assertEquals(from + i, e.seq());
            assertEquals((from + i) / 3, e.round(), "round of seq " + e.seq());
            assertArrayEquals(request(from + i), e.request().toArray());
        }
    }

    @Test
    void readsAnyRangeInOrderWithItsRoundsBoundedByToSeqAndMax() throws IOException {
        try (Journal j = Journal.open(dir, FsyncPolicy.NEVER)) {
            writeRounds(j, 0, 10); // seqs 0..29
            DeliveryReader reader = j.deliveryReader();
            assertEntries(reader.deliveries(0, 30, 100), 0, 30);
            assertEntries(reader.deliveries(7, 30, 5), 7, 5);
            assertEntries(reader.deliveries(12, 30, 100), 12, 18);
            assertEntries(reader.deliveries(4, 6, 100), 4, 2); // toSeq bounds the read
            assertEntries(reader.deliveries(0, 1, 100), 0, 1);
            assertEquals(List.of(), reader.deliveries(9, 9, 10));
            assertEntries(reader.deliveries(29, 30, 1), 29, 1);
        }
    }

    @Test
    void aSmallIndexThinsOutAndEveryStartStillReadsRight() throws IOException {
        try (Journal j = Journal.open(dir, FsyncPolicy.NEVER)) {
            writeRounds(j, 0, 100); // seqs 0..299
            DeliveryReader reader = DeliveryReader.open(JournalFiles.file(dir), 4, 2);
            assertEntries(reader.deliveries(0, 300, 1000), 0, 300);
            assertTrue(reader.indexSize() <= 4, "index size " + reader.indexSize());
            for (long from = 299; from >= 0; from -= 13) {
                assertEntries(reader.deliveries(from, 300, 2), from, from == 299 ? 1 : 2);
            }
            reader.close();
        }
    }

    @Test
    void roundsComeFromMarkersOfEitherKindWithOrWithoutProof() throws IOException {
        // an older journal: rounds 0 and 1 with their proofs inline (type 3)
        Path file = JournalFiles.file(dir);
        for (int r = 0; r < 2; r++) {
            for (long seq = 3L * r; seq < 3L * r + 3; seq++) {
                JournalFiles.append(file, JournalFormat.frame(new JournalRecord.Delivery(seq, request(seq))));
            }
            JournalFiles.append(file, JournalFormat.decidedFrame(r, 3L * r + 3, new byte[300]));
        }
        try (Journal j = Journal.open(dir, FsyncPolicy.NEVER)) {
            writeRounds(j, 2, 2); // rounds 2 and 3: markers of type 5, proofs in a segment
            for (long seq = 12; seq < 15; seq++) {
                j.appendDelivery(seq, request(seq));
            }
            j.appendDecidedWithoutProof(4, 15); // taken from a checkpoint
            j.sync();
            assertEntries(j.deliveryReader().deliveries(0, 15, 100), 0, 15);
            assertEntries(j.deliveryReader().deliveries(5, 13, 100), 5, 8);
        }
    }

    @Test
    void deliveriesPastTheLastMarkerGetTheNextRoundAndATornTailIsNotRead() throws IOException {
        try (Journal j = Journal.open(dir, FsyncPolicy.NEVER)) {
            writeRounds(j, 0, 2); // seqs 0..5, markers for rounds 0 and 1
            j.appendDelivery(6, request(6));
            j.appendDelivery(7, request(7));
            j.sync();
            // a frame the node is still writing: a length that runs past the end
            Files.write(JournalFiles.file(dir), ByteBuffer.allocate(12).putInt(500).array(), StandardOpenOption.APPEND);
            List<DeliveryReader.Entry> got = j.deliveryReader().deliveries(5, 8, 10);
            assertEquals(List.of(5L, 6L, 7L), got.stream().map(DeliveryReader.Entry::seq).toList());
            assertEquals(List.of(1L, 2L, 2L), got.stream().map(DeliveryReader.Entry::round).toList());
        }
    }

    @Test
    void aMarkerWrittenAfterTheReadBoundStillGivesTheRound() throws IOException {
        try (Journal j = Journal.open(dir, FsyncPolicy.NEVER)) {
            writeRounds(j, 0, 3);
            DeliveryReader reader = j.deliveryReader();
            // the caller knows seqs < 4 durable; round 1's marker lies after seq 5
            List<DeliveryReader.Entry> got = reader.deliveries(3, 4, 10);
            assertEquals(1, got.size());
            assertEquals(1, got.get(0).round());
        }
    }

    @Test
    void aBatchStopsAfterAboutFourMegabytes() throws IOException {
        try (Journal j = Journal.open(dir, FsyncPolicy.NEVER)) {
            for (int seq = 0; seq < 10; seq++) {
                j.appendDelivery(seq, new byte[1024 * 1024]);
            }
            j.sync();
            DeliveryReader reader = j.deliveryReader();
            assertEquals(4, reader.deliveries(0, 10, 100).size());
            assertEquals(1, reader.deliveries(3, 10, 1).size(), "at least one");
            assertEquals(0, reader.deliveries(9, 10, 1).get(0).round(), "no marker at all: round 0");
        }
    }

    @Test
    void aSeqNotInTheFileIsAnErrorAndTheReaderClosesWithTheJournal() throws IOException {
        DeliveryReader reader;
        try (Journal j = Journal.open(dir, FsyncPolicy.NEVER)) {
            writeRounds(j, 0, 1);
            reader = j.deliveryReader();
            assertThrows(JournalCorruptException.class, () -> reader.deliveries(2, 5, 10));
            assertThrows(IllegalArgumentException.class, () -> reader.deliveries(3, 2, 10));
            assertThrows(IllegalArgumentException.class, () -> reader.deliveries(0, 2, 0));
        }
        IOException closed = assertThrows(IOException.class, () -> reader.deliveries(0, 1, 1));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
    }
}
