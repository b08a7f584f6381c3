package org.sintraee.runtime.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.Tag;

/** Helpers for journal tests: sample records, frame offsets, proof segments, raw file surgery. */
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

    /** The proof segment file named by {@code firstRound}. */
    static Path segment(Path dir, long firstRound) {
        return dir.resolve(ProofSegments.DIR).resolve(ProofSegments.name(firstRound));
    }

    /** The first rounds of the proof segments on disk, in order. */
    static List<Long> segments(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve(ProofSegments.DIR))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("[0-9]{20}\\.log"))
                    .map(n -> Long.parseLong(n.substring(0, 20))).sorted().toList();
        }
    }

    /** Appends a crafted frame to a file (creating it). */
    static void append(Path file, ByteBuffer frame) throws IOException {
        byte[] bytes = new byte[frame.remaining()];
        frame.duplicate().get(bytes);
        Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** A well-framed record of any type and body (a valid CRC), for crafting what no node writes. */
    static ByteBuffer rawFrame(byte type, byte[] body) {
        ByteBuffer frame = ByteBuffer.allocate(JournalFormat.HEADER + 1 + body.length);
        frame.putInt(1 + body.length).putInt(0).put(type).put(body).flip();
        frame.putInt(4, JournalFormat.crc(frame.duplicate().position(0).limit(4),
                frame.duplicate().position(JournalFormat.HEADER)));
        return frame;
    }

    static void truncate(Path file, long size) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.truncate(size);
        }
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
