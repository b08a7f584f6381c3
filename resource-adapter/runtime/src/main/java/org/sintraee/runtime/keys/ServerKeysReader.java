package org.sintraee.runtime.keys;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.sintraee.protocol.crypto.ec.DhCoinKey;
import org.sintraee.protocol.crypto.ec.Tdh2Key;
import org.sintraee.protocol.crypto.shoup.ShoupKeyShare;
import org.sintraee.protocol.crypto.sig.Ed25519Signer;

/**
 * Validates a bound {@link PrivateKeyFile} against the already validated public file: every
 * secret must be the one behind this server's public key in every scheme, so a file from
 * another dealing, or another server's file, is refused here instead of producing shares
 * that peers reject. The checks' own exceptions are dropped, never chained, and messages
 * name fields and server ids only.
 */
final class ServerKeysReader {
    private static final byte[] PROBE = "sintra-ee/tls-key-matches-certificate".getBytes(StandardCharsets.US_ASCII);

    private final FieldDecoder in;
    private final PublicKeys pub;

    ServerKeysReader(String file, PublicKeys pub) {
        this.in = new FieldDecoder(file);
        this.pub = pub;
    }

    /** @param expectedServer the id this server was configured as, or 0 to accept the file's id */
    ServerKeys read(PrivateKeyFile f, int expectedServer) throws KeyFileException {
        if (!KeyFileFormat.PRIVATE_FORMAT.equals(in.require(f.format, "format"))) {
            throw in.error("format", "must be \"" + KeyFileFormat.PRIVATE_FORMAT + "\" (is this a private key file?)");
        }
        if (in.require(f.version, "version") != KeyFileFormat.VERSION) {
            throw in.error("version", "is " + f.version + "; this build reads version " + KeyFileFormat.VERSION);
        }
        int id = in.require(f.server, "server");
        if (id < 1 || id > pub.servers()) {
            throw in.error("server", "is " + id + ", must be in 1.." + pub.servers() + " (n of the public file)");
        }
        if (expectedServer != 0 && id != expectedServer) {
            throw in.error("server", "is " + id + ", but this is configured as server " + expectedServer);
        }
        return new ServerKeys(id, signer(f, id), coinKey(f, id), decryptionKey(f, id),
                serviceSignatureShare(f, id), tlsPrivateKey(f, id), tlsCertificate(f, id));
    }

    private Ed25519Signer signer(PrivateKeyFile f, int id) throws KeyFileException {
        Ed25519Signer signer = new Ed25519Signer(id, in.hex(f.signingSecretKey, "signingSecretKey", 32));
        if (!Arrays.equals(signer.publicKey(), pub.member(id).signingKey())) {
            throw mismatch("signingSecretKey", "signing key of server " + id);
        }
        return signer;
    }

    private DhCoinKey coinKey(PrivateKeyFile f, int id) throws KeyFileException {
        BigInteger share = in.scalar(f.coinShare, "coinShare");
        try {
            return new DhCoinKey(pub.coin(), id, share);
        } catch (IllegalArgumentException e) {
            throw mismatch("coinShare", "coin verification key " + id);
        }
    }

    private Tdh2Key decryptionKey(PrivateKeyFile f, int id) throws KeyFileException {
        BigInteger share = in.scalar(f.encryptionShare, "encryptionShare");
        try {
            return new Tdh2Key(pub.encryption(), id, share);
        } catch (IllegalArgumentException e) {
            throw mismatch("encryptionShare", "encryption verification key " + id);
        }
    }

    private ShoupKeyShare serviceSignatureShare(PrivateKeyFile f, int id) throws KeyFileException {
        BigInteger si = in.bigInteger(f.serviceSignatureShare, "serviceSignatureShare");
        if (si.compareTo(pub.serviceSignature().modulus()) >= 0) {
            throw in.error("serviceSignatureShare", "is not below the service signature modulus N");
        }
        try {
            return new ShoupKeyShare(id, si, pub.serviceSignature());
        } catch (IllegalArgumentException e) {
            throw mismatch("serviceSignatureShare", "service signature verification key v_" + id);
        }
    }

    private X509Certificate tlsCertificate(PrivateKeyFile f, int id) throws KeyFileException {
        X509Certificate cert = in.certificate(f.tlsCertificate, "tlsCertificate");
        try {
            if (!Arrays.equals(cert.getEncoded(), pub.member(id).certificate().getEncoded())) {
                throw mismatch("tlsCertificate", "certificate of server " + id);
            }
        } catch (CertificateEncodingException e) {
            throw in.error("tlsCertificate", "cannot be re-encoded");
        }
        return cert;
    }

    /** The key must sign what the certificate's public key verifies: the only check that works for any key type. */
    private PrivateKey tlsPrivateKey(PrivateKeyFile f, int id) throws KeyFileException {
        PrivateKey key = in.pkcs8(f.tlsPrivateKey, "tlsPrivateKey");
        PublicKey certified = pub.member(id).certificate().getPublicKey();
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw in.error("tlsPrivateKey", "is a " + key.getAlgorithm() + " key; EC, RSA or Ed25519 expected");
        };
        if (!key.getAlgorithm().equals(certified.getAlgorithm())) {
            throw mismatch("tlsPrivateKey", "certificate of server " + id + " (a " + certified.getAlgorithm() + " key)");
        }
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(PROBE);
            byte[] sig = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certified);
            verifier.update(PROBE);
            if (!verifier.verify(sig)) {
                throw mismatch("tlsPrivateKey", "certificate of server " + id);
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw mismatch("tlsPrivateKey", "certificate of server " + id);
        }
        return key;
    }

    private KeyFileException mismatch(String field, String publicPart) {
        return in.error(field, "does not match the public file's " + publicPart
                + " (a key file from another dealing, or another server's?)");
    }
}
