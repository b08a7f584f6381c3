package org.sintraee.protocol.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BytesTest {

    @Test
    void valueSemanticsAndDefensiveCopies() {
        byte[] raw = {1, 2, 3};
        Bytes b = Bytes.of(raw);
        raw[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, b.toArray(), "later changes to the source do not leak in");
        b.toArray()[1] = 9;
        assertEquals(Bytes.of(new byte[] {1, 2, 3}), b, "changes to a returned copy do not leak in");
        assertEquals(Bytes.of(new byte[] {1, 2, 3}).hashCode(), b.hashCode());
        assertNotEquals(Bytes.of(new byte[] {1, 2}), b);
        assertTrue(Bytes.of(new byte[0]).isEmpty());
        assertTrue(Bytes.of(new byte[] {(byte) 0xff}).compareTo(Bytes.of(new byte[] {1})) > 0, "unsigned order");
    }

    @Test
    void textIsShortAndDeterministic() {
        assertEquals("3B:010203", Bytes.of(new byte[] {1, 2, 3}).toString());
        assertEquals("10B:0000000000000000..", Bytes.of(new byte[10]).toString());
    }

    @Test
    void hashSeesEveryByteAndTheLength() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        for (int length : new int[] {1, 7, 8, 9, 15, 16, 17, 1024}) {
            byte[] raw = new byte[length];
            rnd.nextBytes(raw);
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            seen.add(Bytes.of(raw).hashCode());
            for (int i = 0; i < length; i++) { // a change in any one byte, word or tail, moves the hash
                byte[] flipped = raw.clone();
                flipped[i] ^= (byte) (1 << (i % 8));
                assertTrue(seen.add(Bytes.of(flipped).hashCode()), "length " + length + ", byte " + i);
            }
            assertNotEquals(Bytes.of(raw).hashCode(), Bytes.of(java.util.Arrays.copyOf(raw, length + 1)).hashCode(),
                    "a trailing zero byte is another value");
        }
        assertEquals(Bytes.hash(new byte[] {1, 2, 3}), Bytes.of(new byte[] {1, 2, 3}).hashCode(), "stable across instances");
    }
}
