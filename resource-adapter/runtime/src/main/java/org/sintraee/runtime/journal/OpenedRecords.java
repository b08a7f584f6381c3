package org.sintraee.runtime.journal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.Tag;

/**
 * Encrypted deliveries in the journal (secure causal atomic broadcast). An ordered request
 * whose bytes start with {@link #MARKER} is an encrypted request: its Delivery record holds the
 * ciphertext as ordered, and a later durable record {@code opened/<seq>} holds its outcome,
 * written once t + 1 decryption shares opened it (or it was skipped). Everything that shows
 * deliveries (the node's listener, {@link DeliveryReader}) shows the outcome's
 * {@link #shown content} instead of the ciphertext, so a restarted node never decrypts twice.
 *
 * <p>Record data: {@code u8 kind | bytes}: kind 1 = decrypted, bytes = the plaintext; kind 2 =
 * skipped (invalid, a replayed key, or a payload that does not decrypt: the same at every
 * honest server), bytes = the reason in UTF-8. A skipped request is shown as an EMPTY request,
 * so consumers still see its seq and no position is missing.
 */
public final class OpenedRecords {
    /** The prefix of an encrypted request: starts with 0x00 0xFF, which no text request does. */
    public static final byte[] MARKER = {0x00, (byte) 0xFF, 'S', 'C', 'A', 'B', 'C', 0x01};
    static final String WHAT = "opened/";
    private static final byte DECRYPTED = 1;
    private static final byte SKIPPED = 2;

    private OpenedRecords() {
    }

    /** Whether an ordered request is an encrypted one (starts with the marker). */
    public static boolean isEncrypted(byte[] request) {
        return request.length >= MARKER.length && Arrays.equals(request, 0, MARKER.length, MARKER, 0, MARKER.length);
    }

    /** The marker followed by {@code encodedCiphertext}: the request to order. */
    public static byte[] wrap(byte[] encodedCiphertext) {
        byte[] out = Arrays.copyOf(MARKER, MARKER.length + encodedCiphertext.length);
        System.arraycopy(encodedCiphertext, 0, out, MARKER.length, encodedCiphertext.length);
        return out;
    }

    /** The encoded ciphertext inside an encrypted request. */
    public static byte[] unwrap(byte[] request) {
        return Arrays.copyOfRange(request, MARKER.length, request.length);
    }

    /** The record of seq's plaintext. */
    public static DurableRecord decrypted(Tag tag, long seq, byte[] plaintext) {
        return new DurableRecord(tag, WHAT + seq, data(DECRYPTED, plaintext));
    }

    /** The record of seq's skip, with the reason (the same at every honest server). */
    public static DurableRecord skipped(Tag tag, long seq, String reason) {
        return new DurableRecord(tag, WHAT + seq, data(SKIPPED, reason.getBytes(StandardCharsets.UTF_8)));
    }

    /** The seq an opened record is for; empty if {@code r} is no opened record. */
    public static Optional<Long> seqOf(DurableRecord r) {
        if (!r.what().startsWith(WHAT)) {
            return Optional.empty();
        }
        try {
            long seq = Long.parseLong(r.what().substring(WHAT.length()));
            return seq >= 0 && r.data().length >= 1 ? Optional.of(seq) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the record says the request was decrypted (else it was skipped). */
    public static boolean isDecrypted(DurableRecord r) {
        return r.data()[0] == DECRYPTED;
    }

    /** What consumers see for this outcome: the plaintext, or an empty request for a skip. */
    public static byte[] shown(DurableRecord r) {
        byte[] d = r.data();
        return d[0] == DECRYPTED ? Arrays.copyOfRange(d, 1, d.length) : new byte[0];
    }

    private static byte[] data(byte kind, byte[] bytes) {
        byte[] out = new byte[1 + bytes.length];
        out[0] = kind;
        System.arraycopy(bytes, 0, out, 1, bytes.length);
        return out;
    }
}
