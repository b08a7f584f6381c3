package org.sintraee.runtime.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a journal file back: checks every record, hands each to a visitor one at a time (memory
 * stays one record, whatever the journal's length), and finds where the good prefix ends.
 */
final class JournalScanner {
    /**
     * What a scan found: the offset of the end of the last good record, the damage after it (null
     * if none), how many records it holds, the last delivery's seq (-1: none) and the last Decided
     * record's round (-1: none) and next seq.
     */
    record Result(long goodEnd, String damage, long records, long lastSeq, long lastDecided, long lastNextSeq,
                  long lastCheckpoint, long lastCheckpointSeq) {
    }

    private static final int WINDOW = 64 * 1024;

    private final FileChannel channel;
    private final Path file;
    private final long size;
    /** A cached block of the file, so probing every offset for a frame is not a syscall each. */
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW);
    private long windowStart = -1;

    JournalScanner(FileChannel channel, Path file) throws IOException {
        this(channel, file, channel.size());
    }

    /** A scanner of the file's first {@code size} bytes (a replay stops where recovery found the good end). */
    JournalScanner(FileChannel channel, Path file, long size) {
        this.channel = channel;
        this.file = file;
        this.size = size;
    }

    /** Scans the file, handing every good record to {@code visitor} in order. */
    Result scan(Consumer<JournalRecord> visitor) throws IOException {
        long records = 0;
        long pos = 0;
        Long lastSeq = null;
        long lastDecided = -1;
        long lastNext = 0;
        long lastCheckpoint = -1;
        long lastCheckpointSeq = 0;
        while (pos < size) {
            ByteBuffer typeAndBody = frameAt(pos);
            if (typeAndBody == null) {
                String damage = damageAt(pos);
                long next = nextValidFrame(pos + 1);
                if (next >= 0) {
                    throw new JournalCorruptException(file, pos, damage + "; a valid record follows at " + next);
                }
                return new Result(pos, damage, records, lastSeq == null ? -1 : lastSeq, lastDecided, lastNext,
                        lastCheckpoint, lastCheckpointSeq);
            }
            Optional<JournalRecord> record = JournalFormat.decode(typeAndBody, pos);
            if (record.isEmpty()) {
                throw new JournalCorruptException(file, pos, "record with a valid checksum does not decode");
            }
            if (record.get() instanceof JournalRecord.Delivery d) {
                if (d.seq() < 0 || (lastSeq != null && d.seq() != lastSeq + 1)) {
                    throw new JournalCorruptException(file, pos, "delivery " + d.seq() + " after "
                            + (lastSeq == null ? "none" : lastSeq) + ": sequence numbers must be consecutive");
                }
                lastSeq = d.seq();
            } else if (record.get() instanceof JournalRecord.Decided d) {
                // Appended after its round's deliveries, rounds in order: anything else was not written by a node.
                long held = lastSeq == null ? 0 : lastSeq + 1;
                if (d.round() <= lastDecided || d.nextSeqAfter() < lastNext || d.nextSeqAfter() > held) {
                    throw new JournalCorruptException(file, pos, "decided round " + d.round() + " (next seq "
                            + d.nextSeqAfter() + ") after round " + lastDecided + " (next seq " + lastNext
                            + ") with deliveries up to " + (held - 1));
                }
                lastDecided = d.round();
                lastNext = d.nextSeqAfter();
            } else if (record.get() instanceof JournalRecord.Checkpoint c) {
                // Appended after its round's Decided marker, checkpoints in order.
                long round = c.certificate().round();
                long next = c.certificate().nextSeq();
                if (round <= lastCheckpoint || next < lastCheckpointSeq || round > lastDecided || next > lastNext) {
                    throw new JournalCorruptException(file, pos, "checkpoint of round " + round + " (next seq " + next
                            + ") after checkpoint round " + lastCheckpoint + ", decided through round " + lastDecided
                            + " (next seq " + lastNext + ")");
                }
                lastCheckpoint = round;
                lastCheckpointSeq = next;
            }
            visitor.accept(record.get());
            records++;
            pos += JournalFormat.HEADER + typeAndBody.capacity();
        }
        return new Result(pos, null, records, lastSeq == null ? -1 : lastSeq, lastDecided, lastNext, lastCheckpoint,
                lastCheckpointSeq);
    }

    /** Type and body of a well-formed frame at pos (length in bounds and in the file, CRC good), else null. */
    private ByteBuffer frameAt(long pos) throws IOException {
        ByteBuffer header = header(pos);
        if (header == null) {
            return null;
        }
        int length = header.getInt(0);
        if (length < 1 || length > JournalFormat.MAX_RECORD || length > size - pos - JournalFormat.HEADER) {
            return null; // checked before allocating: a damaged length never costs memory
        }
        ByteBuffer typeAndBody = ByteBuffer.allocate(length);
        readFully(typeAndBody, pos + JournalFormat.HEADER);
        typeAndBody.flip();
        int crc = JournalFormat.crc(header.duplicate().position(0).limit(4), typeAndBody.duplicate());
        return crc == header.getInt(4) ? typeAndBody : null;
    }

    private String damageAt(long pos) throws IOException {
        ByteBuffer header = header(pos);
        if (header == null) {
            return "partial header";
        }
        int length = header.getInt(0);
        if (length < 1 || length > JournalFormat.MAX_RECORD) {
            return "impossible length " + length;
        }
        if (length > size - pos - JournalFormat.HEADER) {
            return "record runs past the end of the file";
        }
        return "checksum mismatch";
    }

    private long nextValidFrame(long from) throws IOException {
        for (long off = from; off + JournalFormat.HEADER < size; off++) {
            if (frameAt(off) != null) {
                return off;
            }
        }
        return -1;
    }

    /** The 8 header bytes at pos, from the window; null if the file ends first. */
    private ByteBuffer header(long pos) throws IOException {
        if (size - pos < JournalFormat.HEADER) {
            return null;
        }
        if (windowStart < 0 || pos < windowStart || pos + JournalFormat.HEADER > windowStart + window.limit()) {
            window.clear();
            window.limit((int) Math.min(WINDOW, size - pos));
            readFully(window, pos);
            window.flip();
            windowStart = pos;
        }
        int at = (int) (pos - windowStart);
        return window.duplicate().position(at).limit(at + JournalFormat.HEADER).slice();
    }

    private void readFully(ByteBuffer buffer, long pos) throws IOException {
        long at = pos;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("journal " + file + " shrank while being read");
            }
            at += n;
        }
    }
}
