package org.sintraee.runtime.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** Random reads of one framed record (main file or proof segment), CRC checked, bounded before allocating. */
final class FrameReads {
    private FrameReads() {
    }

    /**
     * Type and body of the intact frame at {@code offset} of {@code file}, whose good bytes end
     * at {@code end}.
     *
     * @throws JournalCorruptException (file, offset) if no intact frame starts there
     */
    static ByteBuffer readFrame(FileChannel channel, Path file, long offset, long end) throws IOException {
        if (offset < 0 || offset > end - JournalFormat.HEADER) {
            throw new JournalCorruptException(file, offset, "no record starts there (the file ends at " + end + ")");
        }
        ByteBuffer header = ByteBuffer.allocate(JournalFormat.HEADER);
        readFully(channel, file, header, offset);
        header.flip();
        int length = header.getInt(0);
        if (length < 1 || length > JournalFormat.MAX_RECORD || length > end - offset - JournalFormat.HEADER) {
            throw new JournalCorruptException(file, offset, "impossible length " + length);
        }
        ByteBuffer typeAndBody = ByteBuffer.allocate(length);
        readFully(channel, file, typeAndBody, offset + JournalFormat.HEADER);
        typeAndBody.flip();
        if (JournalFormat.crc(header.duplicate().position(0).limit(4), typeAndBody.duplicate()) != header.getInt(4)) {
            throw new JournalCorruptException(file, offset, "checksum mismatch");
        }
        return typeAndBody;
    }

    private static void readFully(FileChannel channel, Path file, ByteBuffer buffer, long pos) throws IOException {
        long at = pos;
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, at) < 0) {
                throw new JournalCorruptException(file, pos, "the file ends inside the record");
            }
            at = pos + buffer.position();
        }
    }
}
