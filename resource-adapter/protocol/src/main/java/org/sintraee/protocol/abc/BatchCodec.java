package org.sintraee.protocol.abc;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.Statement;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.Hashes;
import org.sintraee.protocol.crypto.QuorumCertificate;
import org.sintraee.protocol.crypto.SignatureVerifier;
import org.sintraee.protocol.crypto.Verdict;

/**
 * Canonical encodings of a batch and of a round's batch vector, and the checks on them.
 *
 * <p>Batch: {@code int32 count, then per request int32 length || bytes}; at most
 * {@code batchSize} requests of at most {@code maxRequestBytes} each, no request twice.
 * Vector: {@code int32 count, then per entry int32 server || int32 |batch| || batch ||
 * int32 |sig| || sig}, servers strictly ascending. Decoding accepts only these exact forms,
 * so one value has one encoding. Public for the runtime's limit mode, which puts the same
 * batches in the same frames.
 */
public final class BatchCodec {
    private static final String REQUEST_DOMAIN = "sintra-ee/abc/request";
    private static final String BATCH_DOMAIN = "sintra-ee/abc/batch";

    /** One signed batch in a vector. */
    record SignedBatch(int server, Bytes batch, Bytes signature) {
    }

    /**
     * An entry of an encoded vector whose batch is left in place ({@code length} bytes of
     * {@code vector} from {@code offset}): Q_r finds most batches among those already checked,
     * and comparing in place spares copying each 512 KiB batch out first.
     */
    record EntryView(int server, byte[] vector, int offset, int length, Bytes signature) {
        SignedBatch copy() {
            return new SignedBatch(server, Bytes.of(vector, offset, length), signature);
        }

        boolean batchEquals(Bytes batch) {
            return batch.contentEquals(vector, offset, length);
        }
    }

    private BatchCodec() {
    }

    /** A request's identity for deduplication. */
    static Bytes digest(Bytes request) {
        return Bytes.of(Hashes.sha256(REQUEST_DOMAIN, request.toArray()));
    }

    /** The same as {@link #digest(Bytes)}, without copying the request. */
    private static Bytes digest(byte[] request) {
        return Bytes.of(Hashes.sha256(REQUEST_DOMAIN, request));
    }

    static byte[] int64(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    /** What server i signs for its round-r batch. */
    public static byte[] statement(Tag tag, long round, Bytes batch) {
        return statementOf(tag, round, batchDigest(batch));
    }

    /** The statement for a batch whose {@link #batchDigest} is known, so 512 KiB are hashed once. */
    static byte[] statementOf(Tag tag, long round, byte[] batchDigest) {
        return Statement.of(tag, "batch", int64(round), batchDigest);
    }

    /** The batch's digest under its signature, also its name in a compact proposal ({@link CompactVector}). */
    static byte[] batchDigest(Bytes batch) {
        return Hashes.sha256(BATCH_DOMAIN, batch.toArray());
    }

    public static int maxBatchBytes(int batchSize, int maxRequestBytes) {
        return 4 + batchSize * (4 + maxRequestBytes);
    }

    static int maxVectorBytes(int entries, int batchSize, int maxRequestBytes) {
        return 4 + entries * (12 + maxBatchBytes(batchSize, maxRequestBytes) + QuorumCertificate.MAX_SIGNATURE_BYTES);
    }

    public static Bytes encodeBatch(List<Bytes> requests) {
        int size = 4;
        for (Bytes r : requests) {
            size += 4 + r.length();
        }
        ByteBuffer out = ByteBuffer.allocate(size).putInt(requests.size());
        for (Bytes r : requests) {
            out.putInt(r.length());
            r.putInto(out);
        }
        return Bytes.of(out.array());
    }

    /** A well-formed batch's requests, in order, and their digests ({@link #digest}), computed once. */
    public record Requests(List<Bytes> requests, List<Bytes> digests) {
    }

    /** The requests of a batch, or why it is malformed. Never throws. */
    static Decoded<List<Bytes>> decodeBatch(Bytes batch, int batchSize, int maxRequestBytes) {
        Decoded<Requests> d = decodeRequests(batch, batchSize, maxRequestBytes);
        return d.ok() ? Decoded.of(d.get().requests()) : Decoded.error(d.error());
    }

    /**
     * The requests of a batch with their digests, or why it is malformed. Never throws. A repeat
     * is found by digest, the requests' identity everywhere else too (SHA-256: equal digests are
     * equal requests), which spares hashing every 1 KiB request into a set besides.
     */
    public static Decoded<Requests> decodeRequests(Bytes batch, int batchSize, int maxRequestBytes) {
        if (batch.length() > maxBatchBytes(batchSize, maxRequestBytes)) {
            return Decoded.error("batch of " + batch.length() + " bytes exceeds the bound");
        }
        ByteBuffer in = batch.asReadOnlyBuffer();
        if (in.remaining() < 4) {
            return Decoded.error("batch has no count");
        }
        int count = in.getInt();
        if (count < 0 || count > batchSize) {
            return Decoded.error("batch of " + count + " requests, bound " + batchSize);
        }
        List<Bytes> out = new ArrayList<>(count);
        List<Bytes> digests = new ArrayList<>(count);
        Set<Bytes> seen = new HashSet<>(); // membership only, never iterated
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
            Bytes req = Bytes.of(r);
            Bytes digest = digest(r);
            if (!seen.add(digest)) {
                return Decoded.error("request " + k + " repeats an earlier one");
            }
            out.add(req);
            digests.add(digest);
        }
        if (in.hasRemaining()) {
            return Decoded.error(in.remaining() + " trailing bytes after the batch");
        }
        return Decoded.of(new Requests(out, digests));
    }

