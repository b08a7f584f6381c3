package org.sintraee.runtime.wire;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.aba.Justification;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.rbc.RbcMessage;

/** Crafted frames whose length fields claim more than the bounds: refused by the bound check, before any allocation. */
class WireBoundsTest {
    private static final Tag TAG = Tag.of("b");

    /** Header for tag "b", then the family and kind bytes. */
    private static ByteBuffer header(int extra, int family, int kind) {
        return ByteBuffer.allocate(8 + extra).put((byte) 'S').put((byte) 'W').put((byte) 1)
                .putShort((short) 1).put((byte) 'b').put((byte) family).put((byte) kind);
    }

    @Test
    void hugeLengthFieldsAreRefusedByTheirBound() {
        // RBC SEND claiming 2 GiB: refused by the payload bound, not by running out of input.
        byte[] send = header(4, 0, 1).putInt(Integer.MAX_VALUE).array();
        assertTrue(WireCodec.decode(send).error().contains("payload length"), WireCodec.decode(send).error());
        byte[] negative = header(4, 0, 1).putInt(-5).array();
        assertTrue(WireCodec.decode(negative).error().contains("payload length"));
        // C-ECHO signature longer than a signature may be.
        byte[] echo = header(4, 1, 2).putInt(WireLimits.MAX_SIGNATURE_BYTES + 1).array();
        assertTrue(WireCodec.decode(echo).error().contains("signature length"));
        // Within bounds but longer than the input: truncated, no allocation of the claimed size.
        byte[] shortSend = header(4, 0, 1).putInt(1000).array();
        assertTrue(WireCodec.decode(shortSend).error().contains("truncated"));
        // Certificate blob over its bound, and a certificate with more signers than allowed.
        byte[] cfinal = header(4 + 32 + 4, 1, 3).putInt(32).put(new byte[32])
                .putInt(WireLimits.MAX_CERTIFICATE_BYTES + 1).array();
        assertTrue(WireCodec.decode(cfinal).error().contains("certificate length"));
        byte[] signers = header(4 + 32 + 8, 1, 3).putInt(32).put(new byte[32]).putInt(4)
                .putInt(WireLimits.MAX_SIGNERS + 1).array();
        assertTrue(WireCodec.decode(signers).error().contains("signer count"));
        // A share over its bound.
        byte[] share = header(8, 2, 1).putInt(1).putInt(WireLimits.MAX_SHARE_BYTES + 1).array();
        assertTrue(WireCodec.decode(share).error().contains("share length"));
        // A catch-up proof over its bound, and a negative round.
        byte[] proof = header(12, 8, 2).putLong(5).putInt(WireLimits.MAX_PROOF_BYTES + 1).array();
        assertTrue(WireCodec.decode(proof).error().contains("proof length"), WireCodec.decode(proof).error());
        byte[] fetch = header(8, 8, 1).putLong(-1).array();
        assertTrue(WireCodec.decode(fetch).error().contains("catch-up round"), WireCodec.decode(fetch).error());
        assertThrows(IllegalArgumentException.class, () -> WireCodec.encode(TAG,
                new CatchUpMessage.Proof(1, Bytes.of(new byte[WireLimits.MAX_PROOF_BYTES + 1]))));
        byte[] checkpointed = header(12, 8, 3).putLong(5).putInt(WireLimits.MAX_PROOF_BYTES + 1).array();
        assertTrue(WireCodec.decode(checkpointed).error().contains("checkpointed round length"),
                WireCodec.decode(checkpointed).error());
    }

    @Test
    void framesAndTagsOverTheBoundAreRefused() {
        assertTrue(WireCodec.decode(new byte[WireLimits.MAX_FRAME_BYTES + 1]).error().contains("exceeds"));
        byte[] tag = ByteBuffer.allocate(8).put((byte) 'S').put((byte) 'W').put((byte) 1).putShort((short) 0xffff).array();
        assertTrue(WireCodec.decode(tag).error().contains("tag of"));
        assertThrows(IllegalArgumentException.class, () -> WireCodec.encode(TAG,
                new RbcMessage.Send(Bytes.of(new byte[WireLimits.MAX_PAYLOAD_BYTES + 1]))));
    }

    @Test
    void nestingIsBounded() {
        Justification j = new Justification.Initial();
        for (int i = 0; i < WireLimits.MAX_DEPTH + 2; i++) {
            j = new Justification.Abstain(j, new Justification.Initial());
        }
        byte[] frame = WireCodec.encode(TAG, new org.sintraee.protocol.aba.AbaMessage.PreVote(1, true, j,
                Bytes.EMPTY, Bytes.EMPTY));
        assertFalse(WireCodec.decode(frame).ok());
        assertTrue(WireCodec.decode(frame).error().contains("nesting"));
    }
}
