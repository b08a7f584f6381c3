package org.sintraee.protocol.crypto.shoup;

import java.math.BigInteger;
import java.util.Objects;

/**
 * Server i's secret share s_i = f(i) of the RSA exponent d, with the public key it belongs
 * to. Signing is deterministic (see {@link ShareProof}) and needs no randomness.
 * s_i never appears in {@link #toString()} or in exception messages.
 */
public final class ShoupKeyShare {

    private final int index;
    private final BigInteger si;
    private final ShoupPublicKey publicKey;

    /**
     * @param index     i in 1..n
     * @param si        the secret share s_i, 0 &lt;= s_i &lt; N
     * @param publicKey the key set's public key; v^{s_i} must equal v_i
     * @throws IllegalArgumentException naming the field that does not fit (never its value)
     */
    public ShoupKeyShare(int index, BigInteger si, ShoupPublicKey publicKey) {
        Objects.requireNonNull(si, "secret share s_i");
        Objects.requireNonNull(publicKey, "public key");
        if (index < 1 || index > publicKey.n()) {
            throw new IllegalArgumentException("share index i must be in [1, n=" + publicKey.n() + "]: " + index);
        }
        if (si.signum() < 0 || si.compareTo(publicKey.modulus()) >= 0) {
            throw new IllegalArgumentException("secret share s_" + index + " out of range [0, N)");
        }
        // One exponentiation catches a share file paired with the wrong public key file.
        if (!publicKey.v().modPow(si, publicKey.modulus()).equals(publicKey.verificationKey(index))) {
            throw new IllegalArgumentException("secret share s_" + index
                    + " does not match verification key v_" + index + " of the public key");
        }
        this.index = index;
        this.si = si;
        this.publicKey = publicKey;
    }

    /**
     * This server's share of the signature on {@code message}, with its proof bound to
     * {@code context} (the protocol instance tag). Same inputs, same bytes.
     */
    public SignatureShare sign(byte[] context, byte[] message) {
        return ShareProof.prove(this, si, context, message);
    }

    public int index() {
        return index;
    }

    public ShoupPublicKey publicKey() {
        return publicKey;
    }

    /** The secret s_i, for writing this server's key file only. Never log it. */
    public BigInteger secretShare() {
        return si;
    }

    @Override
    public String toString() {
        return "ShoupKeyShare[i=" + index + ", s_i=<secret>, " + publicKey + "]";
    }
}
