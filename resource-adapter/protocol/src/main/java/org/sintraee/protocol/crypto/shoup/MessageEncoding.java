package org.sintraee.protocol.crypto.shoup;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Maps a message to the value the servers raise to their shares.
 *
 * <p>x is the EMSA-PKCS1-v1_5 encoding of SHA-256(message) (RFC 8017, section 9.2), so that
 * the combined y with y^e = x mod N is exactly what any SHA256withRSA verifier accepts.
 * Shoup's analysis wants the signed value to have Jacobi symbol +1; when (x|N) = -1 the
 * servers sign x̂ = x * u^e instead, for the public u with (u|N) = -1, and the combiner
 * divides the result by u: (y/u)^e = x̂ / u^e = x.
 */
final class MessageEncoding {

    /** DER of DigestInfo for SHA-256 without the 32 digest bytes (RFC 8017, section 9.2, note 1). */
    private static final byte[] SHA256_DIGEST_INFO_PREFIX = {
        0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01, 0x65, 0x03, 0x04,
        0x02, 0x01, 0x05, 0x00, 0x04, 0x20
    };
    private static final int DIGEST_LENGTH = 32;
    /** RFC 8017 requires at least 8 bytes of 0xFF padding. */
    private static final int MIN_PADDING = 8;

    /** The smallest modulus byte length the encoding fits in: 62 bytes, so 496 bits. */
    static final int MIN_MODULUS_BYTES = 3 + MIN_PADDING + SHA256_DIGEST_INFO_PREFIX.length + DIGEST_LENGTH;

    /**
     * @param x        the standard EMSA-PKCS1-v1_5 representative; y^e = x is the RSA check
     * @param xHat     the value actually signed: x, or x * u^e when (x|N) = -1
     * @param adjusted whether xHat = x * u^e, so the combined value must be divided by u
     */
    record Encoded(BigInteger x, BigInteger xHat, boolean adjusted) {
    }

    private MessageEncoding() {
    }

    static Encoded encode(ShoupPublicKey key, byte[] message) {
        BigInteger x = new BigInteger(1, emsaPkcs1v15(sha256(message), key.modulusByteLength()));
        int jacobi = Jacobi.symbol(x, key.modulus());
        if (jacobi == 0) {
            // Only possible if SHA-256 output revealed a factor of N: not a peer's doing.
            throw new IllegalStateException("message representative shares a factor with N");
        }
        if (jacobi == 1) {
            return new Encoded(x, x, false);
        }
        return new Encoded(x, x.multiply(key.uToTheE()).mod(key.modulus()), true);
    }

    /** 0x00 0x01 FF..FF 0x00 DigestInfo(SHA-256, digest), exactly {@code length} bytes. */
    static byte[] emsaPkcs1v15(byte[] digest, int length) {
        int tLen = SHA256_DIGEST_INFO_PREFIX.length + digest.length;
        if (length < tLen + 3 + MIN_PADDING) {
            throw new IllegalArgumentException("modulus too short for PKCS#1 v1.5 with SHA-256");
        }
        byte[] em = new byte[length];
        em[1] = 0x01;
        int paddingEnd = length - tLen - 1;
        Arrays.fill(em, 2, paddingEnd, (byte) 0xFF);
        System.arraycopy(SHA256_DIGEST_INFO_PREFIX, 0, em, paddingEnd + 1, SHA256_DIGEST_INFO_PREFIX.length);
        System.arraycopy(digest, 0, em, length - digest.length, digest.length);
        return em;
    }

    static byte[] sha256(byte[] message) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(message);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
