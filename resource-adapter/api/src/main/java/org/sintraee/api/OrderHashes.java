package org.sintraee.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one definition of what an {@link OrderCertificate} commits to; servers build their
 * trees with it and clients check paths with it, so both sides can never disagree.
 *
 * <ul>
 *   <li>leaf = SHA-256("sintra-ee/order-leaf/v1" 0x00 | seq u64 | round u64 | SHA-256(request))</li>
 *   <li>node = SHA-256("sintra-ee/order-node/v1" 0x00 | left | right): a different prefix than
 *       leaves, so no inner node can pass as a leaf (second-preimage attack on the tree)</li>
 *   <li>an odd node at the end of a level is carried up unchanged (not hashed with itself,
 *       so a tree of k leaves never equals one with the last leaf repeated)</li>
 *   <li>statement = "sintra-ee/order-round/v1" 0x00 | round u64 | firstSeq u64 | leafCount u32 | root</li>
 * </ul>
 * And for {@link CheckpointCertificate}s, over the whole ordered sequence:
 * <ul>
 *   <li>chain: c_0 = 32 zero bytes, c_{k+1} = SHA-256(c_k | k u64 | request_k), request_k the
 *       bytes ordered at seq k (for an encrypted request, its ciphertext as ordered)</li>
 *   <li>round leaf = SHA-256("sintra-ee/checkpoint-round/v1" 0x00 | round u64 | nextSeqAfter u64 |
 *       c_nextSeqAfter), one per round of a checkpoint's interval, in round order, under a Merkle
 *       root built like the order tree's (node hashes as above)</li>
 *   <li>checkpoint statement = "sintra-ee/checkpoint/v1" 0x00 | round u64 | nextSeq u64 | c_nextSeq |
 *       firstRound u64 | roundsRoot</li>
 * </ul>
 * Integers are big-endian. The leaves of a round are its deliveries in seq order, leaf i
 * holding seq firstSeq + i.
 */
public final class OrderHashes {
    private static final MessageDigest SHA_256 = newSha256(); // first: the domains below hash; only ever cloned
    /** Bytes of every hash here (SHA-256). */
    public static final int HASH_BYTES = 32;
    /** Most leaves one round may have; bounds the path a verifier walks. */
    public static final int MAX_LEAVES = 1 << 24;

    private static final byte[] LEAF = domain("sintra-ee/order-leaf/v1");
    private static final byte[] NODE = domain("sintra-ee/order-node/v1");
    private static final byte[] STATEMENT = domain("sintra-ee/order-round/v1");
    private static final byte[] CHECKPOINT = domain("sintra-ee/checkpoint/v1");
    private static final byte[] CHECKPOINT_ROUND = domain("sintra-ee/checkpoint-round/v1");

    private OrderHashes() {
    }

    public static byte[] leaf(long seq, long round, byte[] request) {
        Objects.requireNonNull(request, "request");
        return sha256(LEAF, ByteBuffer.allocate(16).putLong(seq).putLong(round).array(), sha256(request));
    }

    public static byte[] node(byte[] left, byte[] right) {
        return sha256(NODE, checkHash(left, "left"), checkHash(right, "right"));
    }

    /** The statement the service key signs for one round. */
    public static byte[] statement(long round, long firstSeq, int leafCount, byte[] root) {
        checkHash(root, "root");
        return ByteBuffer.allocate(STATEMENT.length + 20 + HASH_BYTES).put(STATEMENT).putLong(round).putLong(firstSeq)
                .putInt(leafCount).put(root).array();
    }

    /** The chain before any delivery, c_0: 32 zero bytes. */
    public static byte[] chainStart() {
        return new byte[HASH_BYTES];
    }

    /** c_{seq+1} from c_seq = {@code previous} and the request ordered at {@code seq}. */
    public static byte[] chain(byte[] previous, long seq, byte[] request) {
        Objects.requireNonNull(request, "request");
        return sha256(checkHash(previous, "previous"), ByteBuffer.allocate(8).putLong(seq).array(), request);
    }

    /**
     * The statement the service key signs for a checkpoint: after round {@code round},
     * {@code nextSeq} requests with chain {@code chain}; rounds {@code firstRound .. round}
     * under {@code roundsRoot}.
     */
    public static byte[] checkpointStatement(long round, long nextSeq, byte[] chain, long firstRound,
                                             byte[] roundsRoot) {
        checkHash(chain, "chain");
        checkHash(roundsRoot, "roundsRoot");
        return ByteBuffer.allocate(CHECKPOINT.length + 24 + 2 * HASH_BYTES).put(CHECKPOINT).putLong(round)
                .putLong(nextSeq).put(chain).putLong(firstRound).put(roundsRoot).array();
    }

