package org.sintraee.protocol.crypto.ec;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.math.ec.ECPoint;
import org.sintraee.protocol.crypto.Ciphertext;
import org.sintraee.protocol.crypto.DecryptionKey;
import org.sintraee.protocol.crypto.Share;

/**
 * Server i's secret share x_i of the TDH2 key. Its decryption share of a ciphertext is
 * u_i = u^{x_i} with a Chaum–Pedersen proof (e_i, f_i) of log_g h_i = log_u u_i; the proof's
 * nonce is a PRF of x_i and the whole statement, so shares are deterministic and a nonce is
 * never reused under two challenges.
 */
public final class Tdh2Key implements DecryptionKey {
    private final Tdh2 scheme;
    private final int index;
    private final BigInteger secret;

    /**
     * @throws IllegalArgumentException if the index is out of range, or the secret does not
     *         match the public verification key h_i of this index (a key file from another dealing)
     */
    public Tdh2Key(Tdh2 scheme, int index, BigInteger secret) {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(secret, "secret");
        if (index < 1 || index > scheme.servers()) {
            throw new IllegalArgumentException("tdh2 key index " + index + " is not in 1.." + scheme.servers());
        }
        if (secret.signum() <= 0 || secret.compareTo(Secp256k1.Q) >= 0) {
            throw new IllegalArgumentException("tdh2 key share is out of range");
        }
        if (!Secp256k1.fixedBaseMul(Secp256k1.G, secret).equals(scheme.verificationKey(index))) {
            throw new IllegalArgumentException("tdh2 key share does not match verification key " + index);
        }
        this.scheme = scheme;
        this.index = index;
        this.secret = secret;
    }

    /** Server i's key from a fresh dealing (tests, key ceremonies). */
    public static Tdh2Key of(Tdh2 scheme, DlogSharing dealing, int index) {
        return new Tdh2Key(scheme, index, dealing.secretShare(index));
    }

    @Override
    public int index() {
        return index;
    }

    /**
     * Empty unless {@code ct} passes {@link Tdh2#verifyCiphertext}: answering an invalid
     * ciphertext would void SG98's chosen-ciphertext security (e.g. decrypt a spliced copy
     * of an honest client's TDH2 part). Call verifyCiphertext for the reason.
     */
    @Override
    public Optional<Share> decryptionShare(Ciphertext ct) {
        if (ct == null || !scheme.verifyCiphertext(ct).isValid()) {
            return Optional.empty();
        }
        Tdh2Ciphertext.Header header = Tdh2Ciphertext.header(ct).get();
        ECPoint ui = Secp256k1.mulSecret(header.u(), secret);
        Dleq.Proof proof = Dleq.prove(Tdh2.SHARE_DOMAIN, secret, scheme.shareStatement(index, header.u(), ui),
                Tdh2.shareContext(ct.label(), header));
        byte[] out = new byte[Tdh2.SHARE_BYTES];
        System.arraycopy(Secp256k1.encode(ui), 0, out, 0, Secp256k1.POINT_BYTES);
        System.arraycopy(proof.encode(), 0, out, Secp256k1.POINT_BYTES, Dleq.PROOF_BYTES);
        return Optional.of(new Share(index, out));
    }

    @Override
    public String toString() {
        return "Tdh2Key[index=" + index + ", secret=<redacted>]";
    }
}
