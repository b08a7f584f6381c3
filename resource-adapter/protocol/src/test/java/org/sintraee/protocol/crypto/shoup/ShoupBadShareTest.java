package org.sintraee.protocol.crypto.shoup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sintraee.protocol.crypto.shoup.ShoupTestKeys.utf8;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.crypto.Verdict;

/** Every kind of bad share is rejected with a reason, and verification never throws. */
class ShoupBadShareTest {

    private static final byte[] CONTEXT = utf8("instance-1/sign");
    private static final byte[] MESSAGE = utf8("transfer 10 to alice");

    private static ShoupKeySet keys;
    private static ShoupPublicKey pk;
    private static BigInteger p;
    private static SignatureShare good;

    @BeforeAll
    static void deal() {
        // Over the fixture primes, so that a multiple of p (not in Z_N^*) can be built.
        keys = ShoupTestKeys.fromFixture(512, 4, 2, 11);
        pk = keys.publicKey();
        p = ShoupTestKeys.fixturePrimes(512)[0];
        good = keys.share(2).sign(CONTEXT, MESSAGE);
    }

    private static void assertRejected(SignatureShare share, String reasonPart) {
        Verdict verdict = pk.verifyShare(CONTEXT, MESSAGE, share);
        assertFalse(verdict.isValid(), "accepted: " + share);
        assertTrue(verdict.reason().contains(reasonPart), "reason: " + verdict.reason());
    }

    @Test
    void theUntamperedShareIsValid() {
        assertTrue(pk.verifyShare(CONTEXT, MESSAGE, good).isValid());
    }

    @Test
    void tamperedZIsRejected() {
        assertRejected(new SignatureShare(2, good.xi(), good.z().add(BigInteger.ONE), good.c()), "proof");
    }

    @Test
    void tamperedCIsRejected() {
        assertRejected(new SignatureShare(2, good.xi(), good.z(), good.c().flipBit(0)), "proof");
    }

    @Test
    void tamperedXiIsRejected() {
        BigInteger other = good.xi().multiply(BigInteger.valueOf(4)).mod(pk.modulus());
        assertRejected(new SignatureShare(2, other, good.z(), good.c()), "proof");
    }

    @Test
    void shareClaimingAnotherServersIndexIsRejected() {
        assertRejected(new SignatureShare(3, good.xi(), good.z(), good.c()), "proof");
        Verdict fromSender = pk.verifyShare(CONTEXT, MESSAGE, good, 3);
        assertFalse(fromSender.isValid());
        assertTrue(fromSender.reason().contains("claims index 2 but came from server 3"), fromSender.reason());
    }

    @Test
    void indexOutOfRangeIsRejected() {
        assertRejected(new SignatureShare(5, good.xi(), good.z(), good.c()), "index 5 out of range");
    }

    @Test
    void shareForAnotherMessageIsRejected() {
        SignatureShare other = keys.share(2).sign(CONTEXT, utf8("transfer 10 to mallory"));
        assertRejected(other, "proof");
    }

    @Test
    void shareForAnotherContextIsRejected() {
        SignatureShare other = keys.share(2).sign(utf8("instance-2/sign"), MESSAGE);
        assertRejected(other, "proof");
    }

    @Test
    void xiOutOfRangeIsRejected() {
        assertRejected(new SignatureShare(2, BigInteger.ZERO, good.z(), good.c()), "zero");
        assertRejected(new SignatureShare(2, pk.modulus(), good.z(), good.c()), ">= N");
        assertRejected(new SignatureShare(2, pk.modulus().add(good.xi()), good.z(), good.c()), ">= N");
        assertRejected(new SignatureShare(2, p, good.z(), good.c()), "not in Z_N^*");
        assertRejected(new SignatureShare(2, p.multiply(BigInteger.TWO), good.z(), good.c()), "not in Z_N^*");
    }

    @Test
    void oversizedProofValuesAreRejectedBeforeExponentiating() {
        assertRejected(new SignatureShare(2, good.xi(), good.z(), BigInteger.ONE.shiftLeft(ShareProof.L1)), "c");
        BigInteger hugeZ = BigInteger.ONE.shiftLeft(pk.modulus().bitLength() + 2 * ShareProof.L1 + 1);
        assertRejected(new SignatureShare(2, good.xi(), hugeZ, good.c()), "z is longer");
    }

    @Test
    void negatedXiVerifiesAndCombinesAlike() {
        // By design (paper, section 2) the proof is about x_i^2 and combining uses x_i^2, so
        // N - x_i is as good as x_i: a server gains nothing by sending it.
        SignatureShare negated = new SignatureShare(2, pk.modulus().subtract(good.xi()), good.z(), good.c());
        assertTrue(pk.verifyShare(CONTEXT, MESSAGE, negated).isValid());
        SignatureShare s1 = keys.share(1).sign(CONTEXT, MESSAGE);
        assertArrayEquals(pk.combine(CONTEXT, MESSAGE, List.of(s1, good)),
                pk.combine(CONTEXT, MESSAGE, List.of(s1, negated)));
    }

    @Test
    void combiningAnUnverifiedBadShareThrowsAndNamesIt() {
        SignatureShare s1 = keys.share(1).sign(CONTEXT, MESSAGE);
        BigInteger wrongXi = good.xi().multiply(BigInteger.valueOf(9)).mod(pk.modulus());
        SignatureShare bad = new SignatureShare(2, wrongXi, good.z(), good.c());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pk.combine(CONTEXT, MESSAGE, List.of(s1, bad)));
        assertTrue(e.getMessage().contains("verifyShare") && e.getMessage().contains("share index 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> pk.combine(CONTEXT, MESSAGE, List.of(s1, new SignatureShare(2, p, good.z(), good.c()))));
    }
}
