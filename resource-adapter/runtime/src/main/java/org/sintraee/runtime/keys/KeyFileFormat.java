package org.sintraee.runtime.keys;

/**
 * The names and versions that identify key files and the schemes inside them. A reader
 * checks every one, so a file of another kind or a future version fails with a clear
 * message instead of being half-understood.
 */
public final class KeyFileFormat {

    public static final String PUBLIC_FORMAT = "sintra-ee/public-keys";
    public static final String PRIVATE_FORMAT = "sintra-ee/private-key";
    public static final int VERSION = 1;

    /** CKS00's Diffie–Hellman threshold coin over secp256k1. */
    public static final String COIN_SCHEME = "cks00-dh-coin/secp256k1";
    /** SG98's TDH2 over secp256k1 as a KEM for AES-256-GCM. */
    public static final String ENCRYPTION_SCHEME = "tdh2/secp256k1/aes-256-gcm";
    /** Shoup's threshold RSA, signatures verifiable as SHA256withRSA. */
    public static final String SERVICE_SIGNATURE_SCHEME = "shoup-rsa/pkcs1-v1_5-sha256";

    public static final String PUBLIC_FILE_NAME = "public.json";

    private KeyFileFormat() {
    }

    /** The conventional private file name of server {@code id}: {@code server-<id>.private.json}. */
    public static String privateFileName(int id) {
        return "server-" + id + ".private.json";
    }
}
