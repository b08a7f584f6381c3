package org.sintraee.api.notary;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.sintraee.api.OrderCertificate;

/**
 * The notary's answer: the document digest, where the service ordered it (seq and round)
 * and the service's threshold signature over that round, as an {@link OrderCertificate}.
 * It is checked with the service's one public key alone ({@link #verify}).
 *
 * <p>JSON form: {@code {"digest":"<64 hex>","seq":N,"round":N,"certificate":"<base64>"}};
 * seq and round are repeated for readers and must match the certificate.
 */
public record NotaryReceipt(byte[] documentDigest, OrderCertificate certificate) {

    public NotaryReceipt {
        Objects.requireNonNull(documentDigest, "documentDigest");
        Objects.requireNonNull(certificate, "certificate");
        if (documentDigest.length != NotaryRequest.DIGEST_BYTES) {
            throw new IllegalArgumentException("a document digest is " + NotaryRequest.DIGEST_BYTES + " bytes");
        }
        documentDigest = documentDigest.clone();
    }

    @Override
    public byte[] documentDigest() {
        return documentDigest.clone();
    }

    public long seq() {
        return certificate.seq();
    }

    public long round() {
        return certificate.round();
    }

    /** True iff the service key signed the round that holds this digest's notary request at seq. */
    public boolean verify(PublicKey serviceKey) {
        return certificate.verify(serviceKey, NotaryRequest.encode(documentDigest));
    }

    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("digest", HexFormat.of().formatHex(documentDigest));
        m.put("seq", certificate.seq());
        m.put("round", certificate.round());
        m.put("certificate", Base64.getEncoder().encodeToString(certificate.toBytes()));
        return FlatJson.write(m);
    }

    /**
     * Reads {@link #toJson()}'s form. It does not verify the signature: call {@link #verify}.
     *
     * @throws IllegalArgumentException naming what is malformed
     */
    public static NotaryReceipt fromJson(String json) {
        Map<String, Object> m = FlatJson.parse(json);
        byte[] digest;
        byte[] certificate;
        try {
            digest = HexFormat.of().parseHex(member(m, "digest", String.class));
            certificate = Base64.getDecoder().decode(member(m, "certificate", String.class));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("notary answer: digest or certificate is not hex/base64: "
                    + e.getMessage(), e);
        }
        OrderCertificate c = OrderCertificate.fromBytes(certificate);
        if (member(m, "seq", Long.class) != c.seq() || member(m, "round", Long.class) != c.round()) {
            throw new IllegalArgumentException("notary answer: seq or round differs from its certificate's");
        }
        return new NotaryReceipt(digest, c);
    }

    private static <T> T member(Map<String, Object> m, String name, Class<T> type) {
        Object v = m.get(name);
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("notary answer: member \"" + name + "\" missing or not a "
                    + (type == Long.class ? "number" : "string"));
        }
        return type.cast(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NotaryReceipt r && Arrays.equals(documentDigest, r.documentDigest)
                && certificate.equals(r.certificate);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(documentDigest) + certificate.hashCode();
    }

    @Override
    public String toString() {
        return "NotaryReceipt[digest=" + HexFormat.of().formatHex(documentDigest, 0, 8) + "..., " + certificate + "]";
    }
}
