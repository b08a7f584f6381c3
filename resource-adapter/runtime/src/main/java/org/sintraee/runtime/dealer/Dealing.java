package org.sintraee.runtime.dealer;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.sintraee.protocol.crypto.ec.DlogSharing;
import org.sintraee.protocol.crypto.shoup.ShoupKeySet;
import org.sintraee.protocol.crypto.shoup.ShoupPublicKey;
import org.sintraee.protocol.crypto.sig.Ed25519Signer;
import org.sintraee.runtime.keys.KeyEncoding;
import org.sintraee.runtime.keys.KeyFileFormat;
import org.sintraee.runtime.keys.PrivateKeyFile;
import org.sintraee.runtime.keys.PublicKeyFile;

/**
 * Everything one dealing produced, every server's secrets included, and its rendering as
 * the public file and the n private files. Lives only in the dealer's process, between
 * dealing and writing; {@link #toString()} shows no secret.
 */
public final class Dealing {
    private final DealerParameters parameters;
    private final DlogSharing coin;
    private final DlogSharing encryption;
    private final ShoupKeySet serviceSignature;
    private final List<byte[]> signingSecretKeys;
    private final List<KeyPair> tlsKeys;
    private final List<X509Certificate> certificates;

    Dealing(DealerParameters parameters, DlogSharing coin, DlogSharing encryption, ShoupKeySet serviceSignature,
            List<byte[]> signingSecretKeys, List<KeyPair> tlsKeys, List<X509Certificate> certificates) {
        this.parameters = parameters;
        this.coin = coin;
        this.encryption = encryption;
        this.serviceSignature = serviceSignature;
        this.signingSecretKeys = List.copyOf(signingSecretKeys);
        this.tlsKeys = List.copyOf(tlsKeys);
        this.certificates = List.copyOf(certificates);
    }

    public DealerParameters parameters() {
        return parameters;
    }

    /** The service's RSA public key (N, e), what order certificates verify against. */
    java.security.PublicKey serviceKey() {
        return serviceSignature.publicKey().toJcaPublicKey();
    }

    /** The public file's content. */
    public PublicKeyFile publicFile() {
        int n = parameters.servers();
        PublicKeyFile f = new PublicKeyFile();
        f.format = KeyFileFormat.PUBLIC_FORMAT;
        f.version = KeyFileFormat.VERSION;
        f.servers = n;
        f.faulty = parameters.faulty();
        f.members = new ArrayList<>(n);
        for (int id = 1; id <= n; id++) {
            PublicKeyFile.Member m = new PublicKeyFile.Member();
            m.id = id;
            m.address = parameters.hosts().get(id - 1).toString();
            m.signingKey = KeyEncoding.bytes(new Ed25519Signer(id, signingSecretKeys.get(id - 1)).publicKey());
            m.certificate = KeyEncoding.certificate(certificates.get(id - 1));
            f.members.add(m);
        }
        f.coin = dlogKey(KeyFileFormat.COIN_SCHEME, coin);
        f.encryption = dlogKey(KeyFileFormat.ENCRYPTION_SCHEME, encryption);
        f.serviceSignature = serviceSignature(serviceSignature.publicKey());
        return f;
    }

    /** Server {@code id}'s private file content (secret). */
    public PrivateKeyFile privateFile(int id) {
        PrivateKeyFile f = new PrivateKeyFile();
        f.format = KeyFileFormat.PRIVATE_FORMAT;
        f.version = KeyFileFormat.VERSION;
        f.server = id;
        f.signingSecretKey = KeyEncoding.bytes(signingSecretKeys.get(id - 1));
        f.coinShare = KeyEncoding.scalar(coin.secretShare(id));
        f.encryptionShare = KeyEncoding.scalar(encryption.secretShare(id));
        f.serviceSignatureShare = KeyEncoding.bigInteger(serviceSignature.share(id).secretShare());
        f.tlsPrivateKey = KeyEncoding.pkcs8(tlsKeys.get(id - 1).getPrivate());
        f.tlsCertificate = KeyEncoding.certificate(certificates.get(id - 1));
        return f;
    }

    private static PublicKeyFile.DlogKey dlogKey(String scheme, DlogSharing sharing) {
        PublicKeyFile.DlogKey k = new PublicKeyFile.DlogKey();
        k.scheme = scheme;
        k.threshold = sharing.threshold();
        k.publicKey = KeyEncoding.point(sharing.publicKey());
        k.verificationKeys = sharing.verificationKeys().stream().map(KeyEncoding::point).toList();
        return k;
    }

    private static PublicKeyFile.ServiceSignature serviceSignature(ShoupPublicKey key) {
        PublicKeyFile.ServiceSignature s = new PublicKeyFile.ServiceSignature();
        s.scheme = KeyFileFormat.SERVICE_SIGNATURE_SCHEME;
        s.threshold = key.k();
        s.modulus = KeyEncoding.bigInteger(key.modulus());
        s.publicExponent = KeyEncoding.bigInteger(key.publicExponent());
        s.v = KeyEncoding.bigInteger(key.v());
        s.verificationKeys = key.verificationKeys().stream().map(KeyEncoding::bigInteger).toList();
        s.u = KeyEncoding.bigInteger(key.u());
        return s;
    }

    @Override
    public String toString() {
        return "Dealing[n=" + parameters.servers() + ", t=" + parameters.faulty() + ", "
                + serviceSignature.publicKey() + ", secrets=<redacted>]";
    }
}
