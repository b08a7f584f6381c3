package org.sintraee.runtime.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.Tag;

class JournalTest {
    @TempDir
    Path dir;

    @Test
    void roundTripOfBothKindsAcrossReopen() throws IOException {
        List<JournalRecord> sample = JournalFiles.sample();
        try (Journal journal = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            assertTrue(journal.recovered().isEmpty());
            JournalFiles.write(journal, sample);
        }
        assertEquals(JournalFiles.offsets(sample).get(3), Files.size(JournalFiles.file(dir)));
        try (Journal journal = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            assertEquals(sample, journal.recovered());
            assertEquals(0, journal.tailCut());
            assertEquals(OptionalLong.of(1), journal.lastDeliverySeq());
            JournalRecord.Durable first = (JournalRecord.Durable) journal.recovered().get(0);
            assertEquals("abc/17/rbc", first.record().tag().toString());
            assertArrayEquals(((JournalRecord.Durable) sample.get(0)).record().data(), first.record().data());
        }
    }

    @Test
    void appendingAfterRecoveryContinues() throws IOException {
        List<JournalRecord> sample = JournalFiles.sample();
        try (Journal journal = Journal.open(dir, FsyncPolicy.NEVER)) {
            JournalFiles.write(journal, sample);
        }
        long end = JournalFiles.offsets(sample).get(3);
        Files.write(JournalFiles.file(dir), new byte[] {0, 0, 1}, java.nio.file.StandardOpenOption.APPEND);
        List<JournalRecord> expected = new ArrayList<>(sample);
        try (Journal journal = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            assertEquals(3, journal.tailCut());
            assertEquals(end, Files.size(JournalFiles.file(dir)));
            assertThrows(IllegalArgumentException.class, () -> journal.appendDelivery(3, new byte[1]));
            journal.appendDelivery(2, new byte[] {9, 8});
            journal.append(new DurableRecord(Tag.of("abc", "19"), "ready", new byte[0]));
            journal.sync();
            expected.add(new JournalRecord.Delivery(2, new byte[] {9, 8}));
            expected.add(new JournalRecord.Durable(new DurableRecord(Tag.of("abc", "19"), "ready", new byte[0])));
        }
        try (Journal journal = Journal.open(dir, FsyncPolicy.ALWAYS)) {
            assertEquals(expected, journal.recovered());
            assertEquals(OptionalLong.of(2), journal.lastDeliverySeq());
        }
    }

    @Test
    void nonConsecutiveDeliveryOnDiskIsAnError() throws IOException {
        List<JournalRecord> records = List.of(new JournalRecord.Delivery(1, new byte[] {1}),
                new JournalRecord.Delivery(2, new byte[] {2}), new JournalRecord.Delivery(4, new byte[] {4}));
        Path file = JournalFiles.file(dir);
        for (JournalRecord r : records) {
            ByteBuffer frame = JournalFormat.frame(r);
            byte[] bytes = new byte[frame.remaining()];
            frame.get(bytes);
            Files.write(file, bytes, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
        JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> Journal.open(dir, FsyncPolicy.ALWAYS));
        assertEquals(JournalFiles.offsets(records).get(2), e.offset());
        assertEquals(file, e.file());
        assertTrue(e.getMessage().contains("consecutive"), e.getMessage());
    }

    @Test
    void misuseIsRejected() throws IOException {
        Journal journal = Journal.open(dir, FsyncPolicy.ALWAYS);
        assertThrows(IOException.class, () -> Journal.open(dir, FsyncPolicy.ALWAYS)); // locked
        assertThrows(IllegalArgumentException.class,
                () -> journal.appendDelivery(0, new byte[JournalFormat.MAX_DATA + 1]));
        assertThrows(IllegalArgumentException.class, () -> journal.appendDelivery(-1, new byte[0]));
        journal.close();
        assertThrows(IllegalStateException.class, () -> journal.appendDelivery(0, new byte[0]));
        assertEquals(FsyncPolicy.ALWAYS, FsyncPolicy.defaultPolicy());
        assertEquals(0, Files.size(JournalFiles.file(dir)));
    }
}
