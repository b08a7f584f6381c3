package org.sintraee.protocol.crypto.shoup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sintraee.protocol.crypto.shoup.ShoupTestKeys.utf8;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.SeededRandom;

/** The share encoding is canonical, and decoding never throws on arbitrary bytes. */
class ShoupShareEncodingTest {

    private static final byte[] CONTEXT = utf8("ctx");
    private static final byte[] MESSAGE = utf8("msg");

    private static ShoupPublicKey pk;
    private static SignatureShare share;
    private static byte[] encoded;

    @BeforeAll
    static void sign() {
        ShoupKeySet keys = ShoupTestKeys.dealt(4, 2);
        pk = keys.publicKey();
        share = keys.share(3).sign(CONTEXT, MESSAGE);
        encoded = share.encode();
    }

    private static void assertMalformed(byte[] bytes, String reasonPart) {
        Decoded<SignatureShare> decoded = assertDoesNotThrow(() -> pk.decodeShare(bytes));
        assertFalse(decoded.ok(), "decoded: " + decoded.value());
        assertTrue(decoded.error().contains(reasonPart), decoded.error());
    }

    @Test
    void roundTripsAndFollowsTheDocumentedLayout() {
        Decoded<SignatureShare> decoded = pk.decodeShare(encoded);
        assertTrue(decoded.ok());
        assertEquals(share, decoded.get());
        assertArrayEquals(encoded, decoded.get().encode());

        ByteBuffer in = ByteBuffer.wrap(encoded);
        assertEquals(3, in.getInt());
        for (BigInteger expected : new BigInteger[] {share.xi(), share.z(), share.c()}) {
            byte[] field = new byte[in.getInt()];
            in.get(field);
            assertTrue(field.length > 0 && field[0] != 0, "minimal, no leading zero");
            assertEquals(expected, new BigInteger(1, field));
        }
        assertFalse(in.hasRemaining());
    }

    @Test
    void everyTruncationIsRejected() {
        for (int length = 0; length < encoded.length; length++) {
            assertMalformed(Arrays.copyOf(encoded, length), "truncated");
        }
    }

    @Test
    void trailingBytesAreRejected() {
        assertMalformed(Arrays.copyOf(encoded, encoded.length + 1), "trailing");
    }

    @Test
    void hugeOrNegativeLengthFieldsAreRejectedBeforeAllocation() {
        int maxField = 2 * pk.modulusByteLength();
        for (int length : new int[] {Integer.MAX_VALUE, -1, Integer.MIN_VALUE, maxField + 1}) {
            byte[] bytes = encoded.clone();
            ByteBuffer.wrap(bytes).putInt(4, length); // the length of x_i
            assertMalformed(bytes, "length of x_i out of range");
        }
        byte[] header = ByteBuffer.allocate(12).putInt(1).putInt(maxField).putInt(0).array();
        assertMalformed(header, "truncated inside x_i");
    }

    @Test
    void oversizedInputIsRejectedWithoutParsing() {
        assertMalformed(new byte[4 + 3 * (4 + 2 * pk.modulusByteLength()) + 1], "longer than any share");
    }

    @Test
    void nonPositiveIndexIsRejected() {
        for (int index : new int[] {0, -1, Integer.MIN_VALUE}) {
            byte[] bytes = encoded.clone();
            ByteBuffer.wrap(bytes).putInt(0, index);
            assertMalformed(bytes, "index must be positive");
        }
    }

    @Test
    void leadingZeroBytesAreNonCanonical() {
        ByteBuffer in = ByteBuffer.wrap(encoded);
        in.getInt();
        byte[] xi = new byte[in.getInt()];
        in.get(xi);
        byte[] rest = Arrays.copyOfRange(encoded, in.position(), encoded.length);
        byte[] padded = ByteBuffer.allocate(encoded.length + 1).putInt(3).putInt(xi.length + 1)
                .put((byte) 0).put(xi).put(rest).array();
        assertMalformed(padded, "non-canonical");
    }

    @Test
    void zeroLengthFieldsDecodeToZeroAndVerificationRejectsThem() {
        byte[] zeros = ByteBuffer.allocate(16).putInt(1).putInt(0).putInt(0).putInt(0).array();
        Decoded<SignatureShare> decoded = pk.decodeShare(zeros);
        assertTrue(decoded.ok());
        assertEquals(BigInteger.ZERO, decoded.get().xi());
        assertFalse(pk.verifyShare(CONTEXT, MESSAGE, decoded.get()).isValid());
    }

    @Test
    void randomGarbageAndMutationsNeverThrowAndNeverVerify() {
        SeededRandom rnd = new SeededRandom(99);
        for (int trial = 0; trial < 5_000; trial++) {
            byte[] bytes;
            if (trial % 2 == 0) {
                bytes = new byte[rnd.nextInt(encoded.length + 40)];
                rnd.nextBytes(bytes);
                if (bytes.length >= 4 && trial % 4 == 0) {
                    ByteBuffer.wrap(bytes).putInt(0, 1 + rnd.nextInt(4)); // a plausible index
                }
            } else {
                bytes = encoded.clone();
                int at = rnd.nextInt(bytes.length);
                bytes[at] ^= (byte) (1 + rnd.nextInt(255));
            }
            byte[] input = bytes;
            Decoded<SignatureShare> decoded = assertDoesNotThrow(() -> pk.decodeShare(input));
            if (decoded.ok()) {
                assertFalse(assertDoesNotThrow(() -> pk.verifyShare(CONTEXT, MESSAGE, decoded.get())).isValid(),
                        "a mutated share verified");
            } else {
                assertTrue(decoded.error().startsWith("malformed signature share"), decoded.error());
            }
        }
        assertMalformed(null, "no bytes");
    }
}
