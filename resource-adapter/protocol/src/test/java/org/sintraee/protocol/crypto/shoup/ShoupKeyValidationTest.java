package org.sintraee.protocol.crypto.shoup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sintraee.protocol.crypto.SeededRandom;

/** Loading keys: each bad field is refused with a message naming it, never a secret. */
class ShoupKeyValidationTest {

    private static ShoupKeySet keys;
    private static ShoupPublicKey pk;

    @BeforeAll
    static void deal() {
        keys = ShoupTestKeys.dealt(4, 2);
        pk = keys.publicKey();
    }

    private static void assertRefused(String fieldNamed, Executable load) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, load);
        assertTrue(e.getMessage().contains(fieldNamed), e.getMessage());
    }

    private static ShoupPublicKey with(BigInteger modulus, BigInteger e, int n, int k, BigInteger v,
                                       List<BigInteger> vi, BigInteger u) {
        return new ShoupPublicKey(modulus, e, n, k, v, vi, u);
    }

    @Test
    void theDealtKeyLoads() {
        ShoupPublicKey copy = with(pk.modulus(), pk.publicExponent(), 4, 2, pk.v(), pk.verificationKeys(), pk.u());
        assertEquals(pk, copy);
        assertEquals(BigInteger.valueOf(65537), pk.publicExponent());
        assertEquals(BigInteger.valueOf(24), pk.delta());
    }

    @Test
    void mismatchedVerificationKeyCountIsRefused() {
        List<BigInteger> three = pk.verificationKeys().subList(0, 3);
        assertRefused("verification keys v_i: expected n=4 values, got 3",
                () -> with(pk.modulus(), pk.publicExponent(), 4, 2, pk.v(), three, pk.u()));
        List<BigInteger> five = new ArrayList<>(pk.verificationKeys());
        five.add(pk.v());
        assertRefused("verification keys v_i", () -> with(pk.modulus(), pk.publicExponent(), 4, 2, pk.v(), five, pk.u()));
    }

    @Test
    void publicExponentMustBeAPrimeAboveN() {
        assertRefused("public exponent e", () -> with(pk.modulus(), BigInteger.valueOf(65535), 4, 2, pk.v(),
                pk.verificationKeys(), pk.u()));
        assertRefused("public exponent e", () -> with(pk.modulus(), BigInteger.valueOf(3), 4, 2, pk.v(),
                pk.verificationKeys(), pk.u()));
        assertRefused("public exponent e", () -> with(pk.modulus(), BigInteger.valueOf(4), 4, 2, pk.v(),
                pk.verificationKeys(), pk.u()));
    }

    @Test
    void thresholdAndServerCountMustBeInRange() {
        assertRefused("threshold k", () -> with(pk.modulus(), pk.publicExponent(), 4, 0, pk.v(), pk.verificationKeys(), pk.u()));
        assertRefused("threshold k", () -> with(pk.modulus(), pk.publicExponent(), 4, 5, pk.v(), pk.verificationKeys(), pk.u()));
        assertRefused("number of servers n", () -> with(pk.modulus(), pk.publicExponent(), 0, 0, pk.v(), List.of(), pk.u()));
    }

    @Test
    void groupElementsMustBeInRange() {
        assertRefused("modulus N", () -> with(pk.modulus().add(BigInteger.ONE), pk.publicExponent(), 4, 2, pk.v(),
                pk.verificationKeys(), pk.u()));
        assertRefused("modulus N", () -> with(BigInteger.ONE.shiftLeft(300).add(BigInteger.ONE), pk.publicExponent(),
                4, 2, pk.v(), pk.verificationKeys(), pk.u()));
        assertRefused("verification key v", () -> with(pk.modulus(), pk.publicExponent(), 4, 2, BigInteger.ONE,
                pk.verificationKeys(), pk.u()));
        assertRefused("verification key v", () -> with(pk.modulus(), pk.publicExponent(), 4, 2, pk.modulus(),
                pk.verificationKeys(), pk.u()));
        List<BigInteger> badVi = new ArrayList<>(pk.verificationKeys());
        badVi.set(2, BigInteger.ZERO);
        assertRefused("verification key v_3", () -> with(pk.modulus(), pk.publicExponent(), 4, 2, pk.v(), badVi, pk.u()));
        badVi.set(2, pk.modulus().add(BigInteger.TWO));
        assertRefused("verification key v_3", () -> with(pk.modulus(), pk.publicExponent(), 4, 2, pk.v(), badVi, pk.u()));
        BigInteger squareU = pk.u().multiply(pk.u()).mod(pk.modulus()); // Jacobi symbol +1
        assertRefused("u must", () -> with(pk.modulus(), pk.publicExponent(), 4, 2, pk.v(), pk.verificationKeys(), squareU));
    }

    @Test
    void aShareThatDoesNotMatchItsVerificationKeyIsRefusedWithoutRevealingIt() {
        BigInteger wrong = keys.share(1).secretShare().add(BigInteger.ONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ShoupKeyShare(1, wrong, pk));
        assertTrue(e.getMessage().contains("does not match verification key v_1"), e.getMessage());
        assertFalse(e.getMessage().contains(wrong.toString()) || e.getMessage().contains(wrong.toString(16)));
        assertRefused("share index i", () -> new ShoupKeyShare(5, keys.share(1).secretShare(), pk));
        assertRefused("secret share s_1 out of range", () -> new ShoupKeyShare(1, pk.modulus(), pk));
    }

    @Test
    void secretsNeverAppearInToString() {
        for (ShoupKeyShare share : keys.shares()) {
            String s = share + " " + keys;
            assertFalse(s.contains(share.secretShare().toString()), s);
            assertFalse(s.contains(share.secretShare().toString(16)), s);
            assertTrue(share.toString().contains("<secret>"));
        }
    }

    @Test
    void dealerRefusesSmallModuliExceptOnTheTestPath() {
        assertRefused("dealInsecureForTests", () -> ShoupDealer.deal(4, 2, 512, new SeededRandom(1)));
        assertRefused("modulusBits", () -> ShoupDealer.dealInsecureForTests(4, 2, 256, new SeededRandom(1)));
        assertRefused("modulusBits must be even", () -> ShoupDealer.dealInsecureForTests(4, 2, 513, new SeededRandom(1)));
        assertRefused("threshold k", () -> ShoupDealer.dealInsecureForTests(4, 5, 512, new SeededRandom(1)));
        BigInteger[] pq = ShoupTestKeys.fixturePrimes(512);
        assertRefused("dealInsecureForTests", () -> ShoupDealer.dealFromSafePrimes(pq[0], pq[1], 4, 2,
                new SeededRandom(1), false, DealProgress.NONE));
        BigInteger notSafe = pq[1].nextProbablePrime(); // same size, so only safety fails
        while (notSafe.shiftRight(1).isProbablePrime(64)) {
            notSafe = notSafe.nextProbablePrime();
        }
        BigInteger q = notSafe;
        assertRefused("safe primes", () -> ShoupDealer.dealFromSafePrimes(pq[0], q, 4, 2,
                new SeededRandom(1), true, DealProgress.NONE));
        assertEquals(2048, ShoupDealer.DEFAULT_MODULUS_BITS);
    }

    @Test
    void publicExponentIs65537OrTheNextSuitablePrimeAboveN() {
        BigInteger m = BigInteger.valueOf(1_000_003L * 1_000_033L);
        assertEquals(BigInteger.valueOf(65537), ShoupDealer.publicExponent(4, m));
        assertEquals(BigInteger.valueOf(70001), ShoupDealer.publicExponent(70_000, m));
        // A prime dividing m = p'q' has no inverse mod m; the dealer moves on to the next one.
        assertEquals(BigInteger.valueOf(65539), ShoupDealer.publicExponent(4, BigInteger.valueOf(65537L * 1_000_003L)));
    }

    @Test
    void convertsToAJcaRsaKey() {
        RSAPublicKey jca = pk.toJcaPublicKey();
        assertEquals(pk.modulus(), jca.getModulus());
        assertEquals(pk.publicExponent(), jca.getPublicExponent());
        assertEquals("RSA", jca.getAlgorithm());
    }
}
