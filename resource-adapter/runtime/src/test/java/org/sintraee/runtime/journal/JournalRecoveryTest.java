package org.sintraee.runtime.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalRecoveryTest {
    @TempDir
    Path dir;

    private final List<JournalRecord> sample = JournalFiles.sample();
    private final List<Long> offsets = JournalFiles.offsets(sample);

    private Path freshJournal(String name) throws IOException {
        Path d = dir.resolve(name);
        try (Journal journal = Journal.open(d, FsyncPolicy.NEVER)) {
            JournalFiles.write(journal, sample);
        }
        return d;
    }

    private void assertTailCut(Path d) throws IOException {
        try (Journal journal = Journal.open(d, FsyncPolicy.NEVER)) {
            assertEquals(sample.subList(0, 2), journal.recovered());
            assertEquals(offsets.get(2), Files.size(JournalFiles.file(d)));
        }
    }

    @Test
    void truncationAtEveryOffsetOfTheLastRecordCutsTheTail() throws IOException {
        Path d = freshJournal("t");
        byte[] whole = Files.readAllBytes(JournalFiles.file(d));
        long start = offsets.get(2);
        for (long cut = start; cut < whole.length; cut++) {
            Files.write(JournalFiles.file(d), java.util.Arrays.copyOf(whole, (int) cut));
            try (Journal journal = Journal.open(d, FsyncPolicy.NEVER)) {
                assertEquals(sample.subList(0, 2), journal.recovered(), "cut at " + cut);
                assertEquals(cut - start, journal.tailCut(), "cut at " + cut);
                assertEquals(start, Files.size(JournalFiles.file(d)), "cut at " + cut);
            }
        }
    }

    @Test
    void flippedByteInTheLastRecordCutsTheTailWithAWarning() throws IOException {
        List<LogRecord> logged = new java.util.ArrayList<>();
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
        Logger logger = Logger.getLogger(Journal.class.getName());
        logger.addHandler(handler);
        try {
            for (long at = offsets.get(2); at < offsets.get(3); at++) {
                Path d = freshJournal("f" + at);
                JournalFiles.flip(JournalFiles.file(d), at);
                assertTailCut(d);
            }
        } finally {
            logger.removeHandler(handler);
        }
        long count = offsets.get(3) - offsets.get(2);
        assertEquals(count, logged.stream().filter(r -> r.getLevel() == Level.WARNING).count());
        assertEquals(Long.toString(offsets.get(2)), logged.get(0).getParameters()[2]);
    }

    @Test
    void flippedByteInAMiddleRecordIsCorruptionWithItsOffset() throws IOException {
        for (long at = offsets.get(1); at < offsets.get(2); at++) {
            Path d = freshJournal("m" + at);
            JournalFiles.flip(JournalFiles.file(d), at);
            long before = Files.size(JournalFiles.file(d));
            JournalCorruptException e = assertThrows(JournalCorruptException.class,
                    () -> Journal.open(d, FsyncPolicy.NEVER), "flip at " + at);
            assertEquals(offsets.get(1), e.offset(), "flip at " + at);
            assertTrue(e.getMessage().contains(JournalFiles.file(d).toString()));
            assertEquals(before, Files.size(JournalFiles.file(d)), "nothing may be cut");
        }
    }

    @Test
    void hugeLengthIsHandledWithoutAllocation() throws IOException {
        for (int huge : new int[] {Integer.MAX_VALUE, JournalFormat.MAX_RECORD + 1, JournalFormat.MAX_RECORD, -1, 0}) {
            Path last = freshJournal("l" + huge);
            JournalFiles.putInt(JournalFiles.file(last), offsets.get(2), huge);
            assertTailCut(last);

            Path middle = freshJournal("h" + huge);
            JournalFiles.putInt(JournalFiles.file(middle), offsets.get(1), huge);
            JournalCorruptException e = assertThrows(JournalCorruptException.class,
                    () -> Journal.open(middle, FsyncPolicy.NEVER));
            assertEquals(offsets.get(1), e.offset());
        }
    }

    @Test
    void zeroFilledTailIsCut() throws IOException {
        Path d = freshJournal("z");
        try (RandomAccessFile f = new RandomAccessFile(JournalFiles.file(d).toFile(), "rw")) {
            f.setLength(offsets.get(3) + 4096);
        }
        try (Journal journal = Journal.open(d, FsyncPolicy.NEVER)) {
            assertEquals(sample, journal.recovered());
            assertEquals(4096, journal.tailCut());
        }
    }
}
