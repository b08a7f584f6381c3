package org.sintraee.runtime.node;

import java.nio.ByteBuffer;
import java.util.List;
import org.sintraee.protocol.abc.BatchCodec;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.Statement;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.Hashes;

/**
 * The batches {@link LeaderOrder} puts in {@code AbcMessage.Batch} frames: atomic broadcast's
 * own codec ({@link BatchCodec}), so a request costs the same bytes and the same decoding on
 * the wire in both modes; what is signed names its own step, so a signature of one mode never
 * counts in the other.
 */
final class LeaderBatch {
    private static final String BATCH_DOMAIN = "sintra-ee/leader/batch";

    private LeaderBatch() {
    }

    static Bytes encode(List<Bytes> requests) {
        return BatchCodec.encodeBatch(requests);
    }

    /** The requests of a batch and their digests, or why it is malformed. Never throws. */
    static Decoded<BatchCodec.Requests> decode(Bytes batch, int batchSize, int maxRequestBytes) {
        return BatchCodec.decodeRequests(batch, batchSize, maxRequestBytes);
    }

    /** What a server signs for its batch number {@code number} of kind {@code step} ("forward" or "order"). */
    static byte[] statement(Tag tag, String step, long number, Bytes batch) {
        return Statement.of(tag, "leader-" + step, ByteBuffer.allocate(8).putLong(number).array(),
                Hashes.sha256(BATCH_DOMAIN, batch.toArray()));
    }
}
