package org.sintraee.runtime.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.core.Bytes;

/** The writer's own buffer grows at any field, and what it returns is exactly the fields in order. */
class FrameWriterTest {

    @Test
    void everyKindOfFieldCrossesTheGrowthBoundaryIntact() throws IOException {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int run = 0; run < 200; run++) {
            FrameWriter w = new FrameWriter();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            DataOutputStream e = new DataOutputStream(expected);
            int fields = rnd.nextInt(1, 60);
            for (int f = 0; f < fields; f++) {
                byte[] b = new byte[rnd.nextInt(0, run % 10 == 0 ? 5000 : 300)];
                rnd.nextBytes(b);
                switch (rnd.nextInt(6)) {
                    case 0 -> { w.u8(b.length); e.writeByte(b.length); }
                    case 1 -> { w.u16(b.length); e.writeShort(b.length); }
                    case 2 -> { w.i32(-b.length); e.writeInt(-b.length); }
                    case 3 -> { w.i64(b.length * 7919L << 30); e.writeLong(b.length * 7919L << 30); }
                    case 4 -> { w.raw(b); e.write(b); }
                    default -> {
                        if (rnd.nextBoolean()) {
                            w.bytes(b, b.length);
                        } else {
                            w.bytes(Bytes.of(b), b.length);
                        }
                        e.writeInt(b.length);
                        e.write(b);
                    }
                }
            }
            assertArrayEquals(expected.toByteArray(), w.toByteArray(), "run " + run);
        }
    }

    @Test
    void aFieldOverItsLimitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FrameWriter().bytes(new byte[5], 4));
        assertThrows(IllegalArgumentException.class, () -> new FrameWriter().bytes(Bytes.of(new byte[5]), 4));
    }
}
