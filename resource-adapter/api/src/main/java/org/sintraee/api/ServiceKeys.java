package org.sintraee.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * The service's one public key as a PEM file ({@code service-key.pem}, written by the dealer
 * next to {@code public.json}): an RSA X.509 SubjectPublicKeyInfo, the form
 * {@code openssl pkey -pubin} reads. Clients need nothing else to check an {@link OrderCertificate}.
 */
public final class ServiceKeys {
    /** The file name the dealer uses. */
    public static final String FILE_NAME = "service-key.pem";
    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";
    /** A 16384-bit key's PEM is well below this. */
    private static final long MAX_FILE_BYTES = 16 * 1024;

    private ServiceKeys() {
    }

    /**
     * Reads an RSA public key from a PEM file.
     *
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if it is not one PEM "PUBLIC KEY" of an RSA key (naming the file)
     */
    public static PublicKey readPem(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new IllegalArgumentException(file + ": " + size + " bytes is too large for a service key");
        }
        return fromPem(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    }

    /** Parses PEM text; {@code source} names it in errors. */
    public static PublicKey fromPem(String pem, String source) {
        Objects.requireNonNull(pem, "pem");
        String text = pem.strip();
        if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
            throw new IllegalArgumentException(source + ": not a PEM \"PUBLIC KEY\" (" + BEGIN + " ... " + END + ")");
        }
        String body = text.substring(BEGIN.length(), text.length() - END.length()).replaceAll("\\s", "");
        try {
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
            if (!(key instanceof RSAPublicKey)) {
                throw new IllegalArgumentException(source + ": not an RSA public key");
            }
            return key;
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException(source + ": not a valid RSA SubjectPublicKeyInfo: " + e.getMessage(), e);
        }
    }

    /** The PEM text of a public key (64-character lines). */
    public static String toPem(PublicKey key) {
        Objects.requireNonNull(key, "key");
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return BEGIN + "\n" + body + "\n" + END + "\n";
    }
}
