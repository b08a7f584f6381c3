package org.sintraee.protocol.crypto.sig;

import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.sintraee.protocol.crypto.Signer;

/** A server's Ed25519 signing key (deterministic signatures, RFC 8032). */
public final class Ed25519Signer implements Signer {
    private final int index;
    private final byte[] secretKey;
    private final byte[] publicKey;

    public Ed25519Signer(int index, byte[] secretKey) {
        if (index < 1) {
            throw new IllegalArgumentException("signer index must be positive");
        }
        if (secretKey == null || secretKey.length != Ed25519.SECRET_KEY_SIZE) {
            throw new IllegalArgumentException("signing secret key must be " + Ed25519.SECRET_KEY_SIZE + " bytes");
        }
        this.index = index;
        this.secretKey = secretKey.clone();
        this.publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(this.secretKey, 0, publicKey, 0);
    }

    /** A fresh secret key from the dealer's randomness. */
    public static byte[] generateSecretKey(SecureRandom rnd) {
        byte[] sk = new byte[Ed25519.SECRET_KEY_SIZE];
        Ed25519.generatePrivateKey(rnd, sk);
        return sk;
    }

    @Override
    public int index() {
        return index;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public byte[] sign(byte[] statement) {
        byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(secretKey, 0, statement, 0, statement.length, sig, 0);
        return sig;
    }

    @Override
    public String toString() {
        return "Ed25519Signer[index=" + index + ", secret=<redacted>]";
    }
}
