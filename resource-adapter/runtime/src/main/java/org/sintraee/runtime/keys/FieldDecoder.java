package org.sintraee.runtime.keys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.ec.Secp256k1;

/**
 * Strict decoding of one file's fields, each failure a {@link KeyFileException} naming the
 * file and field. Messages describe shape only (length, range, encoding), never the value,
 * and no decoding exception is chained, so secret fields cannot leak through either.
 */
final class FieldDecoder {
    /** Bounds RSA-size hex fields well above a 16384-bit modulus, so junk cannot cost much. */
    private static final int MAX_BIG_HEX = 8192;

    private final String file;

    FieldDecoder(String file) {
        this.file = file;
    }

    KeyFileException error(String field, String problem) {
        return KeyFileException.field(file, field, problem);
    }

    <T> T require(T value, String field) throws KeyFileException {
        if (value == null) {
            throw error(field, "is missing");
        }
        return value;
    }

    <T> List<T> list(List<T> values, String field, int size) throws KeyFileException {
        require(values, field);
        if (values.size() != size) {
            throw error(field, "has " + values.size() + " entries, expected n = " + size);
        }
        for (int i = 0; i < values.size(); i++) {
            require(values.get(i), field + "[" + i + "]");
        }
        return values;
    }

    byte[] hex(String value, String field, int bytes) throws KeyFileException {
        byte[] b = hexBytes(value, field);
        if (b.length != bytes) {
            throw error(field, "must be " + bytes + " bytes (" + 2 * bytes + " hex digits), got " + b.length);
        }
        return b;
    }

    ECPoint point(String value, String field) throws KeyFileException {
        Decoded<ECPoint> p = Secp256k1.decodePoint(hex(value, field, Secp256k1.POINT_BYTES));
        if (!p.ok()) {
            throw error(field, "is not a secp256k1 group element: " + p.error());
        }
        return p.get();
    }

    /** A secret scalar share: 1..q-1 (zero is never dealt). */
    BigInteger scalar(String value, String field) throws KeyFileException {
        Decoded<BigInteger> s = Secp256k1.decodeScalar(hex(value, field, Secp256k1.SCALAR_BYTES));
        if (!s.ok() || s.get().signum() == 0) {
            throw error(field, "is not a scalar in 1..q-1 of secp256k1");
        }
        return s.get();
    }

    /** A non-negative integer as hex digits (RSA values); ranges are the caller's to check. */
    BigInteger bigInteger(String value, String field) throws KeyFileException {
        require(value, field);
        if (value.isEmpty() || value.length() > MAX_BIG_HEX || !isHex(value)) {
            throw error(field, "must be a non-empty hex number of at most " + MAX_BIG_HEX + " digits");
        }
        return new BigInteger(value, 16);
    }

    X509Certificate certificate(String pem, String field) throws KeyFileException {
        require(pem, field);
        if (!pem.strip().startsWith("-----BEGIN CERTIFICATE-----")) {
            throw error(field, "must be a PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return (X509Certificate) factory.generateCertificate(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw error(field, "is not a valid X.509 certificate in PEM");
        }
    }

    /** A PKCS#8 PEM private key ("BEGIN PRIVATE KEY"); other PEM types are refused by name. */
    PrivateKey pkcs8(String pem, String field) throws KeyFileException {
        require(pem, field);
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            parsed = null;
        }
        if (!(parsed instanceof PrivateKeyInfo info)) {
            throw error(field, "must be an unencrypted PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----)");
        }
        try {
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException | RuntimeException e) {
            throw error(field, "holds a PKCS#8 key of an unsupported or malformed kind");
        }
    }

    private byte[] hexBytes(String value, String field) throws KeyFileException {
        require(value, field);
        if (value.length() % 2 != 0 || !isHex(value)) {
            throw error(field, "is not hex (an even number of digits 0-9, a-f)");
        }
        byte[] out = new byte[value.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (Character.digit(value.charAt(2 * i), 16) << 4 | Character.digit(value.charAt(2 * i + 1), 16));
        }
        return out;
    }

    private static boolean isHex(String s) {
        return s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
    }
}
