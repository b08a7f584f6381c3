package org.sintraee.protocol.crypto.ec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sintraee.protocol.crypto.SeededRandom;

/** Loading keys: every inconsistency is an IllegalArgumentException naming the field. */
class Tdh2KeyLoadingTest {

    private static final DlogSharing D = DlogSharing.deal(7, 3, new SeededRandom(21));
    private static final DlogSharing OTHER = DlogSharing.deal(7, 3, new SeededRandom(22));

    private static void assertFails(String messagePart, Executable load) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, load);
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    @Test
    void aConsistentDealingLoads() {
        Tdh2 scheme = Tdh2.of(D);
        assertEquals(7, scheme.servers());
        assertEquals(3, scheme.threshold());
        assertEquals(D.publicKey(), scheme.publicKey());
        for (int i = 1; i <= 7; i++) {
            assertEquals(i, new Tdh2Key(scheme, i, D.secretShare(i)).index());
        }
        DlogSharing single = DlogSharing.deal(1, 1, new SeededRandom(23));
        assertEquals(1, Tdh2.of(single).servers());
    }

    @Test
    void thresholdOutOfRangeIsRejected() {
        assertFails("tdh2 threshold 0 must be in 1..7", () -> new Tdh2(0, D.publicKey(), D.verificationKeys()));
        assertFails("tdh2 threshold 8 must be in 1..7", () -> new Tdh2(8, D.publicKey(), D.verificationKeys()));
        assertFails("tdh2 threshold 1 must be in 1..0", () -> new Tdh2(1, D.publicKey(), List.of()));
    }

    @Test
    void keysThatAreNotGroupElementsAreRejected() {
        ECPoint infinity = Secp256k1.CURVE.getInfinity();
        assertFails("tdh2 public key is not a group element", () -> new Tdh2(3, infinity, D.verificationKeys()));
        assertFails("tdh2 public key is not a group element", () -> new Tdh2(3, null, D.verificationKeys()));
        List<ECPoint> vks = new ArrayList<>(D.verificationKeys());
        vks.set(4, infinity);
        assertFails("tdh2 verification key 5 is not a group element", () -> new Tdh2(3, D.publicKey(), vks));
    }

    @Test
    void verificationKeysFromAnotherDealingOrCountAreRejected() {
        List<ECPoint> mixed = new ArrayList<>(D.verificationKeys());
        mixed.set(5, OTHER.verificationKeys().get(5));
        assertFails("tdh2 verification key 6 is inconsistent", () -> new Tdh2(3, D.publicKey(), mixed));
        assertFails("is inconsistent", () -> new Tdh2(3, OTHER.publicKey(), D.verificationKeys()));
        // Dropping a key from the list shifts nothing here but leaves too few for a bigger threshold.
        assertFails("tdh2 threshold 7 must be in 1..6",
                () -> new Tdh2(7, D.publicKey(), D.verificationKeys().subList(0, 6)));
        // Wrong threshold for the dealing: degree-2 keys do not lie on a degree-1 polynomial.
        assertFails("is inconsistent", () -> new Tdh2(2, D.publicKey(), D.verificationKeys()));
    }

    @Test
    void keyShareMustMatchItsVerificationKey() {
        Tdh2 scheme = Tdh2.of(D);
        assertFails("tdh2 key share does not match verification key 2", () -> new Tdh2Key(scheme, 2, D.secretShare(3)));
        assertFails("tdh2 key share does not match verification key 2",
                () -> new Tdh2Key(scheme, 2, OTHER.secretShare(2)));
        assertFails("tdh2 key index 0 is not in 1..7", () -> new Tdh2Key(scheme, 0, D.secretShare(1)));
        assertFails("tdh2 key index 8 is not in 1..7", () -> new Tdh2Key(scheme, 8, D.secretShare(1)));
        assertFails("tdh2 key share is out of range", () -> new Tdh2Key(scheme, 1, BigInteger.ZERO));
        assertFails("tdh2 key share is out of range", () -> new Tdh2Key(scheme, 1, Secp256k1.Q));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Tdh2Key(scheme, 2, D.secretShare(3)));
        assertTrue(!e.getMessage().contains(D.secretShare(3).toString()), "secret in an exception message");
    }
}