    static byte[] encodeVector(Collection<SignedBatch> entries) {
        int size = 4;
        for (SignedBatch e : entries) {
            size += 12 + e.batch().length() + e.signature().length();
        }
        // Sized up front and filled in place: a vector is up to n batches of 512 KiB, and a
        // growing stream copied it several times (5 % of a replica's CPU in the benchmark).
        ByteBuffer out = ByteBuffer.allocate(size).putInt(entries.size());
        for (SignedBatch e : entries) {
            out.putInt(e.server()).putInt(e.batch().length());
            e.batch().putInto(out);
            out.putInt(e.signature().length());
            e.signature().putInto(out);
        }
        return out.array();
    }

    /** The entries of a vector (structure only: servers ascending in 1..n, bounded sizes). Never throws. */
    static Decoded<List<SignedBatch>> decodeVector(byte[] value, int n, int maxBatchBytes) {
        Decoded<List<EntryView>> d = decodeVectorViews(value, n, maxBatchBytes);
        return d.ok() ? Decoded.of(d.get().stream().map(EntryView::copy).toList()) : Decoded.error(d.error());
    }

    /** {@link #decodeVector} with each batch left in {@code value} (which must not change while the views are used). */
    static Decoded<List<EntryView>> decodeVectorViews(byte[] value, int n, int maxBatchBytes) {
        ByteBuffer in = ByteBuffer.wrap(value);
        if (in.remaining() < 4) {
            return Decoded.error("vector has no count");
        }
        int count = in.getInt();
        if (count < 0 || count > n) {
            return Decoded.error("vector of " + count + " entries for " + n + " servers");
        }
        List<EntryView> out = new ArrayList<>(count);
        int last = 0;
        for (int k = 0; k < count; k++) {
            if (in.remaining() < 8) {
                return Decoded.error("vector truncated at entry " + k);
            }
            int server = in.getInt();
            if (server <= last || server > n) {
                return Decoded.error("entry " + k + " names server " + server + " out of order or range");
            }
            last = server;
            int len = in.getInt();
            if (len < 0 || len > maxBatchBytes || len > in.remaining()) {
                return Decoded.error("entry " + k + " has a batch of length " + len);
            }
            int batchAt = in.position();
            in.position(batchAt + len);
            if (in.remaining() < 4) {
                return Decoded.error("entry " + k + " has no signature");
            }
            int sigLen = in.getInt();
            if (sigLen < 0 || sigLen > QuorumCertificate.MAX_SIGNATURE_BYTES || sigLen > in.remaining()) {
                return Decoded.error("entry " + k + " has a signature of length " + sigLen);
            }
            Bytes sig = Bytes.of(value, in.position(), sigLen);
            in.position(in.position() + sigLen);
            out.add(new EntryView(server, value, batchAt, len, sig));
        }
        if (in.hasRemaining()) {
            return Decoded.error(in.remaining() + " trailing bytes after the vector");
        }
        return Decoded.of(out);
    }

    /** Whether the batch of {@code e}, of digest {@code batchDigest}, is signed by its server for round r. */
    static boolean validlySigned(SignatureVerifier verifier, Tag tag, long round, SignedBatch e, byte[] batchDigest) {
        return e.signature().length() <= QuorumCertificate.MAX_SIGNATURE_BYTES
                && verifier.verify(e.server(), statementOf(tag, round, batchDigest), e.signature().toArray());
    }

    /** Why the batch of {@code e} does not pass {@link #validlySigned}. */
    static String notSigned(long round, SignedBatch e) {
        return "batch of server " + e.server() + " is not validly signed for round " + round;
    }
}
