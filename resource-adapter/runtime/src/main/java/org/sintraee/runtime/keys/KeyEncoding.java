package org.sintraee.runtime.keys;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.math.ec.ECPoint;
import org.sintraee.protocol.crypto.ec.Secp256k1;

/**
 * How values are written into key files; {@link FieldDecoder} is the strict inverse.
 * Writers must use these so that what the dealer writes is exactly what the reader accepts.
 */
public final class KeyEncoding {

    private static final HexFormat HEX = HexFormat.of();
    private static final Base64.Encoder PEM_BODY = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private KeyEncoding() {
    }

    /** Lowercase hex of the 33-byte compressed encoding. */
    public static String point(ECPoint p) {
        return HEX.formatHex(Secp256k1.encode(p));
    }

    /** Lowercase hex of the 32-byte big-endian encoding. */
    public static String scalar(BigInteger s) {
        return HEX.formatHex(Secp256k1.encodeScalar(s));
    }

    public static String bytes(byte[] b) {
        return HEX.formatHex(b);
    }

    /** Lowercase hex without sign or leading zeros, for non-negative RSA-size integers. */
    public static String bigInteger(BigInteger v) {
        if (v.signum() < 0) {
            throw new IllegalArgumentException("key files hold non-negative integers only");
        }
        return v.toString(16);
    }

    public static String certificate(X509Certificate cert) {
        try {
            return pem("CERTIFICATE", cert.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    /** PKCS#8 ("BEGIN PRIVATE KEY"), which is what the JDK's getEncoded() gives for EC, RSA and EdDSA keys. */
    public static String pkcs8(PrivateKey key) {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("private key is not PKCS#8-encodable");
        }
        return pem("PRIVATE KEY", key.getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + PEM_BODY.encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
