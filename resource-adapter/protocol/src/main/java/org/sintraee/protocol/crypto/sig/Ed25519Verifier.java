package org.sintraee.protocol.crypto.sig;

import java.util.List;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.sintraee.protocol.crypto.SignatureVerifier;

/**
 * Ed25519 verification through Bouncy Castle's low-level API (several times faster
 * than the JDK's here). Every public key is fully validated once, at construction, and
 * kept decoded, so each verification skips point decompression and validation.
 */
public final class Ed25519Verifier implements SignatureVerifier {
    private final Ed25519.PublicPoint[] keys;

    /**
     * @param publicKeys 32-byte public keys of signers 1..n
     * @throws IllegalArgumentException naming the first key that is not a valid Ed25519 point
     */
    public Ed25519Verifier(List<byte[]> publicKeys) {
        keys = new Ed25519.PublicPoint[publicKeys.size()];
        for (int i = 0; i < keys.length; i++) {
            byte[] pk = publicKeys.get(i);
            if (pk == null || pk.length != Ed25519.PUBLIC_KEY_SIZE) {
                throw new IllegalArgumentException("signing public key " + (i + 1) + " must be "
                        + Ed25519.PUBLIC_KEY_SIZE + " bytes");
            }
            keys[i] = Ed25519.validatePublicKeyFullExport(pk, 0);
            if (keys[i] == null) {
                throw new IllegalArgumentException("signing public key " + (i + 1) + " is not a valid Ed25519 key");
            }
        }
    }

    @Override
    public int servers() {
        return keys.length;
    }

    @Override
    public boolean verify(int signer, byte[] statement, byte[] signature) {
        if (signer < 1 || signer > keys.length || signature == null
                || signature.length != Ed25519.SIGNATURE_SIZE || statement == null) {
            return false;
        }
        return Ed25519.verify(signature, 0, keys[signer - 1], statement, 0, statement.length);
    }
}
