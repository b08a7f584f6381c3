package org.sintraee.protocol.crypto.shoup;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.sintraee.protocol.crypto.Verdict;

/**
 * Creating and checking signature shares with Shoup's proof of correctness (paper,
 * section 2): a non-interactive proof that log_v(v_i) = log_{x~}(x_i^2), x~ = x̂^{4 Delta}.
 *
 * <p>Prover: r of L(N) + 2 L1 bits, v' = v^r, x' = x~^r, c = H'(statement, v', x'),
 * z = s_i c + r. Verifier: c == H'(statement, v^z v_i^{-c}, x~^z x_i^{-2c}).
 * The statement hashed into c also carries a domain string, the context (instance tag),
 * the index i and (N, e), so a proof is valid for exactly one context and server.
 *
 * <p>r is not drawn at random: it is HMAC-SHA256 keyed by s_i over the statement, expanded
 * to L(N) + 2 L1 bits (RFC 6979 style). The same statement always gives the same r and c,
 * and a different statement gives an independent r, so r is never reused under two
 * challenges, and signing needs no randomness.
 */
final class ShareProof {

    /** Shoup's L1: challenge length in bits; r has 2 L1 bits of slack to hide s_i c. */
    static final int L1 = 128;

    private static final String STATEMENT_DOMAIN = "sintra-ee/shoup-rsa/v1/share-proof/statement";
    private static final String CHALLENGE_DOMAIN = "sintra-ee/shoup-rsa/v1/share-proof/challenge";
    private static final String NONCE_DOMAIN = "sintra-ee/shoup-rsa/v1/share-proof/nonce";
    private static final BigInteger TWO = BigInteger.TWO;
    private static final BigInteger FOUR = BigInteger.valueOf(4);

    private ShareProof() {
    }

