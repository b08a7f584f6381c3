package org.sintraee.runtime.keys;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;

/**
 * The JSON shape of one server's private key file (JSON-B binds it; {@link ServerKeysReader}
 * validates it against the public file). Every field but format, version and server is
 * secret or travels with a secret; {@link #toString()} shows none of them.
 */
@JsonbPropertyOrder({"format", "version", "server", "signingSecretKey", "coinShare", "encryptionShare",
        "serviceSignatureShare", "tlsPrivateKey", "tlsCertificate"})
public final class PrivateKeyFile {
    public String format;
    @JsonbTypeDeserializer(WholeNumber.class)
    public Integer version;
    /** This server's id, 1..n. */
    @JsonbTypeDeserializer(WholeNumber.class)
    public Integer server;
    /** Ed25519 secret key, 32 bytes hex. */
    public String signingSecretKey;
    /** Coin share x_i, 32-byte scalar hex. */
    public String coinShare;
    /** TDH2 share x_i, 32-byte scalar hex. */
    public String encryptionShare;
    /** Shoup share s_i, hex. */
    public String serviceSignatureShare;
    /** TLS private key, PKCS#8 PEM. */
    public String tlsPrivateKey;
    /** The TLS certificate (PEM) that the public file lists for this server. */
    public String tlsCertificate;

    @Override
    public String toString() {
        return "PrivateKeyFile[server=" + server + ", secrets=<redacted>]";
    }
}
