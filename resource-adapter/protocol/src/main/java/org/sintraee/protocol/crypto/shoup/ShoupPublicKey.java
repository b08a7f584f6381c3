package org.sintraee.protocol.crypto.shoup;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.RSAPublicKeySpec;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.Verdict;

/**
 * The public part of a Shoup threshold RSA key: the service's RSA key (N, e), the
 * parameters n (servers) and k (shares needed), the verification key v and the
 * per-server verification keys v_i = v^{s_i}, and u, an element of Jacobi symbol -1.
 *
 * <p>The constructor validates everything it can check without the factors of N, because
 * this is what a server builds from a key file: a bad file fails with a message naming
 * the field.
 */
public final class ShoupPublicKey {

    /** The smallest modulus accepted at all (the PKCS#1 v1.5 SHA-256 encoding needs 496 bits). */
    public static final int MIN_MODULUS_BITS = 512;
    /** Bounds the cost of exponentiations and the size of decoded shares. */
    public static final int MAX_MODULUS_BITS = 16384;
    /** Delta = n! grows quickly; no deployment of this service needs more servers. */
    public static final int MAX_SERVERS = 1024;

    private final BigInteger modulus;
    private final BigInteger publicExponent;
    private final int n;
    private final int k;
    private final BigInteger v;
    private final List<BigInteger> verificationKeys;
    private final BigInteger u;
    private final BigInteger delta;
    private final BigInteger uToTheE;

