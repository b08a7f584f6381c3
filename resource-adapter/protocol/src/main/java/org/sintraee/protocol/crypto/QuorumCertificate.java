package org.sintraee.protocol.crypto;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A transferable proof that enough distinct servers signed one statement: a signer
 * set with one signature each. It stands in for a threshold signature of the same
 * threshold (PROTOCOLS.md: t+1, n-t or the echo quorum), so the statement must name
 * its instance tag and step, and the verifier is told the threshold for its purpose.
 */
public final class QuorumCertificate {

    /** Bound on one signature's encoding, checked before allocation. */
    public static final int MAX_SIGNATURE_BYTES = 1024;
    /** Bound on the number of entries, checked before allocation. */
    public static final int MAX_SIGNERS = 1024;

    private final SortedMap<Integer, byte[]> signatures;

    public QuorumCertificate(Map<Integer, byte[]> signatures) {
        TreeMap<Integer, byte[]> copy = new TreeMap<>();
        signatures.forEach((k, v) -> copy.put(k, v.clone()));
        this.signatures = Collections.unmodifiableSortedMap(copy);
    }

    /** Signer indices, ascending. */
    public java.util.Set<Integer> signers() {
        return signatures.keySet();
    }

    public int size() {
        return signatures.size();
    }

    /**
     * Valid iff it holds at least {@code required} signers, each a known server, and
     * every signature in it verifies on {@code statement}.
     */
    public Verdict verify(SignatureVerifier verifier, byte[] statement, int required) {
        if (signatures.size() < required) {
            return Verdict.invalid("certificate has " + signatures.size() + " signers, needs " + required);
        }
        for (Map.Entry<Integer, byte[]> e : signatures.entrySet()) {
            int signer = e.getKey();
            if (signer < 1 || signer > verifier.servers()) {
                return Verdict.invalid("certificate names unknown signer " + signer);
            }
            if (!verifier.verify(signer, statement, e.getValue())) {
                return Verdict.invalid("certificate signature of signer " + signer + " does not verify");
            }
        }
        return Verdict.VALID;
    }

    /** count, then (signer, length, signature) per entry in ascending signer order. */
    public byte[] encode() {
        int size = 4;
        for (byte[] s : signatures.values()) {
            size += 8 + s.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putInt(signatures.size());
        signatures.forEach((signer, sig) -> out.putInt(signer).putInt(sig.length).put(sig));
        return out.array();
    }

    /** Decodes untrusted bytes: bounds checked before allocation, signers strictly ascending. */
    public static Decoded<QuorumCertificate> decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.remaining() < 4) {
            return Decoded.error("certificate truncated");
        }
        int count = in.getInt();
        if (count < 0 || count > MAX_SIGNERS) {
            return Decoded.error("certificate signer count " + count + " out of bounds");
        }
        TreeMap<Integer, byte[]> sigs = new TreeMap<>();
        int previous = Integer.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            if (in.remaining() < 8) {
                return Decoded.error("certificate truncated");
            }
            int signer = in.getInt();
            int len = in.getInt();
            if (signer <= previous) {
                return Decoded.error("certificate signers not strictly ascending");
            }
            if (len < 0 || len > MAX_SIGNATURE_BYTES || len > in.remaining()) {
                return Decoded.error("certificate signature length " + len + " out of bounds");
            }
            byte[] sig = new byte[len];
            in.get(sig);
            sigs.put(signer, sig);
            previous = signer;
        }
        if (in.hasRemaining()) {
            return Decoded.error("certificate has " + in.remaining() + " trailing bytes");
        }
        return Decoded.of(new QuorumCertificate(sigs));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuorumCertificate q && Arrays.equals(q.encode(), encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "QuorumCertificate" + signatures.keySet();
    }
}
