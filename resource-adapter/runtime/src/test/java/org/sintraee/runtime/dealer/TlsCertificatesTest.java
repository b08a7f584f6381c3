package org.sintraee.runtime.dealer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.runtime.keys.HostPort;

class TlsCertificatesTest {

    private static X509Certificate certificate(HostPort host) throws Exception {
        SeededRandom rnd = new SeededRandom(5);
        KeyPair keys = TlsCertificates.keyPair(rnd);
        return TlsCertificates.selfSigned(3, host, keys, rnd, TestDealings.NOW);
    }

    @Test
    void isASelfSignedV3P256CertificateForTlsClientsAndServers() throws Exception {
        X509Certificate cert = certificate(new HostPort("10.1.2.3", 7003));
        assertEquals(3, cert.getVersion());
        assertEquals("CN=sintra-server-3", cert.getSubjectX500Principal().getName());
        assertEquals(cert.getSubjectX500Principal(), cert.getIssuerX500Principal());
        cert.verify(cert.getPublicKey());
        assertEquals("SHA256withECDSA", cert.getSigAlgName());
        assertEquals(256, ((ECPublicKey) cert.getPublicKey()).getParams().getOrder().bitLength());
        assertTrue(cert.getSerialNumber().signum() > 0);
        assertEquals(-1, cert.getBasicConstraints(), "not a CA");
        boolean[] usage = cert.getKeyUsage();
        assertTrue(usage[0], "digitalSignature");
        for (int i = 1; i < usage.length; i++) {
            assertTrue(!usage[i], "only digitalSignature, not usage bit " + i);
        }
        assertEquals(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"), cert.getExtendedKeyUsage());
    }

    @Test
    void isValidFromADayBeforeNowForTenYears() throws Exception {
        X509Certificate cert = certificate(new HostPort("10.1.2.3", 7003));
        assertEquals(TestDealings.NOW.minus(1, ChronoUnit.DAYS), cert.getNotBefore().toInstant());
        assertEquals(java.time.Instant.parse("2035-06-01T12:00:00Z"), cert.getNotAfter().toInstant());
    }

    @Test
    void namesAnIpHostAsIpAndADnsHostAsDns() throws Exception {
        Collection<List<?>> ip = certificate(new HostPort("10.1.2.3", 7003)).getSubjectAlternativeNames();
        assertEquals(List.of(List.of(7, "10.1.2.3")), List.copyOf(ip));
        Collection<List<?>> v6 = certificate(new HostPort("::1", 7003)).getSubjectAlternativeNames();
        assertEquals(7, v6.iterator().next().get(0));
        Collection<List<?>> dns = certificate(new HostPort("replica-3.example.org", 7003)).getSubjectAlternativeNames();
        assertEquals(List.of(List.of(2, "replica-3.example.org")), List.copyOf(dns));
    }

    @Test
    void eachServerOfADealingHasItsOwnKeyAndCertificate() throws Exception {
        var f = TestDealings.first().publicFile();
        for (int a = 0; a < 4; a++) {
            for (int b = a + 1; b < 4; b++) {
                assertNotEquals(f.members.get(a).certificate, f.members.get(b).certificate);
            }
        }
    }

    @Test
    void sameSeedAndClockGiveTheSameCertificate() throws Exception {
        HostPort host = new HostPort("10.1.2.3", 7003);
        assertArrayEquals(certificate(host).getEncoded(), certificate(host).getEncoded());
    }
}
