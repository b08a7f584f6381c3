package org.sintraee.runtime.link;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.sintraee.runtime.dealer.TestDealings;
import org.sintraee.runtime.keys.KeyFiles;
import org.sintraee.runtime.keys.PublicKeys;
import org.sintraee.runtime.keys.ServerKeys;

/** The n = 4 test dealing (insecure, fast), loaded through the key files once per JVM, and stranger identities. */
final class LinkKeys {
    static final int N = 4;
    private static PublicKeys publicKeys;
    private static ServerKeys[] serverKeys;

    private LinkKeys() {
    }

    static synchronized PublicKeys publicKeys() {
        load();
        return publicKeys;
    }

    static synchronized ServerKeys server(int id) {
        load();
        return serverKeys[id];
    }

    static TlsIdentity identity(int id) {
        return TlsIdentity.of(server(id));
    }

    static Map<Integer, X509Certificate> pinned() {
        return PeerLinks.pinnedCertificates(publicKeys());
    }

    private static void load() {
        if (publicKeys != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("link-keys");
            try {
                List<Path> files = TestDealings.write(TestDealings.first(), dir);
                publicKeys = KeyFiles.loadPublic(files.get(0));
                serverKeys = new ServerKeys[N + 1];
                for (int id = 1; id <= N; id++) {
                    serverKeys[id] = KeyFiles.loadPrivate(files.get(id), publicKeys, id);
                }
            } finally {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh P-256 key with a self-signed certificate under {@code commonName}: pinned by nobody. */
    static TlsIdentity stranger(String commonName) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair kp = g.generateKeyPair();
            X500Name name = new X500Name("CN=" + commonName);
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365, ChronoUnit.DAYS)), name,
                    kp.getPublic());
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
            return new TlsIdentity(kp.getPrivate(), cert);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }
}
