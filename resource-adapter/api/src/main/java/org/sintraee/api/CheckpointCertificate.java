package org.sintraee.api;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The service's word that, after atomic-broadcast round {@code round}, exactly {@code nextSeq}
 * requests were ordered and their chain (see {@link OrderHashes}) is {@code chain}, and that
 * rounds {@code firstRound .. round} ended as the round leaves under {@code roundsRoot} say:
 * the one threshold RSA signature of t + 1 servers on {@link OrderHashes#checkpointStatement}.
 * Servers certify one every so many rounds. An honest server signs only a prefix it delivered
 * itself, and all honest servers deliver the same sequence, so whoever holds the service public
 * key can check any copy of the log's first {@code nextSeq} requests against it, from any
 * source, and a replica can check one round of it at a time ({@link #coversRound}).
 *
 * @param round      the last round the checkpoint covers
 * @param nextSeq    requests ordered through that round (seqs 0 .. nextSeq - 1)
 * @param chain      the chain c_nextSeq over them
 * @param firstRound the first round of this checkpoint's interval (the one after the previous checkpoint)
 * @param roundsRoot the Merkle root over the interval's round leaves ({@link OrderHashes#roundLeaf})
 * @param signature  the PKCS#1 v1.5 SHA-256 RSA signature on {@link #statement()}
 */
public record CheckpointCertificate(long round, long nextSeq, byte[] chain, long firstRound, byte[] roundsRoot,
                                    byte[] signature) {
    /** Most rounds one checkpoint's interval may have: bounds the Merkle path a verifier walks. */
    public static final int MAX_INTERVAL = 1 << 16;
    private static final int MAGIC = 0x53434331; // "SCC1"
    /** Bytes of {@link #toBytes()} before the signature. */
    private static final int FIXED_BYTES = 4 + 8 + 8 + OrderHashes.HASH_BYTES + 8 + OrderHashes.HASH_BYTES + 4;

    public CheckpointCertificate {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(roundsRoot, "roundsRoot");
        Objects.requireNonNull(signature, "signature");
        if (round < 0 || nextSeq < 0 || firstRound < 0 || firstRound > round || round - firstRound >= MAX_INTERVAL) {
            throw new IllegalArgumentException("checkpoint of rounds " + firstRound + " .. " + round + ", next seq "
                    + nextSeq);
        }
        if (chain.length != OrderHashes.HASH_BYTES || roundsRoot.length != OrderHashes.HASH_BYTES) {
            throw new IllegalArgumentException("checkpoint chain of " + chain.length + " bytes and rounds root of "
                    + roundsRoot.length + ", not " + OrderHashes.HASH_BYTES);
        }
        if (signature.length > OrderCertificate.MAX_SIGNATURE_BYTES) {
            throw new IllegalArgumentException("checkpoint signature of " + signature.length + " bytes");
        }
        chain = chain.clone();
        roundsRoot = roundsRoot.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] chain() {
        return chain.clone();
    }

    @Override
    public byte[] roundsRoot() {
        return roundsRoot.clone();
    }

    /** Rounds in this checkpoint's interval: its Merkle tree's leaf count. */
    public int rounds() {
        return (int) (round - firstRound + 1);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The bytes the service key signed. */
    public byte[] statement() {
        return OrderHashes.checkpointStatement(round, nextSeq, chain, firstRound, roundsRoot);
    }

    /** True iff the signature is the service key's SHA256withRSA signature on the statement. Never throws for a bad one. */
    public boolean verify(PublicKey serviceKey) {
        Objects.requireNonNull(serviceKey, "serviceKey");
        return OrderHashes.signedByService(serviceKey, statement(), signature);
    }

    /** True iff {@code chainAtNextSeq}, a chain computed over some copy of the log's first nextSeq requests, is this one. */
    public boolean covers(byte[] chainAtNextSeq) {
        return chainAtNextSeq != null && MessageDigest.isEqual(chain, chainAtNextSeq);
    }

    /**
     * True iff {@code path} proves that round {@code r} of this interval ended at {@code nextSeqAfter}
     * with chain {@code chainAfter} (the signature is checked separately, by {@link #verify}).
     * Never throws for a malformed path.
     */
    public boolean coversRound(long r, long nextSeqAfter, byte[] chainAfter, byte[][] path) {
        if (r < firstRound || r > round || chainAfter == null || chainAfter.length != OrderHashes.HASH_BYTES) {
            return false;
        }
        byte[] computed = OrderHashes.rootFromPath(OrderHashes.roundLeaf(r, nextSeqAfter, chainAfter),
                (int) (r - firstRound), rounds(), path);
        return computed != null && MessageDigest.isEqual(computed, roundsRoot);
    }

    /** A canonical encoding for carrying the certificate (journal, wire, a client). */
    public byte[] toBytes() {
        return ByteBuffer.allocate(FIXED_BYTES + signature.length).putInt(MAGIC).putLong(round).putLong(nextSeq)
                .put(chain).putLong(firstRound).put(roundsRoot).putInt(signature.length).put(signature).array();
    }

    /**
     * Decodes {@link #toBytes()} exactly; bounded before allocation.
     *
     * @throws IllegalArgumentException if the bytes are not such an encoding (naming what is wrong)
     */
    public static CheckpointCertificate fromBytes(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length < FIXED_BYTES) {
            throw new IllegalArgumentException("checkpoint certificate: " + bytes.length + " bytes is too short");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (b.getInt() != MAGIC) {
            throw new IllegalArgumentException("checkpoint certificate: bad magic");
        }
        long round = b.getLong();
        long nextSeq = b.getLong();
        byte[] chain = new byte[OrderHashes.HASH_BYTES];
        b.get(chain);
        long firstRound = b.getLong();
        byte[] root = new byte[OrderHashes.HASH_BYTES];
        b.get(root);
        int length = b.getInt();
        if (length < 0 || length > OrderCertificate.MAX_SIGNATURE_BYTES || length != b.remaining()) {
            throw new IllegalArgumentException("checkpoint certificate: signature length " + length + " with "
                    + b.remaining() + " bytes left");
        }
        byte[] signature = new byte[length];
        b.get(signature);
        return new CheckpointCertificate(round, nextSeq, chain, firstRound, root, signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckpointCertificate c && c.round == round && c.nextSeq == nextSeq
                && c.firstRound == firstRound && MessageDigest.isEqual(c.chain, chain)
                && MessageDigest.isEqual(c.roundsRoot, roundsRoot) && MessageDigest.isEqual(c.signature, signature);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(round) * 31 + Long.hashCode(nextSeq);
    }

    @Override
    public String toString() {
        return "CheckpointCertificate[rounds " + firstRound + " .. " + round + ", " + nextSeq + " requests, chain "
                + HexFormat.of().formatHex(chain, 0, 8) + "...]";
    }
}
