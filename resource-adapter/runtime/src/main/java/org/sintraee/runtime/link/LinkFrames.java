package org.sintraee.runtime.link;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.sintraee.runtime.wire.WireLimits;

/**
 * The link frames inside the TLS stream: a big-endian int32 body length, then the body, a
 * type byte and its fields.
 * <ul>
 *   <li>HELLO (1): version byte, sender's incarnation, the receiver's incarnation the sender last
 *       delivered from (0 if none), the last sequence number it delivered from it: 26 bytes;</li>
 *   <li>DATA (2): sequence number, payload of at most {@link WireLimits#MAX_FRAME_BYTES} bytes;</li>
 *   <li>ACK (3): the highest sequence number delivered, cumulative: 9 bytes;</li>
 *   <li>PING (4): nothing, 1 byte: written by a connection idle for the heartbeat interval, so
 *       the peer hears something and can tell a silent connection from a dead one.</li>
 * </ul>
 * The length is checked against the type's size before the payload is allocated.
 */
final class LinkFrames {
    static final byte HELLO = 1;
    static final byte DATA = 2;
    static final byte ACK = 3;
    static final byte PING = 4;
    static final byte VERSION = 1;
    static final int HELLO_BODY = 1 + 1 + 3 * Long.BYTES;
    static final int ACK_BODY = 1 + Long.BYTES;
    static final int PING_BODY = 1;
    static final int DATA_HEADER = 1 + Long.BYTES;
    static final int MAX_BODY = DATA_HEADER + WireLimits.MAX_FRAME_BYTES;
    static final int LENGTH_BYTES = Integer.BYTES;

    private LinkFrames() {
    }

    /** A peer broke the link protocol; the connection is cut. The message holds no payload bytes. */
    static final class MalformedFrameException extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedFrameException(String message) {
            super(message);
        }
    }

    /** One decoded frame; reused by a reader to avoid an allocation per frame (the payload is fresh). */
    static final class Frame {
        byte type;
        long incarnation;
        long knownIncarnation;
        long seq;
        byte[] payload;
        int wireBytes;
    }

    /** @return the bytes written */
    static int writeHello(DataOutputStream out, long incarnation, long knownPeerIncarnation, long lastDelivered)
            throws IOException {
        out.writeInt(HELLO_BODY);
        out.writeByte(HELLO);
        out.writeByte(VERSION);
        out.writeLong(incarnation);
        out.writeLong(knownPeerIncarnation);
        out.writeLong(lastDelivered);
        return LENGTH_BYTES + HELLO_BODY;
    }

    static int writeData(DataOutputStream out, long seq, byte[] payload) throws IOException {
        out.writeInt(DATA_HEADER + payload.length);
        out.writeByte(DATA);
        out.writeLong(seq);
        out.write(payload);
        return LENGTH_BYTES + DATA_HEADER + payload.length;
    }

    static int writeAck(DataOutputStream out, long seq) throws IOException {
        out.writeInt(ACK_BODY);
        out.writeByte(ACK);
        out.writeLong(seq);
        return LENGTH_BYTES + ACK_BODY;
    }

    static int writePing(DataOutputStream out) throws IOException {
        out.writeInt(PING_BODY);
        out.writeByte(PING);
        return LENGTH_BYTES + PING_BODY;
    }

    /**
     * Reads one frame into {@code f}.
     *
     * @throws MalformedFrameException on a bad length, type, version or sequence number
     * @throws java.io.EOFException    at the end of the stream
     */
    static void read(DataInputStream in, Frame f) throws IOException {
        int length = in.readInt();
        if (length < 1 || length > MAX_BODY) {
            throw new MalformedFrameException("frame length " + length + " is not in 1.." + MAX_BODY);
        }
        f.type = in.readByte();
        f.payload = null;
        f.wireBytes = LENGTH_BYTES + length;
        switch (f.type) {
            case HELLO -> {
                expect(length, HELLO_BODY, "HELLO");
                byte version = in.readByte();
                if (version != VERSION) {
                    throw new MalformedFrameException("link version " + version + ", expected " + VERSION);
                }
                f.incarnation = in.readLong();
                f.knownIncarnation = in.readLong();
                f.seq = nonNegative(in.readLong());
                if (f.incarnation == 0) {
                    throw new MalformedFrameException("HELLO with incarnation 0");
                }
            }
            case ACK -> {
                expect(length, ACK_BODY, "ACK");
                f.seq = nonNegative(in.readLong());
            }
            case PING -> expect(length, PING_BODY, "PING");
            case DATA -> {
                if (length < DATA_HEADER) {
                    throw new MalformedFrameException("DATA frame of " + length + " bytes has no sequence number");
                }
                f.seq = in.readLong();
                if (f.seq < 1) {
                    throw new MalformedFrameException("DATA sequence number " + f.seq + " is not positive");
                }
                byte[] payload = new byte[length - DATA_HEADER];
                in.readFully(payload);
                f.payload = payload;
            }
            default -> throw new MalformedFrameException("unknown frame type " + f.type);
        }
    }

    private static void expect(int length, int expected, String type) throws MalformedFrameException {
        if (length != expected) {
            throw new MalformedFrameException(type + " frame of " + length + " bytes, expected " + expected);
        }
    }

    private static long nonNegative(long seq) throws MalformedFrameException {
        if (seq < 0) {
            throw new MalformedFrameException("negative sequence number " + seq);
        }
        return seq;
    }
}
