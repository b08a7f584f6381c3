package org.sintraee.protocol.crypto.ec;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.math.ec.ECPoint;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.Hashes;

/**
 * The data-encapsulation half of hybrid TDH2: AES-256-GCM (the JDK's) under the key
 * K = H1(h^r) that TDH2 encapsulates. The label L is GCM's associated data, so the payload
 * is tied to L by the tag as well as by e.
 *
 * <p>Each K is used for exactly one message (r is fresh per ciphertext), so the IV could be
 * fixed; it is random anyway, from the caller's generator, as defence in depth.
 */
final class Tdh2Dem {

    static final int KEY_BYTES = 32;
    private static final int TAG_BITS = Tdh2Ciphertext.TAG_BYTES * 8;

    private Tdh2Dem() {
    }

    /** H1: the group element h^r = u^x to a 256-bit AES key. */
    static byte[] key(ECPoint hr) {
        return Hashes.sha256(Tdh2.DOMAIN + "/H1", Secp256k1.encode(hr));
    }

    /** AES-256-GCM ciphertext || tag of {@code plaintext}, with {@code label} as associated data. */
    static byte[] seal(byte[] key, byte[] iv, byte[] label, byte[] plaintext) {
        try {
            Cipher gcm = cipher(Cipher.ENCRYPT_MODE, key, iv);
            gcm.updateAAD(label);
            return gcm.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            // Only a JDK without AES-GCM gets here; the message names no secret.
            throw new IllegalStateException("AES/GCM encryption unavailable", e);
        }
    }

    /**
     * Opens {@code sealed}; an error (never an exception) when the tag does not verify, which
     * for a ciphertext that passed TDH2's validity check means its client encrypted the
     * payload under some other key.
     */
    static Decoded<byte[]> open(byte[] key, byte[] iv, byte[] label, byte[] sealed) {
        try {
            Cipher gcm = cipher(Cipher.DECRYPT_MODE, key, iv);
            gcm.updateAAD(label);
            return Decoded.of(gcm.doFinal(sealed));
        } catch (AEADBadTagException e) {
            return Decoded.error("payload does not decrypt under the encapsulated key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM decryption unavailable", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv) throws GeneralSecurityException {
        if (key.length != KEY_BYTES || iv.length != Tdh2Ciphertext.IV_BYTES) {
            throw new IllegalArgumentException("AES-256-GCM needs a 32-byte key and a 12-byte iv");
        }
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        return gcm;
    }
}