    static SignatureShare prove(ShoupKeyShare keyShare, BigInteger si, byte[] context, byte[] message) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(message, "message");
        ShoupPublicKey key = keyShare.publicKey();
        BigInteger modulus = key.modulus();
        int i = keyShare.index();
        BigInteger xHat = MessageEncoding.encode(key, message).xHat();
        BigInteger xi = xHat.modPow(TWO.multiply(key.delta()).multiply(si), modulus);
        BigInteger xTilde = xHat.modPow(FOUR.multiply(key.delta()), modulus);
        BigInteger xiSquared = xi.multiply(xi).mod(modulus);
        byte[] statement = statementDigest(key, context, i, xTilde, xiSquared);
        BigInteger r = nonce(si, key.modulusByteLength(), statement, modulus.bitLength() + 2 * L1);
        BigInteger c = challenge(statement, key.v().modPow(r, modulus), xTilde.modPow(r, modulus));
        BigInteger z = si.multiply(c).add(r);
        return new SignatureShare(i, xi, z, c);
    }

    static Verdict verify(ShoupPublicKey key, byte[] context, byte[] message, SignatureShare share) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(share, "share");
        BigInteger modulus = key.modulus();
        int i = share.index();
        if (i < 1 || i > key.n()) {
            return Verdict.invalid("share index " + i + " out of range [1, " + key.n() + "]");
        }
        Verdict range = checkRanges(key, share);
        if (!range.isValid()) {
            return range;
        }
        BigInteger xHat = MessageEncoding.encode(key, message).xHat();
        BigInteger xTilde = xHat.modPow(FOUR.multiply(key.delta()), modulus);
        BigInteger xiSquared = share.xi().multiply(share.xi()).mod(modulus);
        BigInteger vi = key.verificationKey(i);
        BigInteger negC = share.c().negate();
        // v' = v^z v_i^{-c} and x' = x~^z (x_i^2)^{-c}; both v_i and x_i are units here.
        BigInteger vPrime = key.v().modPow(share.z(), modulus)
                .multiply(Numbers.powSigned(vi, negC, modulus)).mod(modulus);
        BigInteger xPrime = xTilde.modPow(share.z(), modulus)
                .multiply(Numbers.powSigned(xiSquared, negC, modulus)).mod(modulus);
        byte[] statement = statementDigest(key, context, i, xTilde, xiSquared);
        if (!challenge(statement, vPrime, xPrime).equals(share.c())) {
            return Verdict.invalid("proof of correctness does not verify for share index " + i
                    + " (tampered proof, wrong index, or a share for another message or context)");
        }
        return Verdict.VALID;
    }

    private static Verdict checkRanges(ShoupPublicKey key, SignatureShare share) {
        BigInteger modulus = key.modulus();
        BigInteger xi = share.xi();
        if (xi.signum() == 0) {
            return Verdict.invalid("x_i is zero, not in Z_N^*");
        }
        if (xi.compareTo(modulus) >= 0) {
            return Verdict.invalid("x_i is >= N, out of range");
        }
        if (!xi.gcd(modulus).equals(BigInteger.ONE)) {
            return Verdict.invalid("x_i is not in Z_N^* (shares a factor with N)");
        }
        if (share.c().bitLength() > L1) {
            return Verdict.invalid("challenge c is longer than " + L1 + " bits, out of range");
        }
        // z = s_i c + r < N 2^L1 + 2^(L(N) + 2 L1) <= 2^(L(N) + 2 L1 + 1).
        int maxZBits = modulus.bitLength() + 2 * L1 + 1;
        if (share.z().bitLength() > maxZBits) {
            return Verdict.invalid("response z is longer than " + maxZBits + " bits, out of range");
        }
        return Verdict.VALID;
    }

    /** SHA-256 over everything the proof is about except the commitments v', x'. */
    private static byte[] statementDigest(ShoupPublicKey key, byte[] context, int i,
                                          BigInteger xTilde, BigInteger xiSquared) {
        MessageDigest md = sha256();
        absorb(md, STATEMENT_DOMAIN.getBytes(StandardCharsets.UTF_8));
        absorb(md, context);
        absorb(md, new byte[] {(byte) (i >>> 24), (byte) (i >>> 16), (byte) (i >>> 8), (byte) i});
        for (BigInteger part : new BigInteger[] {key.modulus(), key.publicExponent(), key.v(),
                key.verificationKey(i), xTilde, xiSquared}) {
            absorb(md, Numbers.unsignedBytes(part));
        }
        return md.digest();
    }

    /** Shoup's H': the first L1 bits of SHA-256 over the statement and the commitments. */
    private static BigInteger challenge(byte[] statement, BigInteger vPrime, BigInteger xPrime) {
        MessageDigest md = sha256();
        absorb(md, CHALLENGE_DOMAIN.getBytes(StandardCharsets.UTF_8));
        absorb(md, statement);
        absorb(md, Numbers.unsignedBytes(vPrime));
        absorb(md, Numbers.unsignedBytes(xPrime));
        return new BigInteger(1, Arrays.copyOf(md.digest(), L1 / 8));
    }

    /** r = first {@code bits} bits of HMAC-SHA256(s_i; domain, statement, 0) || ..(.., 1) || ... */
    private static BigInteger nonce(BigInteger si, int keyLength, byte[] statement, int bits) {
        byte[] key = Numbers.fixedLength(si, keyLength);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            int bytes = (bits + 7) / 8;
            byte[] out = new byte[bytes];
            byte[] domain = NONCE_DOMAIN.getBytes(StandardCharsets.UTF_8);
            for (int block = 0, at = 0; at < bytes; block++) {
                mac.update(domain);
                mac.update(statement);
                mac.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
                byte[] t = mac.doFinal();
                int take = Math.min(t.length, bytes - at);
                System.arraycopy(t, 0, out, at, take);
                at += take;
            }
            out[0] &= (byte) (0xFF >>> (8 * bytes - bits));
            return new BigInteger(1, out);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static void absorb(MessageDigest md, byte[] part) {
        int n = part.length;
        md.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        md.update(part);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
