package org.sintraee.runtime.link;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.sintraee.runtime.keys.ServerKeys;

/** This server's TLS key and the certificate the others pin for it. {@link #toString()} hides the key. */
public record TlsIdentity(PrivateKey key, X509Certificate certificate) {

    public TlsIdentity {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** The TLS identity from a server's dealt keys. */
    public static TlsIdentity of(ServerKeys keys) {
        return new TlsIdentity(keys.tlsPrivateKey(), keys.tlsCertificate());
    }

    @Override
    public String toString() {
        return "TlsIdentity[" + certificate.getSubjectX500Principal().getName() + ", key=<redacted>]";
    }
}
