package org.sintraee.protocol.scabc;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.Ciphertext;
import org.sintraee.protocol.crypto.Hashes;
import org.sintraee.protocol.crypto.ThresholdDecryption;
import org.sintraee.protocol.crypto.Verdict;

/**
 * The client side of SC-ABC (PROTOCOLS.md step 1): the canonical label
 * {@code L = (tag, client id, request id)} and encryption under it.
 *
 * <p>Label layout: {@code tag.encoded() || int32 |id| || id (UTF-8) || int64 requestId}.
 * The tag's encoding is self-delimiting, so {@link #labelPrefix(Tag)} names exactly the
 * labels of one service instance, and every field has one encoding. The label is bound
 * into the ciphertext's validity proof, so a ciphertext made for one instance (or client,
 * or request) is invalid when relabelled for another.
 */
public final class ScabcClient {

    /** Client ids are short names; the bound keeps labels well below the ciphertext's label bound. */
    public static final int MAX_CLIENT_ID_BYTES = 256;

    private ScabcClient() {
    }

    /**
     * Encrypts {@code request} for the service instance {@code tag}.
     *
     * @throws IllegalArgumentException if the client id is empty or too long, or the request
     *         exceeds the scheme's bound (local misuse)
     */
    public static Ciphertext encrypt(ThresholdDecryption scheme, Tag tag, String clientId, long requestId,
                                     byte[] request, SecureRandom rnd) {
        Objects.requireNonNull(scheme, "scheme");
        return scheme.encrypt(label(tag, clientId, requestId), request, rnd);
    }

    /** The canonical label of request {@code requestId} of client {@code clientId} at instance {@code tag}. */
    public static byte[] label(Tag tag, String clientId, long requestId) {
        Objects.requireNonNull(tag, "tag");
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        if (id.length == 0 || id.length > MAX_CLIENT_ID_BYTES) {
            throw new IllegalArgumentException("client id must have 1.." + MAX_CLIENT_ID_BYTES + " bytes, has "
                    + id.length);
        }
        byte[] prefix = tag.encoded();
        byte[] out = new byte[prefix.length + 4 + id.length + 8];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(Hashes.int32(id.length), 0, out, prefix.length, 4);
        System.arraycopy(id, 0, out, prefix.length + 4, id.length);
        for (int i = 0; i < 8; i++) {
            out[out.length - 8 + i] = (byte) (requestId >>> (56 - 8 * i));
        }
        return out;
    }

    /** What every label of instance {@code tag} starts with. */
    public static byte[] labelPrefix(Tag tag) {
        return tag.encoded();
    }

    /**
     * Checks that {@code label} is a canonical label starting with {@code prefix}
     * (any prefix if null): the instance's tag, then a well-formed client id and request id.
     */
    static Verdict checkLabel(byte[] label, byte[] prefix) {
        int at = 0;
        if (prefix != null) {
            if (label.length < prefix.length || !Arrays.equals(label, 0, prefix.length, prefix, 0, prefix.length)) {
                return Verdict.invalid("label is not for this instance");
            }
            at = prefix.length;
        } else {
            // No instance given: skip the self-delimiting tag encoding (count, then length-prefixed segments).
            if (label.length < 1) {
                return Verdict.invalid("label is empty");
            }
            int segments = label[at++] & 0xff;
            for (int s = 0; s < segments; s++) {
                if (at >= label.length) {
                    return Verdict.invalid("label's tag is truncated");
                }
                at += 1 + (label[at] & 0xff);
            }
        }
        if (label.length - at < 4) {
            return Verdict.invalid("label has no client id");
        }
        int idLength = ((label[at] & 0xff) << 24) | ((label[at + 1] & 0xff) << 16) | ((label[at + 2] & 0xff) << 8)
                | (label[at + 3] & 0xff);
        if (idLength < 1 || idLength > MAX_CLIENT_ID_BYTES) {
            return Verdict.invalid("label's client id length " + Integer.toUnsignedString(idLength) + " is not in 1.."
                    + MAX_CLIENT_ID_BYTES);
        }
        if (label.length - at - 4 != idLength + 8) {
            return Verdict.invalid("label is not (tag, client id, request id)");
        }
        return Verdict.VALID;
    }
}
