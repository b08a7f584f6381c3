package org.sintraee.runtime.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sintraee.api.CheckpointCertificate;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.crypto.Decoded;

/** The checkpointed-round encoding: exact round trip, and every bound refused before allocation. */
class CheckpointedRoundTest {
    private static final CheckpointCertificate CERT = new CheckpointCertificate(7, 12, new byte[32], 4, new byte[32],
            new byte[64]);

    private static CheckpointedRound sample() {
        byte[][] path = {new byte[32], new byte[32]};
        path[1][3] = 9;
        return new CheckpointedRound(5, CERT, path, List.of(Bytes.of(new byte[] {1, 2}), Bytes.EMPTY,
                Bytes.of(new byte[100])));
    }

    @Test
    void itRoundTripsExactly() {
        CheckpointedRound c = sample();
        Decoded<CheckpointedRound> d = CheckpointedRound.decode(c.encode(), 3, 100);
        assertTrue(d.ok(), d.toString());
        assertEquals(5, d.get().round());
        assertEquals(CERT, d.get().certificate());
        assertEquals(2, d.get().path().length);
        assertArrayEquals(c.path()[1], d.get().path()[1]);
        assertEquals(c.requests(), d.get().requests());
    }

    @Test
    void boundsAndDamageAreErrorsNotExceptions() {
        byte[] good = sample().encode();
        assertFalse(CheckpointedRound.decode(good, 2, 100).ok(), "more requests than a round holds");
        assertFalse(CheckpointedRound.decode(good, 3, 99).ok(), "a request over the size bound");
        for (int cut = 0; cut < good.length; cut++) {
            assertFalse(CheckpointedRound.decode(Arrays.copyOf(good, cut), 3, 100).ok(), "cut at " + cut);
        }
        assertFalse(CheckpointedRound.decode(Arrays.copyOf(good, good.length + 1), 3, 100).ok(), "a byte too many");
        byte[] hugeCount = good.clone();
        int countAt = good.length - (4 + 2) - 4 - (4 + 100) - 4; // u32 count before the three requests
        hugeCount[countAt] = 0x7f;
        assertFalse(CheckpointedRound.decode(hugeCount, Integer.MAX_VALUE, 100).ok(), "a count past the bytes");
        byte[] deep = good.clone();
        deep[8 + 4 + CERT.toBytes().length] = (byte) 200;
        assertFalse(CheckpointedRound.decode(deep, 3, 100).ok(), "a path too deep");
    }
}
