package org.sintraee.runtime.client;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * The client port's framing: {@code u32 length | u8 type | body}, length counting type and
 * body. Every read is bounded before allocation; a violation is an {@link IOException} that
 * closes the one connection it came from.
 *
 * Every body starts with the caller's call id (u64), which the answer repeats, so calls
 * may be pipelined and answered out of order:
 *
 * <pre>
 * SUBMIT       id | request bytes              -> DONE or REFUSED
 * DONE         id | seq i64                    (delivered at this replica, at seq)
 * REFUSED      id | busy u8 | reason UTF-8     (busy = 1: retry later; 0: never)
 * STATUS       id                              -> STATUS_REPLY
 * STATUS_REPLY id | ready u8 | round i64 | delivered i64 | chain 32 bytes (after all delivered)
 * CHAIN        id | count i64                  -> CHAIN_REPLY
 * CHAIN_REPLY  id | count i64 | chain 32 bytes after the first count deliveries (absent if not held)
 * </pre>
 */
public final class ClientFrames {
    public static final int SUBMIT = 1;
    public static final int DONE = 2;
    public static final int REFUSED = 3;
    public static final int STATUS = 4;
    public static final int STATUS_REPLY = 5;
    public static final int CHAIN = 6;
    public static final int CHAIN_REPLY = 7;

    /** One frame as read: its type and body. */
    public record Frame(int type, byte[] body) {
    }

    private ClientFrames() {
    }

    /** Reads one frame of at most {@code maxBody} body bytes; null at a clean end of stream. */
    public static Frame read(DataInputStream in, int maxBody) throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (length < 1 || length - 1 > maxBody) {
            throw new IOException("frame length " + Integer.toUnsignedString(length) + " outside 1.." + (maxBody + 1));
        }
        int type = in.readUnsignedByte();
        byte[] body = new byte[length - 1];
        in.readFully(body);
        return new Frame(type, body);
    }

    /** Writes one frame; the caller flushes. */
    public static void write(DataOutputStream out, int type, byte[] body) throws IOException {
        out.writeInt(body.length + 1);
        out.writeByte(type);
        out.write(body);
    }
}
