package org.sintraee.protocol.crypto.ec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.crypto.Hashes;

class DleqTest {
    private static final BigInteger X = new BigInteger("1234567890123456789012345678901234567890");
    private static final ECPoint H = Secp256k1.hashToPoint("test", new byte[] {9});
    private static final Dleq.Statement STATEMENT = new Dleq.Statement(
            Secp256k1.G, Secp256k1.fixedBaseMul(Secp256k1.G, X), H, Secp256k1.mulSecret(H, X));
    private static final byte[] CONTEXT = Hashes.utf8("abc/1/coin");

    @Test
    void honestProofVerifies() {
        Dleq.Proof p = Dleq.prove("d", X, STATEMENT, CONTEXT);
        assertTrue(Dleq.verify("d", STATEMENT, p, CONTEXT).isValid());
        assertEquals(p, Dleq.Proof.decode(p.encode(), 0).get());
    }

    @Test
    void proofIsBoundToContextDomainAndStatement() {
        Dleq.Proof p = Dleq.prove("d", X, STATEMENT, CONTEXT);
        assertFalse(Dleq.verify("d", STATEMENT, p, Hashes.utf8("abc/2/coin")).isValid(), "other context");
        assertFalse(Dleq.verify("e", STATEMENT, p, CONTEXT).isValid(), "other domain");
        Dleq.Statement other = new Dleq.Statement(STATEMENT.g1(), STATEMENT.h1(), STATEMENT.g2(),
                STATEMENT.h2().add(Secp256k1.G).normalize());
        assertFalse(Dleq.verify("d", other, p, CONTEXT).isValid(), "other h2");
    }

    @Test
    void wrongWitnessDoesNotVerify() {
        Dleq.Statement lying = new Dleq.Statement(STATEMENT.g1(), STATEMENT.h1(), H,
                Secp256k1.mulSecret(H, X.add(BigInteger.ONE)));
        Dleq.Proof p = Dleq.prove("d", X, lying, CONTEXT);
        assertFalse(Dleq.verify("d", lying, p, CONTEXT).isValid());
    }

    @Test
    void nonceIsDeterministicPerStatementAndDiffersAcrossStatements() {
        Dleq.Proof a = Dleq.prove("d", X, STATEMENT, CONTEXT);
        Dleq.Proof b = Dleq.prove("d", X, STATEMENT, CONTEXT);
        Dleq.Proof c = Dleq.prove("d", X, STATEMENT, Hashes.utf8("other"));
        assertEquals(a, b);
        // z - c*x = w: equal nonces under different challenges would reveal x.
        BigInteger wa = a.z().subtract(a.c().multiply(X)).mod(Secp256k1.Q);
        BigInteger wc = c.z().subtract(c.c().multiply(X)).mod(Secp256k1.Q);
        assertFalse(wa.equals(wc));
    }

    @Test
    void truncatedOrOutOfRangeProofsDoNotDecode() {
        assertFalse(Dleq.Proof.decode(new byte[63], 0).ok());
        byte[] big = new byte[64];
        java.util.Arrays.fill(big, (byte) 0xff);
        assertTrue(Dleq.Proof.decode(big, 0).error().contains("group order"));
    }
}
