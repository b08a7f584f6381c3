package org.sintraee.runtime.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.cert.CertMessage;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.Decoded;

/** SIGN-SHARE frames: round trip, bounds before allocation, and every truncation refused. */
class CertCodecTest {
    private static final Tag TAG = Tag.of("abc", "cert");

    @Test
    void roundTripsAndRefusesBadFrames() {
        CertMessage m = new CertMessage.SignShare(42, new byte[] {1, 2, 3, 4, 5});
        byte[] frame = WireCodec.encode(TAG, m);
        Decoded<WireCodec.Frame> d = WireCodec.decode(frame);
        assertTrue(d.ok(), d.toString());
        assertEquals(m, d.get().message());
        assertEquals(TAG, d.get().tag());
        for (int cut = 0; cut < frame.length; cut++) {
            assertFalse(WireCodec.decode(Arrays.copyOf(frame, cut)).ok(), "truncated at " + cut);
        }
        byte[] negative = frame.clone();
        negative[frame.length - 5 - 4 - 8] = (byte) 0x80; // the round's top byte
        assertFalse(WireCodec.decode(negative).ok(), "negative round");
        byte[] huge = frame.clone();
        huge[frame.length - 5 - 4] = 0x7f; // the share's length: far past MAX_SHARE_BYTES
        assertFalse(WireCodec.decode(huge).ok(), "oversized share length");
        assertThrows(IllegalArgumentException.class, () -> WireCodec.encode(TAG,
                new CertMessage.SignShare(1, new byte[WireLimits.MAX_SHARE_BYTES + 1])));
    }
}
