package org.sintraee.runtime.keys;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import java.util.List;

/**
 * The JSON shape of the public key file that every server and client reads (JSON-B binds
 * it; {@link PublicKeysReader} validates it). Points and scalars are lowercase hex of
 * their fixed-size encodings, RSA numbers lowercase hex, certificates PEM. Boxed types,
 * so that a missing field is null and is reported as missing rather than read as 0.
 */
@JsonbPropertyOrder({"format", "version", "servers", "faulty", "members", "coin", "encryption", "serviceSignature"})
public final class PublicKeyFile {
    public String format;
    @JsonbTypeDeserializer(WholeNumber.class)
    public Integer version;
    /** n. */
    @JsonbTypeDeserializer(WholeNumber.class)
    public Integer servers;
    /** t, with 3t &lt; n. */
    @JsonbTypeDeserializer(WholeNumber.class)
    public Integer faulty;
    public List<Member> members;
    public DlogKey coin;
    public DlogKey encryption;
    public ServiceSignature serviceSignature;

    /** One server: its id 1..n, where peers reach it, and the keys that authenticate it. */
    @JsonbPropertyOrder({"id", "address", "signingKey", "certificate"})
    public static final class Member {
        @JsonbTypeDeserializer(WholeNumber.class)
        public Integer id;
        /** host:port, IPv6 literals in brackets. */
        public String address;
        /** Ed25519 public key, 32 bytes. */
        public String signingKey;
        /** The self-signed TLS certificate (PEM) that peers pin. */
        public String certificate;
    }

    /** A discrete-log key shared t+1-of-n: the coin's and TDH2's sections have this shape. */
    @JsonbPropertyOrder({"scheme", "threshold", "publicKey", "verificationKeys"})
    public static final class DlogKey {
        public String scheme;
        @JsonbTypeDeserializer(WholeNumber.class)
        public Integer threshold;
        /** g^x, compressed point. */
        public String publicKey;
        /** g^{x_i} for i = 1..n in order. */
        public List<String> verificationKeys;
    }

    /** Shoup's threshold RSA public key: (N, e), v, the v_i, and u of Jacobi symbol -1. */
    @JsonbPropertyOrder({"scheme", "threshold", "modulus", "publicExponent", "v", "verificationKeys", "u"})
    public static final class ServiceSignature {
        public String scheme;
        @JsonbTypeDeserializer(WholeNumber.class)
        public Integer threshold;
        public String modulus;
        public String publicExponent;
        public String v;
        /** v_i = v^{s_i} for i = 1..n in order. */
        public List<String> verificationKeys;
        public String u;
    }
}
