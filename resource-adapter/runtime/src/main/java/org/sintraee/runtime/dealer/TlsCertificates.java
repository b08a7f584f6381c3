package org.sintraee.runtime.dealer;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.sintraee.runtime.keys.HostPort;

/**
 * Each server's TLS identity: an ECDSA P-256 key and a self-signed X.509 v3 certificate.
 * Peers pin these exact certificates (mutual TLS 1.3), so no CA is involved; the
 * extensions are still the usual ones so that standard TLS stacks accept the certificate
 * as both a server and a client certificate for the host in the SAN.
 */
final class TlsCertificates {
    static final String CURVE = "secp256r1";
    static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    static final int VALIDITY_YEARS = 10;

    private TlsCertificates() {
    }

    static KeyPair keyPair(SecureRandom rnd) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(CURVE), rnd);
        return generator.generateKeyPair();
    }

    /** Valid from a day before {@code now} (clock skew between machines) for ten years. */
    static X509Certificate selfSigned(int id, HostPort host, KeyPair keys, SecureRandom rnd, Instant now)
            throws GeneralSecurityException {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "sintra-server-" + id).build();
        // Positive and at most 128 bits, well inside RFC 5280's 20 octets.
        BigInteger serial = new BigInteger(127, rnd).add(BigInteger.ONE);
        Date notBefore = Date.from(now.minus(1, ChronoUnit.DAYS));
        Date notAfter = Date.from(now.atOffset(ZoneOffset.UTC).plusYears(VALIDITY_YEARS).toInstant());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                subject, serial, notBefore, notAfter, subject, keys.getPublic());
        int sanType = host.isIpAddress() ? GeneralName.iPAddress : GeneralName.dNSName;
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(sanType, host.host())));
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).setSecureRandom(rnd).build(keys.getPrivate())));
        } catch (CertIOException | OperatorCreationException e) {
            throw new GeneralSecurityException("cannot build the TLS certificate of server " + id, e);
        }
    }
}
