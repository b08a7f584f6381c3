package org.sintraee.protocol.abc;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.sintraee.protocol.aba.AbaMessage.Decide;
import org.sintraee.protocol.cbc.CbcProof;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.QuorumCertificate;
import org.sintraee.protocol.mvba.MvbaDecision;
import org.sintraee.protocol.mvba.ValidatedAgreement;

/**
 * The transferable proof that round {@code round} of atomic broadcast decided {@code value}
 * (the vector of batches), for catch-up (see package-info, "Catch-up"): the agreement
 * {@code tag/round/mvba} chose candidate {@code candidate} at iteration {@code iteration}
 * because that candidate's biased binary agreement decided 1 in its round {@code abaRound}
 * with {@code certificate} (n - t main-vote signatures for 1, {@link QuorumCertificate}
 * encoding) and π = {@code proof} ({@link CbcProof} encoding: the candidate's c-broadcast of
 * the value). {@code iteration} is informational: checking it would need the permutation
 * coin, and the decided value does not depend on it.
 *
 * <p>Encoding (canonical, every field fixed or length-prefixed): {@code int64 round ||
 * int32 candidate || int32 iteration || int32 abaRound || int32 |value| || value ||
 * int32 |certificate| || certificate || int32 |π| || π}.
 */
public record RoundProof(long round, Bytes value, int candidate, int iteration, int abaRound, Bytes certificate,
                         Bytes proof) {
    public RoundProof {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(proof, "proof");
    }

    /** The DECIDE this proof claims, once its certificate decoded (null if it does not). */
    Decide decide() {
        Decoded<QuorumCertificate> qc = QuorumCertificate.decode(certificate.toArray());
        return qc.ok() ? new Decide(abaRound, true, qc.get(), proof) : null;
    }

    public byte[] encode() {
        return ByteBuffer.allocate(8 + 4 * 6 + value.length() + certificate.length() + proof.length())
                .putLong(round).putInt(candidate).putInt(iteration).putInt(abaRound)
                .putInt(value.length()).put(value.toArray())
                .putInt(certificate.length()).put(certificate.toArray())
                .putInt(proof.length()).put(proof.toArray())
                .array();
    }

    /** Bound on an encoded certificate of at most n signers. */
    static int maxCertificateBytes(int n) {
        return 4 + n * (8 + QuorumCertificate.MAX_SIGNATURE_BYTES);
    }

    /** Bound on an encoded π whose certificate has at most n signers. */
    static int maxPiBytes(int n) {
        return 4 + CbcProof.DIGEST_BYTES + maxCertificateBytes(n);
    }

    /**
     * Decodes untrusted bytes for a system of {@code n} servers whose vectors are at most
     * {@code maxValueBytes}: lengths checked before allocation, fields in range, certificate
     * and π in their canonical encodings, no trailing bytes. Never throws; does not verify
     * (that is {@link AtomicBroadcast#check}).
     */
    public static Decoded<RoundProof> decode(byte[] bytes, int n, int maxValueBytes) {
        if (bytes == null) {
            return Decoded.error("no bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.remaining() < 8 + 4 * 4) {
            return Decoded.error("round proof truncated");
        }
        long round = in.getLong();
        int candidate = in.getInt();
        int iteration = in.getInt();
        int abaRound = in.getInt();
        if (round < 0 || candidate < 1 || candidate > n || iteration < 1 || iteration > n || abaRound < 1) {
            return Decoded.error("round " + round + ", candidate " + candidate + ", iteration " + iteration
                    + ", agreement round " + abaRound + " out of range");
        }
        Decoded<byte[]> value = field(in, "value", maxValueBytes);
        if (!value.ok()) {
            return Decoded.error(value.error());
        }
        Decoded<byte[]> cert = field(in, "certificate", maxCertificateBytes(n));
        if (!cert.ok()) {
            return Decoded.error(cert.error());
        }
        Decoded<byte[]> pi = field(in, "π", maxPiBytes(n));
        if (!pi.ok()) {
            return Decoded.error(pi.error());
        }
        if (in.hasRemaining()) {
            return Decoded.error(in.remaining() + " trailing bytes after the round proof");
        }
        Decoded<QuorumCertificate> qc = QuorumCertificate.decode(cert.get());
        if (!qc.ok()) {
            return Decoded.error("certificate: " + qc.error());
        }
        Decoded<CbcProof> p = CbcProof.decode(pi.get());
        if (!p.ok()) {
            return Decoded.error("π: " + p.error());
        }
        return Decoded.of(new RoundProof(round, Bytes.of(value.get()), candidate, iteration, abaRound,
                Bytes.of(cert.get()), Bytes.of(pi.get())));
    }

    private static Decoded<byte[]> field(ByteBuffer in, String name, int bound) {
        if (in.remaining() < 4) {
            return Decoded.error("round proof truncated before its " + name);
        }
        int len = in.getInt();
        if (len < 0 || len > bound || len > in.remaining()) {
            return Decoded.error(name + " of length " + len + " (bound " + bound + ", " + in.remaining() + " left)");
        }
        byte[] out = new byte[len];
        in.get(out);
        return Decoded.of(out);
    }

    /** Our own agreement {@code a}'s decision {@code d} of round r, with the certificate that makes it transferable. */
    static RoundProof of(long r, ValidatedAgreement a, MvbaDecision d) {
        Decide c = a.decidingCertificate().orElseThrow(); // present with the decision: the candidate's DECIDE of 1
        return new RoundProof(r, Bytes.of(d.value()), d.candidate(), d.iteration(), c.round(),
                Bytes.of(c.certificate().encode()), c.proof());
    }

    @Override
    public String toString() {
        return "RoundProof(" + round + ", " + value + ", candidate " + candidate + ", iteration " + iteration
                + ", decided in agreement round " + abaRound + ", " + certificate + ", π " + proof + ")";
    }
}