    /**
     * @param modulus          N = pq
     * @param publicExponent   e, a prime with n &lt; e &lt; 2^31
     * @param n                number of servers, 1 &lt;= n &lt;= {@link #MAX_SERVERS}
     * @param k                shares needed to sign, 1 &lt;= k &lt;= n
     * @param v                verification key: a square generating QR_N
     * @param verificationKeys v_1..v_n in server order (v_i = v^{s_i} mod N)
     * @param u                an element of Z_N^* with Jacobi symbol (u|N) = -1
     * @throws IllegalArgumentException naming the first field that is out of range
     */
    public ShoupPublicKey(BigInteger modulus, BigInteger publicExponent, int n, int k,
                          BigInteger v, List<BigInteger> verificationKeys, BigInteger u) {
        Objects.requireNonNull(modulus, "modulus N");
        Objects.requireNonNull(publicExponent, "public exponent e");
        Objects.requireNonNull(v, "verification key v");
        Objects.requireNonNull(verificationKeys, "verification keys v_i");
        Objects.requireNonNull(u, "u");
        if (modulus.bitLength() < MIN_MODULUS_BITS || modulus.bitLength() > MAX_MODULUS_BITS
                || modulus.signum() <= 0 || !modulus.testBit(0)) {
            throw new IllegalArgumentException("modulus N must be odd with " + MIN_MODULUS_BITS + " to "
                    + MAX_MODULUS_BITS + " bits, got " + modulus.bitLength() + " bits");
        }
        if (n < 1 || n > MAX_SERVERS) {
            throw new IllegalArgumentException("number of servers n must be in [1, " + MAX_SERVERS + "]: " + n);
        }
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("threshold k must be in [1, n=" + n + "]: " + k);
        }
        if (publicExponent.compareTo(BigInteger.valueOf(n)) <= 0 || !Numbers.isSmallPrime(publicExponent)) {
            throw new IllegalArgumentException("public exponent e must be a prime with n=" + n
                    + " < e < 2^31: " + publicExponent);
        }
        if (!Numbers.isUnit(v, modulus) || v.equals(BigInteger.ONE)
                || v.equals(modulus.subtract(BigInteger.ONE)) || Jacobi.symbol(v, modulus) != 1) {
            throw new IllegalArgumentException("verification key v must be a square in Z_N^* other than 1");
        }
        if (verificationKeys.size() != n) {
            throw new IllegalArgumentException("verification keys v_i: expected n=" + n + " values, got "
                    + verificationKeys.size());
        }
        for (int i = 1; i <= n; i++) {
            BigInteger vi = Objects.requireNonNull(verificationKeys.get(i - 1), "verification key v_" + i);
            if (!Numbers.isUnit(vi, modulus) || Jacobi.symbol(vi, modulus) != 1) {
                throw new IllegalArgumentException("verification key v_" + i
                        + " must be in Z_N^* with Jacobi symbol +1");
            }
        }
        if (!Numbers.isUnit(u, modulus) || Jacobi.symbol(u, modulus) != -1) {
            throw new IllegalArgumentException("u must be in Z_N^* with Jacobi symbol (u|N) = -1");
        }
        this.modulus = modulus;
        this.publicExponent = publicExponent;
        this.n = n;
        this.k = k;
        this.v = v;
        this.verificationKeys = List.copyOf(verificationKeys);
        this.u = u;
        this.delta = Numbers.factorial(n);
        this.uToTheE = u.modPow(publicExponent, modulus);
    }

    /**
     * Checks a signature share a peer sent: index in range, values in range, and the proof
     * that x_i was computed with the share s_i behind v_i, for this context and message.
     * Never throws on a bad share; the verdict's reason says what is wrong.
     */
    public Verdict verifyShare(byte[] context, byte[] message, SignatureShare share) {
        return ShareProof.verify(this, context, message, share);
    }

    /** As {@link #verifyShare(byte[], byte[], SignatureShare)}, and the share must be the sender's own. */
    public Verdict verifyShare(byte[] context, byte[] message, SignatureShare share, int senderIndex) {
        Objects.requireNonNull(share, "share");
        if (share.index() != senderIndex) {
            return Verdict.invalid("share claims index " + share.index() + " but came from server " + senderIndex);
        }
        return verifyShare(context, message, share);
    }

    /**
     * Combines shares from at least k distinct servers (the k lowest indices are used) into
     * a standard RSA signature: big-endian, exactly {@link #modulusByteLength()} bytes, as
     * SHA256withRSA expects. The signature covers the message only; the context binds the
     * share proofs and is used here to name bad shares when the result does not verify.
     *
     * @throws IllegalArgumentException with too few or duplicate shares, or if the result
     *         is not a valid signature (shares must be verified with verifyShare first)
     */
    public byte[] combine(byte[] context, byte[] message, Collection<SignatureShare> shares) {
        return ShareCombiner.combine(this, context, message, shares);
    }

    /** Decodes a share received from a peer; never throws (see {@link SignatureShare#decode}). */
    public Decoded<SignatureShare> decodeShare(byte[] bytes) {
        return SignatureShare.decode(bytes, this);
    }

    /** The service key (N, e) as a JCA key, for Signature.getInstance("SHA256withRSA"). */
    public RSAPublicKey toJcaPublicKey() {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(modulus, publicExponent));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("JDK RSA key factory rejected a validated key", e);
        }
    }

    public BigInteger modulus() {
        return modulus;
    }

    public BigInteger publicExponent() {
        return publicExponent;
    }

    /** Number of servers. */
    public int n() {
        return n;
    }

    /** Shares needed to sign. */
    public int k() {
        return k;
    }

    public BigInteger v() {
        return v;
    }

    /** v_i for server i in 1..n. */
    public BigInteger verificationKey(int i) {
        if (i < 1 || i > n) {
            throw new IllegalArgumentException("server index must be in [1, " + n + "]: " + i);
        }
        return verificationKeys.get(i - 1);
    }

    /** v_1..v_n, unmodifiable. */
    public List<BigInteger> verificationKeys() {
        return verificationKeys;
    }

    public BigInteger u() {
        return u;
    }

    /** Delta = n!. */
    public BigInteger delta() {
        return delta;
    }

    /** Byte length of N: the length of every signature. */
    public int modulusByteLength() {
        return (modulus.bitLength() + 7) / 8;
    }

    BigInteger uToTheE() {
        return uToTheE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShoupPublicKey other && n == other.n && k == other.k
                && modulus.equals(other.modulus) && publicExponent.equals(other.publicExponent)
                && v.equals(other.v) && verificationKeys.equals(other.verificationKeys) && u.equals(other.u);
    }

    @Override
    public int hashCode() {
        return Objects.hash(modulus, publicExponent, n, k, v, verificationKeys, u);
    }

    @Override
    public String toString() {
        return "ShoupPublicKey[" + modulus.bitLength() + "-bit N, e=" + publicExponent + ", n=" + n + ", k=" + k + "]";
    }
}
