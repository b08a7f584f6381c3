package org.sintraee.protocol.abc;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.sintraee.protocol.abc.BatchCodec.SignedBatch;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.Hashes;
import org.sintraee.protocol.crypto.QuorumCertificate;

/**
 * A round's proposal vector with each batch named by its {@link BatchCodec#batchDigest}
 * instead of carried: {@code int32 count, then per entry int32 server || 32-byte digest ||
 * int32 |sig| || sig}, servers strictly ascending. The receiver fills in the batches it
 * already holds (every server sent its batch to all) and so rebuilds the exact vector; SHA-256
 * fixes the bytes. It travels in place of the vector in the proposer's C-SEND, which is what
 * made each request cross the wire about n(n - t) times.
 */
final class CompactVector {
    static final int DIGEST_BYTES = 32;

    /** One entry: the batch's server, digest and signature. */
    record Entry(int server, Bytes digest, Bytes signature) {
    }

    private CompactVector() {
    }

    /** The compact form of {@code vector}, whose batch digests are {@code digests} (same order). */
    static Bytes encode(List<SignedBatch> vector, List<byte[]> digests) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Hashes.int32(vector.size()));
        for (int k = 0; k < vector.size(); k++) {
            out.writeBytes(Hashes.int32(vector.get(k).server()));
            out.writeBytes(digests.get(k));
            out.writeBytes(Hashes.int32(vector.get(k).signature().length()));
            out.writeBytes(vector.get(k).signature().toArray());
        }
        return Bytes.of(out.toByteArray());
    }

    /** The entries, checked for structure only (servers ascending in 1..n, sizes bounded). Never throws. */
    static Decoded<List<Entry>> decode(Bytes compact, int n) {
        ByteBuffer in = compact.asReadOnlyBuffer();
        if (in.remaining() < 4) {
            return Decoded.error("compact vector has no count");
        }
        int count = in.getInt();
        if (count < 0 || count > n) {
            return Decoded.error("compact vector of " + count + " entries for " + n + " servers");
        }
        List<Entry> out = new ArrayList<>(count);
        int last = 0;
        for (int k = 0; k < count; k++) {
            if (in.remaining() < 4 + DIGEST_BYTES + 4) {
                return Decoded.error("compact vector truncated at entry " + k);
            }
            int server = in.getInt();
            if (server <= last || server > n) {
                return Decoded.error("entry " + k + " names server " + server + " out of order or range");
            }
            last = server;
            byte[] digest = new byte[DIGEST_BYTES];
            in.get(digest);
            int sigLen = in.getInt();
            if (sigLen < 0 || sigLen > QuorumCertificate.MAX_SIGNATURE_BYTES || sigLen > in.remaining()) {
                return Decoded.error("entry " + k + " has a signature of length " + sigLen);
            }
            byte[] sig = new byte[sigLen];
            in.get(sig);
            out.add(new Entry(server, Bytes.of(digest), Bytes.of(sig)));
        }
        if (in.hasRemaining()) {
            return Decoded.error(in.remaining() + " trailing bytes after the compact vector");
        }
        return Decoded.of(out);
    }

    /** The largest compact vector for n servers. */
    static int maxBytes(int n) {
        return 4 + n * (8 + DIGEST_BYTES + QuorumCertificate.MAX_SIGNATURE_BYTES);
    }
}
