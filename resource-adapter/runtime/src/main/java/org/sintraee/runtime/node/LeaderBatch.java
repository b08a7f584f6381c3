package org.sintraee.runtime.node;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.sintraee.protocol.abc.AtomicBroadcast;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.Statement;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.Hashes;

/**
 * The batches {@link LeaderOrder} puts in {@code AbcMessage.Batch} frames: the same canonical
 * form as atomic broadcast's ({@code int32 count, then per request int32 length || bytes},
 * bounded by batchSize and maxRequestBytes), so a request costs the same bytes and the same
 * decoding on the wire in both modes. The protocol's own codec is package-private, hence this
 * copy of the (documented) format; what is signed names its own step, so a signature of one
 * mode never counts in the other.
 */
final class LeaderBatch {
    private static final String BATCH_DOMAIN = "sintra-ee/leader/batch";

    /** A well-formed batch's requests and their digests ({@link AtomicBroadcast#requestDigest}). */
    record Requests(List<Bytes> requests, List<Bytes> digests) {
    }

    private LeaderBatch() {
    }

    static Bytes encode(List<Bytes> requests) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Hashes.int32(requests.size()));
        for (Bytes r : requests) {
            out.writeBytes(Hashes.int32(r.length()));
            out.writeBytes(r.toArray());
        }
        return Bytes.of(out.toByteArray());
    }

    /** The requests of a batch, or why it is malformed. Never throws. */
    static Decoded<Requests> decode(Bytes batch, int batchSize, int maxRequestBytes) {
        if (batch.length() > 4 + (long) batchSize * (4 + maxRequestBytes)) {
            return Decoded.error("batch of " + batch.length() + " bytes exceeds the bound");
        }
        ByteBuffer in = ByteBuffer.wrap(batch.toArray());
        if (in.remaining() < 4) {
            return Decoded.error("batch has no count");
        }
        int count = in.getInt();
        if (count < 0 || count > batchSize) {
            return Decoded.error("batch of " + count + " requests, bound " + batchSize);
        }
        List<Bytes> requests = new ArrayList<>(count);
        List<Bytes> digests = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            if (in.remaining() < 4) {
                return Decoded.error("batch truncated at request " + k);
            }
            int len = in.getInt();
            if (len < 0 || len > maxRequestBytes || len > in.remaining()) {
                return Decoded.error("request " + k + " of length " + len + " (bound " + maxRequestBytes + ")");
            }
            byte[] r = new byte[len];
            in.get(r);
            Bytes request = Bytes.of(r);
            requests.add(request);
            digests.add(AtomicBroadcast.requestDigest(request));
        }
        if (in.hasRemaining()) {
            return Decoded.error(in.remaining() + " trailing bytes after the batch");
        }
        return Decoded.of(new Requests(requests, digests));
    }

    /** What a server signs for its batch number {@code number} of kind {@code step} ("forward" or "order"). */
    static byte[] statement(Tag tag, String step, long number, Bytes batch) {
        return Statement.of(tag, "leader-" + step, ByteBuffer.allocate(8).putLong(number).array(),
                Hashes.sha256(BATCH_DOMAIN, batch.toArray()));
    }
}
