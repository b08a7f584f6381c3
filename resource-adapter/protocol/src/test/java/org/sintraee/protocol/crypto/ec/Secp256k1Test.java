package org.sintraee.protocol.crypto.ec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.Shamir;

class Secp256k1Test {

    @Test
    void multiplicationsAgree() {
        SeededRandom rnd = new SeededRandom(1);
        for (int i = 0; i < 20; i++) {
            BigInteger k = Shamir.randomBelow(Secp256k1.Q, rnd);
            ECPoint reference = Secp256k1.G.multiply(k).normalize();
            assertEquals(reference, Secp256k1.fixedBaseMul(Secp256k1.G, k));
            assertEquals(reference, Secp256k1.mulSecret(Secp256k1.G, k));
            assertEquals(reference, Secp256k1.mul(Secp256k1.G, k));
        }
    }

    @Test
    void pointsRoundTripCompressed() {
        ECPoint p = Secp256k1.fixedBaseMul(Secp256k1.G, BigInteger.valueOf(12345));
        byte[] enc = Secp256k1.encode(p);
        assertEquals(33, enc.length);
        assertEquals(p, Secp256k1.decodePoint(enc).get());
    }

    @Test
    void decodeRejectsInfinityOffCurveWrongLengthAndUncompressed() {
        assertFalse(Secp256k1.decodePoint(new byte[] {0}).ok(), "infinity encoding");
        assertFalse(Secp256k1.decodePoint(new byte[33]).ok(), "all zeros");
        byte[] offCurve = new byte[33];
        offCurve[0] = 0x02;
        offCurve[32] = 5; // x = 5: x^3 + 7 = 132 is not a square mod p
        Decoded<ECPoint> d = Secp256k1.decodePoint(offCurve);
        assertFalse(d.ok());
        assertTrue(d.error().contains("curve"), d.error());
        byte[] bigX = new byte[33];
        java.util.Arrays.fill(bigX, (byte) 0xff);
        bigX[0] = 0x02;
        assertFalse(Secp256k1.decodePoint(bigX).ok(), "x not below p");
        assertFalse(Secp256k1.decodePoint(Secp256k1.G.getEncoded(false)).ok(), "uncompressed is refused");
        assertFalse(Secp256k1.decodePoint(new byte[32]).ok());
        assertFalse(Secp256k1.decodePoint(null).ok());
    }

    @Test
    void scalarsAtOrAboveTheOrderAreRejected() {
        assertFalse(Secp256k1.decodeScalar(unreduced(Secp256k1.Q)).ok());
        assertFalse(Secp256k1.decodeScalar(unreduced(Secp256k1.Q.add(BigInteger.TEN))).ok());
        assertTrue(Secp256k1.decodeScalar(Secp256k1.encodeScalar(Secp256k1.Q.subtract(BigInteger.ONE))).ok());
        assertFalse(Secp256k1.decodeScalar(new byte[31]).ok());
    }

    static byte[] unreduced(BigInteger v) {
        byte[] raw = v.toByteArray();
        return java.util.Arrays.copyOfRange(raw, raw.length - 32, raw.length);
    }

    @Test
    void hashToPointIsDeterministicAndDomainSeparated() {
        byte[] data = {1, 2, 3};
        ECPoint a = Secp256k1.hashToPoint("a", data);
        assertEquals(a, Secp256k1.hashToPoint("a", data));
        assertNotEquals(a, Secp256k1.hashToPoint("b", data));
        assertNotEquals(Secp256k1.G, Secp256k1.G_BAR);
        assertTrue(a.isValid());
    }

    @Test
    void encodeAllMatchesOneByOne() {
        ECPoint p = Secp256k1.G.twice();
        ECPoint q = Secp256k1.G.add(p);
        byte[][] all = Secp256k1.encodeAll(p, q);
        assertArrayEquals(Secp256k1.encode(p.normalize()), all[0]);
        assertArrayEquals(Secp256k1.encode(q.normalize()), all[1]);
    }
}
