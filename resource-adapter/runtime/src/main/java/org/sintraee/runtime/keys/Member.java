package org.sintraee.runtime.keys;

import java.security.cert.X509Certificate;
import java.util.Objects;

/** One server as the public file describes it: id 1..n, address, Ed25519 key, pinned TLS certificate. */
public final class Member {
    private final int id;
    private final HostPort address;
    private final byte[] signingKey;
    private final X509Certificate certificate;

    Member(int id, HostPort address, byte[] signingKey, X509Certificate certificate) {
        this.id = id;
        this.address = Objects.requireNonNull(address);
        this.signingKey = signingKey.clone();
        this.certificate = Objects.requireNonNull(certificate);
    }

    public int id() {
        return id;
    }

    public HostPort address() {
        return address;
    }

    /** The 32-byte Ed25519 public key (a copy). */
    public byte[] signingKey() {
        return signingKey.clone();
    }

    /** The self-signed certificate peers pin for this server's TLS identity. */
    public X509Certificate certificate() {
        return certificate;
    }

    @Override
    public String toString() {
        return "Member[" + id + ", " + address + "]";
    }
}
