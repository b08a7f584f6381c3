package org.sintraee.protocol.cbc;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Statement;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.Hashes;
import org.sintraee.protocol.crypto.QuorumCertificate;
import org.sintraee.protocol.crypto.SignatureVerifier;
import org.sintraee.protocol.crypto.Verdict;
import org.sintraee.protocol.quorum.Quorums;

/**
 * The transferable proof that a c-broadcast instance delivered the payload with digest
 * {@code digest}: an echo-quorum certificate σ on {@code Statement.of(tag, "c-ready", digest)}.
 * Any server can check it with the public keys alone; since at most one digest can ever be
 * certified in an instance, the proof identifies the payload.
 */
public record CbcProof(byte[] digest, QuorumCertificate sigma) {

    /** The step name every echo signs; binds σ to c-broadcast (and, with the tag, to the instance). */
    public static final String READY_STEP = "c-ready";
    /** Digest length: SHA-256. */
    public static final int DIGEST_BYTES = 32;
    /** Bound on an encoded proof, checked before decoding the certificate. */
    public static final int MAX_ENCODED_BYTES = 8 + DIGEST_BYTES
            + QuorumCertificate.MAX_SIGNERS * (8 + QuorumCertificate.MAX_SIGNATURE_BYTES);

    public CbcProof {
        digest = digest.clone();
        Objects.requireNonNull(sigma, "sigma");
    }

    /** H(m): the digest c-broadcast signs and requests payloads by. */
    public static byte[] digestOf(byte[] payload) {
        return Hashes.sha256("sintra-ee/cbc/payload", payload);
    }

    /** What each echo signs in instance {@code tag} for {@code digest}. */
    public static byte[] readyStatement(Tag tag, byte[] digest) {
        return Statement.of(tag, READY_STEP, digest);
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    /** Valid iff σ certifies this proof's digest in instance {@code tag}; the payload need not be known. */
    public static Verdict verifyDigest(Quorums quorums, SignatureVerifier verifier, Tag tag, CbcProof proof) {
        if (proof == null || tag == null) {
            return Verdict.invalid("no proof");
        }
        if (proof.digest.length != DIGEST_BYTES) {
            return Verdict.invalid("digest of " + proof.digest.length + " bytes, needs " + DIGEST_BYTES);
        }
        return proof.sigma.verify(verifier, readyStatement(tag, proof.digest), quorums.echoQuorum());
    }

    public static Verdict verifyDigest(ServerContext ctx, Tag tag, CbcProof proof) {
        return verifyDigest(ctx.quorums(), ctx.verifier(), tag, proof);
    }

    /** Valid iff the proof certifies exactly {@code payload} in instance {@code tag}. */
    public static Verdict verify(Quorums quorums, SignatureVerifier verifier, Tag tag, byte[] payload, CbcProof proof) {
        if (payload == null || proof == null) {
            return Verdict.invalid("no payload or proof");
        }
        if (!Arrays.equals(digestOf(payload), proof.digest)) {
            return Verdict.invalid("payload does not hash to the certified digest");
        }
        return verifyDigest(quorums, verifier, tag, proof);
    }

    public static Verdict verify(ServerContext ctx, Tag tag, byte[] payload, CbcProof proof) {
        return verify(ctx.quorums(), ctx.verifier(), tag, payload, proof);
    }

    /** Canonical bytes: int32 digest length, the digest, then σ's canonical encoding. */
    public byte[] encode() {
        byte[] cert = sigma.encode();
        return ByteBuffer.allocate(4 + digest.length + cert.length).putInt(digest.length).put(digest).put(cert).array();
    }

    /** Decodes untrusted bytes; bounded, never throws. Does not verify: call {@link #verifyDigest}. */
    public static Decoded<CbcProof> decode(byte[] bytes) {
        if (bytes == null) {
            return Decoded.error("no bytes");
        }
        if (bytes.length > MAX_ENCODED_BYTES) {
            return Decoded.error("proof of " + bytes.length + " bytes exceeds " + MAX_ENCODED_BYTES);
        }
        if (bytes.length < 4 + DIGEST_BYTES) {
            return Decoded.error("proof truncated");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int len = in.getInt();
        if (len != DIGEST_BYTES) {
            return Decoded.error("digest length " + len + ", needs " + DIGEST_BYTES);
        }
        byte[] digest = new byte[DIGEST_BYTES];
        in.get(digest);
        byte[] cert = new byte[in.remaining()];
        in.get(cert);
        Decoded<QuorumCertificate> sigma = QuorumCertificate.decode(cert);
        if (!sigma.ok()) {
            return Decoded.error(sigma.error());
        }
        return Decoded.of(new CbcProof(digest, sigma.get()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CbcProof p && Arrays.equals(p.digest, digest) && p.sigma.equals(sigma);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest) * 31 + sigma.hashCode();
    }

    @Override
    public String toString() {
        return "CbcProof(" + Bytes.brief(digest) + ", " + sigma + ")";
    }
}
