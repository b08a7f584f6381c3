package org.sintraee.runtime.keys;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.sintraee.protocol.crypto.ec.DhCoinKey;
import org.sintraee.protocol.crypto.ec.Tdh2Key;
import org.sintraee.protocol.crypto.shoup.ShoupKeyShare;
import org.sintraee.protocol.crypto.sig.Ed25519Signer;

/**
 * One server's validated secret keys, each already checked against the public file: the
 * coin share, the Ed25519 signer, the TDH2 share, the Shoup share and the TLS key with its
 * certificate. {@link #toString()} names the server only.
 */
public final class ServerKeys {
    private final int id;
    private final Ed25519Signer signer;
    private final DhCoinKey coinKey;
    private final Tdh2Key decryptionKey;
    private final ShoupKeyShare serviceSignatureShare;
    private final PrivateKey tlsPrivateKey;
    private final X509Certificate tlsCertificate;

    ServerKeys(int id, Ed25519Signer signer, DhCoinKey coinKey, Tdh2Key decryptionKey,
               ShoupKeyShare serviceSignatureShare, PrivateKey tlsPrivateKey, X509Certificate tlsCertificate) {
        this.id = id;
        this.signer = signer;
        this.coinKey = coinKey;
        this.decryptionKey = decryptionKey;
        this.serviceSignatureShare = serviceSignatureShare;
        this.tlsPrivateKey = tlsPrivateKey;
        this.tlsCertificate = tlsCertificate;
    }

    /** This server's id, 1..n: its share index in every scheme. */
    public int id() {
        return id;
    }

    public Ed25519Signer signer() {
        return signer;
    }

    public DhCoinKey coinKey() {
        return coinKey;
    }

    public Tdh2Key decryptionKey() {
        return decryptionKey;
    }

    public ShoupKeyShare serviceSignatureShare() {
        return serviceSignatureShare;
    }

    /** The TLS private key; it matches {@link #tlsCertificate()}. */
    public PrivateKey tlsPrivateKey() {
        return tlsPrivateKey;
    }

    public X509Certificate tlsCertificate() {
        return tlsCertificate;
    }

    @Override
    public String toString() {
        return "ServerKeys[server=" + id + ", secrets=<redacted>]";
    }
}
