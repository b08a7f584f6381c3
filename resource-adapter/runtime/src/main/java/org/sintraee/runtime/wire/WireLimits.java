package org.sintraee.runtime.wire;

import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.QuorumCertificate;

/** Hard bounds on untrusted frames, all checked before the bytes they size are allocated. */
public final class WireLimits {
    /** Largest payload or batch a message may carry. */
    public static final int MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;
    /**
     * Largest encoded round proof (catch-up): a round's vector plus two certificates. The node
     * refuses settings whose proofs could exceed it.
     */
    public static final int MAX_PROOF_BYTES = MAX_PAYLOAD_BYTES;
    /** Largest frame: one maximal payload plus headroom for the tag, kinds and a signature. */
    public static final int MAX_FRAME_BYTES = MAX_PAYLOAD_BYTES + 64 * 1024;
    /** Digests and signatures. */
    public static final int MAX_SIGNATURE_BYTES = QuorumCertificate.MAX_SIGNATURE_BYTES;
    /** A threshold share with its proof of correctness. */
    public static final int MAX_SHARE_BYTES = 64 * 1024;
    /** A quorum certificate's signer count. */
    public static final int MAX_SIGNERS = QuorumCertificate.MAX_SIGNERS;
    /** A quorum certificate's encoding: count, then (signer, length, signature) per signer. */
    public static final int MAX_CERTIFICATE_BYTES = 4 + MAX_SIGNERS * (8 + MAX_SIGNATURE_BYTES);
    /** The tag text: at most Tag.MAX_DEPTH segments of 64 characters and their separators. */
    public static final int MAX_TAG_CHARS = Tag.MAX_DEPTH * 65;
    /** Nesting of wrappers and justifications. */
    public static final int MAX_DEPTH = 8;

    private WireLimits() {
    }
}