    /** The leaf of one round under a checkpoint: it ended at {@code nextSeqAfter} with chain {@code chainAfter}. */
    public static byte[] roundLeaf(long round, long nextSeqAfter, byte[] chainAfter) {
        checkHash(chainAfter, "chainAfter");
        return sha256(CHECKPOINT_ROUND, ByteBuffer.allocate(16).putLong(round).putLong(nextSeqAfter).array(),
                chainAfter);
    }

    /** The root of leaves (at least one), carrying odd nodes up unchanged. */
    public static byte[] root(List<byte[]> leaves) {
        List<byte[]> level = checkLeaves(leaves);
        while (level.size() > 1) {
            level = parents(level);
        }
        return level.get(0).clone();
    }

    /** The sibling hashes from leaf {@code index} up to the root; levels where it is carried up have none. */
    public static byte[][] path(List<byte[]> leaves, int index) {
        List<byte[]> level = checkLeaves(leaves);
        if (index < 0 || index >= level.size()) {
            throw new IllegalArgumentException("leaf index " + index + " not in [0, " + level.size() + ")");
        }
        List<byte[]> siblings = new ArrayList<>();
        for (int i = index; level.size() > 1; i /= 2) {
            int sibling = i ^ 1;
            if (sibling < level.size()) {
                siblings.add(level.get(sibling).clone());
            }
            level = parents(level);
        }
        return siblings.toArray(byte[][]::new);
    }

    /**
     * The root that {@code leaf} at {@code index} of {@code leafCount} leaves and its path lead to;
     * null if the path does not have exactly the shape such a tree needs.
     */
    public static byte[] rootFromPath(byte[] leaf, int index, int leafCount, byte[][] path) {
        if (leafCount < 1 || leafCount > MAX_LEAVES || index < 0 || index >= leafCount || path == null) {
            return null;
        }
        byte[] node = leaf;
        int used = 0;
        for (int i = index, width = leafCount; width > 1; i /= 2, width = (width + 1) / 2) {
            if ((i ^ 1) >= width) {
                continue; // the last node of an odd level: carried up
            }
            if (used >= path.length || path[used] == null || path[used].length != HASH_BYTES) {
                return null;
            }
            byte[] sibling = path[used++];
            node = (i & 1) == 0 ? node(node, sibling) : node(sibling, node);
        }
        return used == path.length ? node : null;
    }

    private static List<byte[]> parents(List<byte[]> level) {
        List<byte[]> up = new ArrayList<>((level.size() + 1) / 2);
        for (int i = 0; i < level.size(); i += 2) {
            up.add(i + 1 < level.size() ? node(level.get(i), level.get(i + 1)) : level.get(i));
        }
        return up;
    }

    private static List<byte[]> checkLeaves(List<byte[]> leaves) {
        Objects.requireNonNull(leaves, "leaves");
        if (leaves.isEmpty() || leaves.size() > MAX_LEAVES) {
            throw new IllegalArgumentException("leaf count " + leaves.size() + " not in [1, " + MAX_LEAVES + "]");
        }
        for (byte[] l : leaves) {
            checkHash(l, "leaf");
        }
        return leaves;
    }

    private static byte[] checkHash(byte[] h, String name) {
        if (h == null || h.length != HASH_BYTES) {
            throw new IllegalArgumentException(name + " must be " + HASH_BYTES + " bytes");
        }
        return h;
    }

    private static byte[] domain(String name) {
        byte[] text = name.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[text.length + 1]; // the 0x00 ends the prefix: no prefix is a prefix of another
        System.arraycopy(text, 0, out, 0, text.length);
        return out;
    }

    /**
     * True iff {@code signature} is the service key's SHA256withRSA (PKCS#1 v1.5) signature on
     * {@code statement}: what a combined threshold signature is. Never throws for a bad one.
     */
    static boolean signedByService(PublicKey serviceKey, byte[] statement, byte[] signature) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(serviceKey);
            rsa.update(statement);
            return rsa.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a wrong key type or a garbled signature: not a valid certificate
        }
    }

    static byte[] sha256(byte[]... parts) {
        MessageDigest d = sha256();
        for (byte[] p : parts) {
            d.update(p);
        }
        return d.digest();
    }

    /** A fresh SHA-256, cloned: getInstance's provider lookup costs more than a KiB of hashing (one per delivery, in the chain). */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
