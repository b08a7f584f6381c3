package org.sintraee.runtime.link;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Mutual TLS 1.3 with pinned certificates: a peer is trusted iff its certificate is byte-equal
 * to a member's certificate from the public file (no CA, no host name check; the pin replaces
 * both). TLS itself proves the peer holds that certificate's key, so the certificate names the
 * server: {@link #memberOf} maps it to its id, which is how ids are bound to connections.
 */
final class PinnedTls {
    static final String PROTOCOL = "TLSv1.3";
    private static final String ALIAS = "self";

    private final int self;
    private final Map<Integer, byte[]> pinned = new TreeMap<>();
    private final SSLContext context;

    PinnedTls(int self, TlsIdentity me, Map<Integer, X509Certificate> certificates) throws GeneralSecurityException {
        this.self = self;
        for (Map.Entry<Integer, X509Certificate> e : certificates.entrySet()) {
            pinned.put(e.getKey(), e.getValue().getEncoded());
        }
        if (!MessageDigest.isEqual(me.certificate().getEncoded(), pinned.get(self))) {
            throw new IllegalArgumentException("the TLS identity's certificate is not server " + self
                    + "'s pinned certificate");
        }
        context = SSLContext.getInstance(PROTOCOL);
        context.init(new KeyManager[] {new OwnKey(me)}, new TrustManager[] {new PinnedTrust()}, new SecureRandom());
    }

    /** A TLS 1.3-only socket over an already connected one; closing it closes {@code raw}. */
    SSLSocket wrap(Socket raw, boolean client) throws java.io.IOException {
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(raw,
                raw.getInetAddress().getHostAddress(), raw.getPort(), true);
        SSLParameters p = s.getSSLParameters();
        p.setProtocols(new String[] {PROTOCOL});
        p.setEndpointIdentificationAlgorithm(null);
        p.setNeedClientAuth(true);
        s.setSSLParameters(p);
        s.setUseClientMode(client);
        return s;
    }

    /** The id of the member that presented this session's certificate, or 0 if it is no member other than us. */
    int memberOf(SSLSession session) throws SSLPeerUnverifiedException, CertificateEncodingException {
        Certificate[] chain = session.getPeerCertificates();
        if (chain.length == 0) {
            return 0;
        }
        return memberOf(chain[0].getEncoded());
    }

    private int memberOf(byte[] encoded) {
        for (Map.Entry<Integer, byte[]> e : pinned.entrySet()) {
            if (e.getKey() != self && MessageDigest.isEqual(e.getValue(), encoded)) {
                return e.getKey();
            }
        }
        return 0;
    }

    /** Accepts exactly the pinned certificates of the other members, as client or as server. */
    private final class PinnedTrust extends X509ExtendedTrustManager {
        private void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0 || memberOf(chain[0].getEncoded()) == 0) {
                throw new CertificateException("certificate is not pinned for any other server");
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** Always presents this server's one certificate (the peers ask for no particular issuer). */
    private static final class OwnKey extends X509ExtendedKeyManager {
        private final TlsIdentity me;

        OwnKey(TlsIdentity me) {
            this.me = me;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {ALIAS};
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return anyFits(keyType);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return new String[] {ALIAS};
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return fits(keyType);
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return anyFits(keyType);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return fits(keyType);
        }

        /** JSSE asks once per key type it could use; only our key's type ("EC") has a key. */
        private String fits(String keyType) {
            return me.key().getAlgorithm().equals(keyType) ? ALIAS : null;
        }

        private String anyFits(String[] keyTypes) {
            for (String k : keyTypes) {
                if (fits(k) != null) {
                    return ALIAS;
                }
            }
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return new X509Certificate[] {me.certificate()};
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return me.key();
        }
    }
}
