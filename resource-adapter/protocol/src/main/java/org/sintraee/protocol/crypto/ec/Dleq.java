package org.sintraee.protocol.crypto.ec;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.Hashes;
import org.sintraee.protocol.crypto.Verdict;

/**
 * Non-interactive Chaum–Pedersen proof that {@code log_g1(h1) = log_g2(h2)}, made
 * non-interactive by Fiat–Shamir. The challenge hashes the whole statement, both
 * commitments and the caller's context (the instance tag and anything else the proof
 * must be bound to), under a domain name, so a proof never transfers to another
 * statement, instance or scheme.
 *
 * <p>The nonce is a PRF of the witness and the whole statement (RFC 6979 style): the
 * core stays deterministic, and since the same statement always gets the same nonce,
 * a nonce is never reused under two different challenges.
 */
public final class Dleq {

    public static final int PROOF_BYTES = 2 * Secp256k1.SCALAR_BYTES;

    private Dleq() {
    }

    /** The statement's four points. */
    public record Statement(ECPoint g1, ECPoint h1, ECPoint g2, ECPoint h2) {
        byte[][] encoded() {
            return Secp256k1.encodeAll(g1, h1, g2, h2);
        }
    }

    /** A proof (c, z): {@code g1^z = a1 h1^c} and {@code g2^z = a2 h2^c}. */
    public record Proof(BigInteger c, BigInteger z) {
        public byte[] encode() {
            byte[] out = new byte[PROOF_BYTES];
            System.arraycopy(Secp256k1.encodeScalar(c), 0, out, 0, 32);
            System.arraycopy(Secp256k1.encodeScalar(z), 0, out, 32, 32);
            return out;
        }

        public static Decoded<Proof> decode(byte[] bytes, int offset) {
            if (bytes.length - offset < PROOF_BYTES) {
                return Decoded.error("proof truncated");
            }
            byte[] c = java.util.Arrays.copyOfRange(bytes, offset, offset + 32);
            byte[] z = java.util.Arrays.copyOfRange(bytes, offset + 32, offset + 64);
            Decoded<BigInteger> dc = Secp256k1.decodeScalar(c);
            Decoded<BigInteger> dz = Secp256k1.decodeScalar(z);
            if (!dc.ok()) {
                return Decoded.error("proof challenge: " + dc.error());
            }
            if (!dz.ok()) {
                return Decoded.error("proof response: " + dz.error());
            }
            return Decoded.of(new Proof(dc.get(), dz.get()));
        }
    }

    /**
     * Proves the statement with witness {@code x} (so {@code h1 = g1^x}, {@code h2 = g2^x}).
     * {@code g1} is usually the fixed generator; the multiplications by the nonce are
     * constant time since the nonce is as secret as the witness.
     */
    public static Proof prove(String domain, BigInteger x, Statement s, byte[] context) {
        byte[][] enc = s.encoded();
        BigInteger w = Hashes.prfScalar(Secp256k1.Q, Secp256k1.encodeScalar(x), domain + "/nonce",
                enc[0], enc[1], enc[2], enc[3], context);
        ECPoint a1 = s.g1() == Secp256k1.G || s.g1() == Secp256k1.G_BAR
                ? Secp256k1.fixedBaseMul(s.g1(), w) : Secp256k1.mulSecret(s.g1(), w);
        ECPoint a2 = Secp256k1.mulSecret(s.g2(), w);
        BigInteger c = challenge(domain, enc, a1, a2, context);
        BigInteger z = w.add(c.multiply(x)).mod(Secp256k1.Q);
        return new Proof(c, z);
    }

    /** Checks a proof; never throws for well-formed group elements. */
    public static Verdict verify(String domain, Statement s, Proof p, byte[] context) {
        BigInteger minusC = Secp256k1.Q.subtract(p.c());
        ECPoint a1 = Secp256k1.sumOfTwoMultiplies(s.g1(), p.z(), s.h1(), minusC);
        ECPoint a2 = Secp256k1.sumOfTwoMultiplies(s.g2(), p.z(), s.h2(), minusC);
        if (a1.isInfinity() || a2.isInfinity()) {
            return Verdict.invalid("proof does not verify (degenerate commitment)");
        }
        BigInteger c = challenge(domain, s.encoded(), a1, a2, context);
        return c.equals(p.c()) ? Verdict.VALID : Verdict.invalid("proof does not verify");
    }

    private static BigInteger challenge(String domain, byte[][] enc, ECPoint a1, ECPoint a2, byte[] context) {
        byte[][] commit = Secp256k1.encodeAll(a1, a2);
        return Hashes.toScalar(Secp256k1.Q, domain + "/challenge",
                enc[0], enc[1], enc[2], enc[3], commit[0], commit[1], context);
    }
}
