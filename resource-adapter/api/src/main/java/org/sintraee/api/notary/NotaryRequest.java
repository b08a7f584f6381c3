package org.sintraee.api.notary;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The request the notary service orders: a fixed prefix and the document's SHA-256 digest.
 * The prefix keeps notary requests apart from any other request the same cluster orders;
 * the document itself never leaves the client.
 */
public final class NotaryRequest {
    /** Bytes of a document digest (SHA-256). */
    public static final int DIGEST_BYTES = 32;
    /** The request type ({@code OrderedRequest.type()}) of notary requests. */
    public static final String TYPE = "sintra-ee/notary/v1";
    private static final byte[] PREFIX = (TYPE + "\0").getBytes(StandardCharsets.US_ASCII);

    private NotaryRequest() {
    }

    /**
     * The request for {@code documentDigest}.
     *
     * @throws IllegalArgumentException if the digest is not 32 bytes
     */
    public static byte[] encode(byte[] documentDigest) {
        Objects.requireNonNull(documentDigest, "documentDigest");
        if (documentDigest.length != DIGEST_BYTES) {
            throw new IllegalArgumentException("a document digest is " + DIGEST_BYTES + " bytes (SHA-256), not "
                    + documentDigest.length);
        }
        byte[] request = Arrays.copyOf(PREFIX, PREFIX.length + DIGEST_BYTES);
        System.arraycopy(documentDigest, 0, request, PREFIX.length, DIGEST_BYTES);
        return request;
    }

    /** The document digest if {@code request} is a notary request, else empty. */
    public static Optional<byte[]> digestOf(byte[] request) {
        if (request == null || request.length != PREFIX.length + DIGEST_BYTES
                || !Arrays.equals(request, 0, PREFIX.length, PREFIX, 0, PREFIX.length)) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOfRange(request, PREFIX.length, request.length));
    }
}
