package org.sintraee.runtime.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.Tag;

/** Helpers for journal tests: sample records, frame offsets, raw file surgery. */
final class JournalFiles {
    private JournalFiles() {
    }

    /** Three records of both kinds, payloads from a fixed seed. */
    static List<JournalRecord> sample() {
        Random random = new Random(7);
        byte[] a = new byte[40];
        byte[] b = new byte[23];
        byte[] c = new byte[31];
        random.nextBytes(a);
        random.nextBytes(b);
        random.nextBytes(c);
        return List.of(
                new JournalRecord.Durable(new DurableRecord(Tag.of("abc", "17").child("rbc"), "echo", a)),
                new JournalRecord.Delivery(1, b),
                new JournalRecord.Durable(new DurableRecord(Tag.of("abc", "18"), "pre-vote/3", c)));
    }

    static void write(Journal journal, List<JournalRecord> records) throws IOException {
        for (JournalRecord r : records) {
            if (r instanceof JournalRecord.Durable d) {
                journal.append(d.record());
            } else {
                JournalRecord.Delivery d = (JournalRecord.Delivery) r;
                journal.appendDelivery(d.seq(), d.request().toArray());
            }
        }
        journal.sync();
    }

    /** Start offsets of each record's frame, plus the end. */
    static List<Long> offsets(List<JournalRecord> records) {
        List<Long> out = new ArrayList<>();
        long at = 0;
        for (JournalRecord r : records) {
            out.add(at);
            at += JournalFormat.frame(r).remaining();
        }
        out.add(at);
        return out;
    }

    static Path file(Path dir) {
        return dir.resolve(Journal.FILE_NAME);
    }

    static void flip(Path file, long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) offset] ^= 0x5A;
        Files.write(file, bytes);
    }

    static void putInt(Path file, long offset, int value) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).putInt((int) offset, value);
        Files.write(file, bytes);
    }
}
