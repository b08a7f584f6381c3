package org.sintraee.runtime.node;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sintraee.api.CheckpointCertificate;
import org.sintraee.api.OrderHashes;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.crypto.Decoded;

/**
 * A decided round for a server behind a pruned peer (see package-info, "Checkpoints"): the
 * requests the round delivered, in order, the certified checkpoint whose interval holds the
 * round, and the round's Merkle path under it. The receiver checks it against its own chain:
 * the requests carry its chain on to the value the round's leaf names.
 *
 * <p>Encoding: {@code u64 round | u32 |certificate| | certificate | u8 depth | depth * 32 bytes |
 * u32 count | count * (u32 |request| | request)}; exact, bounded before allocation.
 */
record CheckpointedRound(long round, CheckpointCertificate certificate, byte[][] path, List<Bytes> requests) {
    /** A path is at most this deep: log2 of the longest interval, plus one. */
    static final int MAX_DEPTH = 17;

    CheckpointedRound {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(path, "path");
        requests = List.copyOf(requests);
    }

    byte[] encode() {
        byte[] cert = certificate.toBytes();
        int size = 8 + 4 + cert.length + 1 + path.length * OrderHashes.HASH_BYTES + 4;
        for (Bytes r : requests) {
            size += 4 + r.length();
        }
        ByteBuffer b = ByteBuffer.allocate(size).putLong(round).putInt(cert.length).put(cert).put((byte) path.length);
        for (byte[] p : path) {
            b.put(p);
        }
        b.putInt(requests.size());
        for (Bytes r : requests) {
            b.putInt(r.length()).put(r.toArray());
        }
        return b.array();
    }

    /** Decodes with at most {@code maxRequests} requests of at most {@code maxRequestBytes} each; never throws. */
    static Decoded<CheckpointedRound> decode(byte[] bytes, int maxRequests, int maxRequestBytes) {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            long round = b.getLong();
            CheckpointCertificate certificate = CheckpointCertificate.fromBytes(slice(b, b.getInt(), 4096));
            int depth = b.get() & 0xFF;
            if (depth > MAX_DEPTH) {
                return Decoded.error("a Merkle path of " + depth + " levels");
            }
            byte[][] path = new byte[depth][];
            for (int i = 0; i < depth; i++) {
                path[i] = slice(b, OrderHashes.HASH_BYTES, OrderHashes.HASH_BYTES);
            }
            int count = b.getInt();
            if (count < 0 || count > maxRequests) {
                return Decoded.error(count + " requests in one round, over " + maxRequests);
            }
            List<Bytes> requests = new ArrayList<>(Math.min(count, 1024));
            for (int i = 0; i < count; i++) {
                requests.add(Bytes.of(slice(b, b.getInt(), maxRequestBytes)));
            }
            if (b.hasRemaining()) {
                return Decoded.error(b.remaining() + " bytes after the requests");
            }
            return Decoded.of(new CheckpointedRound(round, certificate, path, requests));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return Decoded.error("checkpointed round: " + e.getMessage());
        }
    }

    private static byte[] slice(ByteBuffer b, int length, int max) {
        if (length < 0 || length > max || length > b.remaining()) {
            throw new IllegalArgumentException("a field of " + length + " bytes (at most " + max + ", "
                    + b.remaining() + " left)");
        }
        byte[] out = new byte[length];
        b.get(out);
        return out;
    }
}
