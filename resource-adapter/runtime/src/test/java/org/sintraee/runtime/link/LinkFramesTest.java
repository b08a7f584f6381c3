package org.sintraee.runtime.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Link frames round-trip, and bad ones are refused before allocation; the outbox keeps its bound. */
class LinkFramesTest {

    private static DataInputStream in(byte[] b) {
        return new DataInputStream(new ByteArrayInputStream(b));
    }

    @Test
    void framesRoundTrip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        int total = LinkFrames.writeHello(out, 5, 6, 7) + LinkFrames.writeData(out, 9, new byte[] {1, 2, 3})
                + LinkFrames.writeAck(out, 8) + LinkFrames.writePing(out);
        assertEquals(bytes.size(), total);
        DataInputStream in = in(bytes.toByteArray());
        LinkFrames.Frame f = new LinkFrames.Frame();
        LinkFrames.read(in, f);
        assertEquals(LinkFrames.HELLO, f.type);
        assertEquals(5, f.incarnation);
        assertEquals(6, f.knownIncarnation);
        assertEquals(7, f.seq);
        LinkFrames.read(in, f);
        assertEquals(LinkFrames.DATA, f.type);
        assertEquals(9, f.seq);
        assertArrayEquals(new byte[] {1, 2, 3}, f.payload);
        LinkFrames.read(in, f);
        assertEquals(LinkFrames.ACK, f.type);
        assertEquals(8, f.seq);
        LinkFrames.read(in, f);
        assertEquals(LinkFrames.PING, f.type);
        assertEquals(0, in.available());
    }

    @Test
    void badFramesAreRefused() {
        LinkFrames.Frame f = new LinkFrames.Frame();
        // announced length beyond the maximum, with no bytes behind it: refused, not allocated
        assertThrows(LinkFrames.MalformedFrameException.class,
                () -> LinkFrames.read(in(new byte[] {0x7f, -1, -1, -1}), f));
        assertThrows(LinkFrames.MalformedFrameException.class, () -> LinkFrames.read(in(new byte[] {0, 0, 0, 0}), f));
        assertThrows(LinkFrames.MalformedFrameException.class,
                () -> LinkFrames.read(in(new byte[] {0, 0, 0, 1, 9}), f)); // unknown type
        assertThrows(LinkFrames.MalformedFrameException.class,
                () -> LinkFrames.read(in(new byte[] {0, 0, 0, 2, LinkFrames.ACK, 0}), f)); // short ACK
        assertThrows(LinkFrames.MalformedFrameException.class,
                () -> LinkFrames.read(in(new byte[] {0, 0, 0, 2, LinkFrames.PING, 0}), f)); // PING with a body
        assertThrows(LinkFrames.MalformedFrameException.class, () -> LinkFrames.read(
                in(new byte[] {0, 0, 0, 9, LinkFrames.DATA, 0, 0, 0, 0, 0, 0, 0, 0}), f)); // seq 0
    }

    @Test
    void outboxDropsOldestBeyondItsBoundAndResendsAfterRewind() {
        Outbox o = new Outbox(10);
        for (int i = 0; i < 5; i++) {
            o.add(new byte[] {(byte) i, 0, 0, 0});
        }
        assertEquals(8, o.queuedBytes());
        assertEquals(3, o.dropped());
        assertEquals(4, o.pendingSeq()); // 1..3 dropped
        assertEquals(3, o.takePending()[0]);
        assertEquals(5, o.pendingSeq());
        o.rewind();
        assertEquals(4, o.pendingSeq());
        o.ack(4);
        assertEquals(4, o.queuedBytes());
        assertEquals(5, o.pendingSeq());
        assertEquals(4, o.takePending()[0]);
        o.ack(100);
        assertEquals(0, o.queuedBytes());
        o.add(new byte[] {9});
        assertEquals(6, o.pendingSeq()); // numbering continues
    }
}
