package org.sintraee.api;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Proof that a request was ordered at {@code seq} in round {@code round}: the service's one
 * threshold RSA signature (t+1 servers' shares combined) over its round's statement (see
 * {@link OrderHashes}), and the Merkle path from the request's leaf to that round's root.
 * Anyone holding the service public key checks it with {@link #verify}, using only the JDK.
 *
 * @param seq       the request's position in the total order
 * @param round     the atomic broadcast round that delivered it
 * @param firstSeq  the seq of the round's first delivery (leaf 0)
 * @param leafCount how many requests the round delivered
 * @param path      sibling hashes from the leaf up (see {@link OrderHashes#path})
 * @param root      the round's Merkle root
 * @param signature the PKCS#1 v1.5 SHA-256 RSA signature on {@link #statement()}
 */
public record OrderCertificate(long seq, long round, long firstSeq, int leafCount, byte[][] path, byte[] root,
                               byte[] signature) {
    /** Bound on a decoded signature: a 16384-bit modulus. */
    public static final int MAX_SIGNATURE_BYTES = 2048;
    private static final int MAGIC = 0x53434f31; // "SCO1"

    public OrderCertificate {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(signature, "signature");
        path = copy(path);
        root = root.clone();
        signature = signature.clone();
    }

    @Override
    public byte[][] path() {
        return copy(path);
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The bytes the service key signed. */
    public byte[] statement() {
        return OrderHashes.statement(round, firstSeq, leafCount, root);
    }

    /**
     * True iff {@code request} at (seq, round) is a leaf under {@code root} by {@code path}, and
     * {@code signature} is the service key's SHA256withRSA signature on the round's statement.
     * Never throws for a malformed certificate: it just does not verify.
     */
    public boolean verify(PublicKey serviceKey, byte[] request) {
        Objects.requireNonNull(serviceKey, "serviceKey");
        Objects.requireNonNull(request, "request");
        if (seq < firstSeq || seq - firstSeq >= leafCount || root.length != OrderHashes.HASH_BYTES) {
            return false;
        }
        byte[] computed = OrderHashes.rootFromPath(OrderHashes.leaf(seq, round, request), (int) (seq - firstSeq),
                leafCount, path);
        if (computed == null || !MessageDigest.isEqual(computed, root)) {
            return false;
        }
        return OrderHashes.signedByService(serviceKey, statement(), signature);
    }

    /** A compact encoding for carrying the certificate (e.g. in a notary's answer). */
    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(4 + 8 + 8 + 8 + 4 + 4 + path.length * OrderHashes.HASH_BYTES
                + OrderHashes.HASH_BYTES + 4 + signature.length);
        b.putInt(MAGIC).putLong(seq).putLong(round).putLong(firstSeq).putInt(leafCount).putInt(path.length);
        for (byte[] p : path) {
            b.put(p);
        }
        return b.put(root).putInt(signature.length).put(signature).array();
    }

    /**
     * Decodes {@link #toBytes()}; bounded before allocation.
     *
     * @throws IllegalArgumentException if the bytes are not such an encoding (naming what is wrong)
     */
    public static OrderCertificate fromBytes(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            if (b.getInt() != MAGIC) {
                throw new IllegalArgumentException("order certificate: bad magic");
            }
            long seq = b.getLong();
            long round = b.getLong();
            long firstSeq = b.getLong();
            int leafCount = b.getInt();
            int depth = b.getInt();
            if (depth < 0 || depth > 32 || depth * OrderHashes.HASH_BYTES > b.remaining()) {
                throw new IllegalArgumentException("order certificate: path length " + depth + " out of range");
            }
            byte[][] path = new byte[depth][OrderHashes.HASH_BYTES];
            for (byte[] p : path) {
                b.get(p);
            }
            byte[] root = new byte[OrderHashes.HASH_BYTES];
            b.get(root);
            int sigLength = b.getInt();
            if (sigLength < 1 || sigLength > MAX_SIGNATURE_BYTES || sigLength != b.remaining()) {
                throw new IllegalArgumentException("order certificate: signature length " + sigLength
                        + " does not fit the " + b.remaining() + " bytes left");
            }
            byte[] signature = new byte[sigLength];
            b.get(signature);
            return new OrderCertificate(seq, round, firstSeq, leafCount, path, root, signature);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("order certificate: truncated", e);
        }
    }

    private static byte[][] copy(byte[][] in) {
        byte[][] out = new byte[in.length][];
        for (int i = 0; i < in.length; i++) {
            out[i] = Objects.requireNonNull(in[i], "path element").clone();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrderCertificate c && seq == c.seq && round == c.round && firstSeq == c.firstSeq
                && leafCount == c.leafCount && Arrays.deepEquals(path, c.path) && Arrays.equals(root, c.root)
                && Arrays.equals(signature, c.signature);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(seq, round, firstSeq, leafCount);
        h = 31 * h + Arrays.deepHashCode(path);
        h = 31 * h + Arrays.hashCode(root);
        return 31 * h + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "OrderCertificate[seq=" + seq + ", round=" + round + ", firstSeq=" + firstSeq + ", leafCount="
                + leafCount + ", path=" + path.length + " hashes, root=" + HexFormat.of().formatHex(root, 0,
                Math.min(8, root.length)) + "..., signature=" + signature.length + " bytes]";
    }
}
