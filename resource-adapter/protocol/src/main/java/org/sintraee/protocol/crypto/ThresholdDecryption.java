package org.sintraee.protocol.crypto;

import java.security.SecureRandom;
import java.util.Collection;

/**
 * The public side of a labelled threshold cryptosystem secure against chosen-ciphertext
 * attack (SG98), as SC-ABC needs it (CKPS01 §6): a client encrypts under the service's
 * public key; anyone can check a ciphertext's validity and a server's decryption share;
 * any {@link #threshold()} valid shares decrypt, fewer reveal nothing.
 *
 * <p>Scheme-agnostic: TDH2 implements it, and so does an insecure mock for simulations.
 * Nothing here throws on untrusted input; exceptions mean local misuse.
 */
public interface ThresholdDecryption {

    /** n: the number of key holders; share indices are 1..n. */
    int servers();

    /** k: how many valid decryption shares decrypt. */
    int threshold();

    /**
     * Client side: encrypts {@code plaintext} under {@code label}. All randomness comes from
     * {@code rnd}, so the caller decides its quality (and tests can replay it).
     *
     * @throws IllegalArgumentException if the label or plaintext exceeds the scheme's bounds
     */
    Ciphertext encrypt(byte[] label, byte[] plaintext, SecureRandom rnd);

    /**
     * The public validity check, label included. A server sends a decryption share only for
     * a ciphertext that passes it; never throws.
     */
    Verdict verifyCiphertext(Ciphertext c);

    /**
     * Checks one server's decryption share of {@code c}; never throws. Implementations may
     * assume {@code c} already passed {@link #verifyCiphertext} (callers check it once, not
     * once per share); a share of an invalid ciphertext is useless but harmless.
     */
    Verdict verifyShare(Ciphertext c, Share share);

    /**
     * Decrypts {@code c} from shares that {@link #verifyShare} accepted, using the
     * {@code threshold()} lowest distinct indices, so every caller with the same shares gets
     * the same result.
     *
     * <p>Returns an error, not an exception, when the ciphertext is valid but its payload
     * still does not decrypt: a corrupt client can make a valid ciphertext around a payload
     * encrypted under a wrong key, and every server must then skip it the same way.
     *
     * @throws IllegalArgumentException if fewer than {@code threshold()} distinct shares are
     *         given, or a share or the ciphertext does not even decode (unverified input)
     */
    Decoded<byte[]> combine(Ciphertext c, Collection<Share> validShares);

    /**
     * Bytes that determine what a decryption reveals (TDH2: the encoding of u). Decrypting two
     * ciphertexts with the same key yields the same secret, so SC-ABC decrypts only the first
     * a-delivered ciphertext with a given key and skips the rest.
     *
     * @throws IllegalArgumentException if {@code c} does not decode (it was never verified)
     */
    byte[] replayKey(Ciphertext c);
}
