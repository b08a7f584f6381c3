package org.sintraee.runtime.wire;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.core.Tag;

/**
 * A million hostile frames: random bytes and mutations of real frames (bit flips, truncations,
 * huge length fields, inserted and deleted bytes). Decode must never throw, and no decode may
 * allocate more than a small multiple of its input (the bounds are checked before allocation).
 * Replay one seed with -Dwire.seed=S.
 */
class WireFuzzTest {
    private static final int FRAMES = 1_000_000;

    @Test
    void decodeNeverThrowsAndStaysBounded() {
        long seed = Long.getLong("wire.seed", System.nanoTime());
        SplittableRandom rnd = new SplittableRandom(seed);
        List<byte[]> corpus = corpus();
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long start = System.nanoTime();
        int accepted = 0;
        for (int i = 0; i < FRAMES; i++) {
            byte[] input = i % 8 == 0 ? random(rnd) : mutate(corpus.get(rnd.nextInt(corpus.size())), rnd);
            boolean measure = i % 64 == 0;
            long before = measure ? mx.getThreadAllocatedBytes(tid) : 0;
            try {
                if (WireCodec.decode(input).ok()) {
                    accepted++;
                }
            } catch (Throwable e) {
                fail("decode threw " + e + " at frame " + i + "; seed " + seed + " (replay: mvn test -Dtest=WireFuzzTest"
                        + " -Dwire.seed=" + seed + "); input " + HexFormat.of().formatHex(input), e);
            }
            if (measure) {
                long allocated = mx.getThreadAllocatedBytes(tid) - before;
                long bound = 16L * input.length + 256 * 1024;
                assertTrue(allocated <= bound, "decode of " + input.length + " bytes allocated " + allocated
                        + "; seed " + seed + "; input " + HexFormat.of().formatHex(input));
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("wire fuzz: " + FRAMES + " frames, " + accepted + " accepted, " + ms + " ms, seed " + seed);
    }

    /** Valid frames of every kind: the hand-built ones and one real SC-ABC stack run. */
    private static List<byte[]> corpus() {
        Tag tag = Tag.of("svc", "fuzz").child(3);
        List<byte[]> out = new ArrayList<>();
        for (Object m : WireCaptures.synthetic()) {
            out.add(WireCodec.encode(tag, m));
        }
        List<Object> real = new ArrayList<>(WireCaptures.rbcRun(11));
        real.addAll(WireCaptures.stackRun(11, 2));
        real.addAll(WireCaptures.abaRun(11));
        for (int i = 0; i < real.size(); i += Math.max(1, real.size() / 400)) {
            for (Object layer : WireCaptures.layers(real.get(i))) {
                out.add(WireCodec.encode(tag, layer));
            }
        }
        return out;
    }

    private static byte[] random(SplittableRandom rnd) {
        byte[] b = new byte[rnd.nextInt(0, 96)];
        rnd.nextBytes(b);
        if (b.length > 3 && rnd.nextBoolean()) {
            b[0] = 'S'; // get past the magic and version often enough to reach the fields
            b[1] = 'W';
            b[2] = 1;
        }
        return b;
    }

    private static byte[] mutate(byte[] valid, SplittableRandom rnd) {
        byte[] b = valid.clone();
        int rounds = 1 + rnd.nextInt(3);
        for (int r = 0; r < rounds && b.length > 0; r++) {
            int at = rnd.nextInt(b.length);
            switch (rnd.nextInt(6)) {
                case 0 -> b[at] ^= (byte) (1 << rnd.nextInt(8));
                case 1 -> b = Arrays.copyOf(b, at);
                case 2 -> { // a length field (or anything) set to a huge or negative value
                    int v = switch (rnd.nextInt(4)) {
                        case 0 -> Integer.MAX_VALUE;
                        case 1 -> -1;
                        case 2 -> WireLimits.MAX_PAYLOAD_BYTES + 1;
                        default -> rnd.nextInt();
                    };
                    for (int k = 0; k < 4 && at + k < b.length; k++) {
                        b[at + k] = (byte) (v >>> (24 - 8 * k));
                    }
                }
                case 3 -> {
                    byte[] ins = new byte[1 + rnd.nextInt(8)];
                    rnd.nextBytes(ins);
                    byte[] n = new byte[b.length + ins.length];
                    System.arraycopy(b, 0, n, 0, at);
                    System.arraycopy(ins, 0, n, at, ins.length);
                    System.arraycopy(b, at, n, at + ins.length, b.length - at);
                    b = n;
                }
                case 4 -> {
                    int len = Math.min(b.length - at, 1 + rnd.nextInt(8));
                    byte[] n = new byte[b.length - len];
                    System.arraycopy(b, 0, n, 0, at);
                    System.arraycopy(b, at + len, n, at, b.length - at - len);
                    b = n;
                }
                default -> b[at] = (byte) rnd.nextInt(256);
            }
        }
        return b;
    }
}
