package org.sintraee.runtime.replica;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test fixture: a non-member with a fresh P-256 key and a self-signed certificate, dialling a
 * replica's peer port over TLS 1.3. It trusts any server, so the only thing that can refuse
 * the connection is the replica.
 */
final class StrangerTls {
    private StrangerTls() {
    }

    /**
     * Dials, handshakes and reads. Returns what happened: "refused: ..." if the replica cut the
     * connection (exception or end of stream), "accepted" if it sent any byte.
     */
    static String dial(InetSocketAddress peerPort) throws Exception {
        SecureRandom rnd = new SecureRandom();
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), rnd);
        KeyPair kp = g.generateKeyPair();
        X500Name name = new X500Name("CN=stranger");
        Instant now = Instant.now();
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(rnd.nextInt(1 << 30) + 1L), Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(1, ChronoUnit.DAYS)), name, kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] pw = "stranger".toCharArray();
        ks.setKeyEntry("stranger", kp.getPrivate(), pw, new X509Certificate[] {cert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(kmf.getKeyManagers(), new TrustManager[] {new TrustAll()}, rnd);
        try (Socket raw = new Socket()) {
            raw.connect(peerPort, 10_000);
            raw.setSoTimeout(20_000);
            SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(raw, peerPort.getHostString(),
                    peerPort.getPort(), true);
            s.setUseClientMode(true);
            s.setEnabledProtocols(new String[] {"TLSv1.3"});
            s.startHandshake();
            // TLS 1.3: the server checks our certificate after our Finished, so a refusal shows on reading.
            int b = s.getInputStream().read();
            return b < 0 ? "refused: end of stream" : "accepted";
        } catch (java.net.SocketTimeoutException e) {
            return "undecided: " + e;
        } catch (java.io.IOException e) {
            return "refused: " + e;
        }
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
