package org.sintraee.protocol.crypto.mock;

import java.util.Arrays;
import org.sintraee.protocol.crypto.Hashes;
import org.sintraee.protocol.crypto.SignatureVerifier;
import org.sintraee.protocol.crypto.Signer;

/**
 * INSECURE, TEST ONLY: "signatures" anyone can compute, for fast simulations of
 * quorum certificates. A Byzantine server in a simulation could forge them, so tests
 * that need unforgeability must use the real Ed25519 scheme; this mock only keeps
 * honest-looking attribution (a signature is bound to its signer and statement).
 */
public final class InsecureMockSignatures implements SignatureVerifier {
    private static final String DOMAIN = "INSECURE-MOCK/signature";
    private final int servers;

    public InsecureMockSignatures(int servers) {
        this.servers = servers;
    }

    public Signer signer(int index) {
        return new Signer() {
            @Override
            public int index() {
                return index;
            }

            @Override
            public byte[] sign(byte[] statement) {
                return signature(index, statement);
            }
        };
    }

    @Override
    public int servers() {
        return servers;
    }

    @Override
    public boolean verify(int signer, byte[] statement, byte[] signature) {
        return signer >= 1 && signer <= servers && signature != null && statement != null
                && Arrays.equals(signature, signature(signer, statement));
    }

    private static byte[] signature(int signer, byte[] statement) {
        return Arrays.copyOf(Hashes.sha256(DOMAIN, Hashes.int32(signer), statement), 16);
    }
}
