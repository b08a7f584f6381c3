package org.sintraee.protocol.crypto.ec;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.sintraee.protocol.crypto.Ciphertext;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.Hashes;
import org.sintraee.protocol.crypto.Shamir;
import org.sintraee.protocol.crypto.Share;
import org.sintraee.protocol.crypto.ThresholdDecryption;
import org.sintraee.protocol.crypto.Verdict;

/**
 * TDH2, the DDH-based threshold cryptosystem of Shoup and Gennaro, "Securing Threshold
 * Cryptosystems against Chosen Ciphertext Attack" (SG98), over secp256k1, used as a KEM
 * in front of AES-256-GCM. This is the public side: encryption, the ciphertext's public
 * validity check, share verification and combination. {@link Tdh2Key} is a server's secret
 * side.
 *
 * <h2>Scheme</h2>
 * Generators g = {@link Secp256k1#G} and ḡ = {@link Secp256k1#G_BAR} (hashed to the curve,
 * so nobody knows log_g ḡ). A dealer ({@link DlogSharing}) shares x with Shamir (degree
 * k-1); the public key is h = g^x, server i holds x_i and publishes h_i = g^{x_i}.
 * <ul>
 * <li>Encrypt m under label L: r, s random; u = g^r, ū = ḡ^r, w = g^s, w̄ = ḡ^s; the
 *     encapsulated key K = H1(h^r); payload = iv || AES-GCM_K(m, associated data L);
 *     c = H(payload); e = H2(c, L, u, w, ū, w̄); f = s + r·e mod q. The ciphertext is
 *     (L, u, ū, e, f, payload).
 * <li>Valid iff u, ū are group elements, e, f &lt; q and e = H2(c, L, u, g^f/u^e, ū, ḡ^f/ū^e):
 *     a proof that log_g u = log_ḡ ū, bound to c and L.
 * <li>Decryption share of server i: u_i = u^{x_i} with a Chaum–Pedersen proof (e_i, f_i) that
 *     log_u u_i = log_g h_i ({@link Dleq}, deterministic nonce), bound to this ciphertext.
 * <li>Combine: any k valid shares interpolate in the exponent to u^x = h^r; K = H1(h^r)
 *     opens the payload.
 * </ul>
 *
 * <h2>Properties</h2>
 * <ul>
 * <li>Chosen-ciphertext security (random oracle model, DDH), also against an adversary
 *     that corrupts up to k-1 servers and sees their shares of other ciphertexts: k = t+1
 *     shares decrypt, k-1 or fewer reveal nothing about m. The precondition is that honest
 *     servers only share ciphertexts that pass the validity check, which {@link Tdh2Key}
 *     enforces.
 * <li>Public verifiability of ciphertexts: anyone, with the public key only, can tell a
 *     valid ciphertext from a mauled one, so invalid ones are skipped by all servers alike.
 * <li>Robustness: every share carries a proof checked against h_i, so t corrupt servers
 *     cannot make an honest combiner decrypt wrongly; combining is deterministic.
 * </ul>
 *
 * <h2>Binding the payload (why c is the hash of the AES part)</h2>
 * In SG98, c = m ⊕ H1(h^r) and e covers c, so nobody but the encryptor can pair the TDH2
 * part with another message. In the hybrid form the message is the AES-GCM payload, so we
 * set TDH2's c to SHA-256 of (iv || AES-GCM ciphertext and tag) and keep L as it is; e then
 * covers the payload and the label. (Putting the hash into L' = (L, hash) would be equally
 * sound; c is where SG98 puts message data, so the mapping stays one to one.) If the payload
 * were outside e, an adversary could copy an honest client's TDH2 part (u, ū, e, f, L),
 * attach junk, and get the copy ordered first; the servers would then release u^{x_i} for
 * the honest u and everyone would learn the honest request before its place in the order is
 * fixed: exactly the front-running SC-ABC exists to prevent. With the binding, such a splice
 * fails {@link #verifyCiphertext}, and so does re-labelling. L is also GCM's associated data.
 *
 * <p>A ciphertext that is valid but whose payload was encrypted under another key (only its
 * own client can make one) fails in {@link #combine} with an error, the same on every server.
 */
public final class Tdh2 implements ThresholdDecryption {

    static final String DOMAIN = "sintra-ee/tdh2";
    static final String SHARE_DOMAIN = DOMAIN + "/share";
    /** The largest plaintext {@link #encrypt} takes and {@link #verifyCiphertext} accepts. */
    public static final int MAX_PLAINTEXT_BYTES = 16 * 1024 * 1024;
    /** u_i (33) || proof (e_i, f_i) (64). */
    public static final int SHARE_BYTES = Secp256k1.POINT_BYTES + Dleq.PROOF_BYTES;

    private final int threshold;
    private final ECPoint h;
    private final ECPoint[] verificationKeys;

    /**
     * @param threshold k, the number of shares that decrypt (t + 1)
     * @param publicKey h = g^x
     * @param verificationKeys h_i = g^{x_i} for i = 1..n
     * @throws IllegalArgumentException naming the field if the threshold is out of range, a key
     *         is not a group element, or the verification keys do not interpolate to h
     */
    public Tdh2(int threshold, ECPoint publicKey, List<ECPoint> verificationKeys) {
        Objects.requireNonNull(verificationKeys, "verificationKeys");
        int n = verificationKeys.size();
        if (threshold < 1 || threshold > n) {
            throw new IllegalArgumentException("tdh2 threshold " + threshold + " must be in 1.." + n);
        }
        this.threshold = threshold;
        this.h = VerificationKeys.requireGroupElement(publicKey, "tdh2 public key");
        this.verificationKeys = new ECPoint[n];
        for (int i = 0; i < n; i++) {
            this.verificationKeys[i] = VerificationKeys.requireGroupElement(verificationKeys.get(i),
                    "tdh2 verification key " + (i + 1));
        }
        VerificationKeys.requireConsistent("tdh2", threshold, h, this.verificationKeys);
    }

    /** The scheme for a fresh dealing (tests, key ceremonies). */
    public static Tdh2 of(DlogSharing dealing) {
        return new Tdh2(dealing.threshold(), dealing.publicKey(), dealing.verificationKeys());
    }

    @Override
    public int servers() {
        return verificationKeys.length;
    }

    @Override
    public int threshold() {
        return threshold;
    }

    /** h = g^x. */
    public ECPoint publicKey() {
        return h;
    }

    /** h_i = g^{x_i} of share index i (1-based). */
    public ECPoint verificationKey(int index) {
        return verificationKeys[index - 1];
    }

    /** Draws r, then s, then the iv from {@code rnd}, in that order (the known-answer test relies on it). */
    @Override
    public Ciphertext encrypt(byte[] label, byte[] plaintext, SecureRandom rnd) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(rnd, "rnd");
        if (label.length > Ciphertext.MAX_LABEL_BYTES) {
            throw new IllegalArgumentException("tdh2 label is " + label.length + " bytes, at most "
                    + Ciphertext.MAX_LABEL_BYTES + " allowed");
        }
        if (plaintext.length > MAX_PLAINTEXT_BYTES) {
            throw new IllegalArgumentException("tdh2 plaintext is " + plaintext.length + " bytes, at most "
                    + MAX_PLAINTEXT_BYTES + " allowed");
        }
        BigInteger r = nonZeroScalar(rnd);
        BigInteger s = nonZeroScalar(rnd);
        ECPoint u = Secp256k1.fixedBaseMul(Secp256k1.G, r);
        ECPoint uBar = Secp256k1.fixedBaseMul(Secp256k1.G_BAR, r);
        ECPoint w = Secp256k1.fixedBaseMul(Secp256k1.G, s);
        ECPoint wBar = Secp256k1.fixedBaseMul(Secp256k1.G_BAR, s);
        byte[] key = Tdh2Dem.key(Secp256k1.mulSecret(h, r));
        byte[] iv = new byte[Tdh2Ciphertext.IV_BYTES];
        rnd.nextBytes(iv);
        byte[] sealed;
        try {
            sealed = Tdh2Dem.seal(key, iv, label, plaintext);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        byte[] payload = new byte[iv.length + sealed.length];
        System.arraycopy(iv, 0, payload, 0, iv.length);
        System.arraycopy(sealed, 0, payload, iv.length, sealed.length);
        byte[] c = Tdh2Ciphertext.payloadHash(payload);
        BigInteger e = e(c, label, u, w, uBar, wBar);
        BigInteger f = s.add(r.multiply(e)).mod(Secp256k1.Q);
        return new Ciphertext(label, Tdh2Ciphertext.body(u, uBar, e, f, payload));
    }

    @Override
    public Verdict verifyCiphertext(Ciphertext ct) {
        if (ct == null) {
            return Verdict.invalid("ciphertext is missing");
        }
        Decoded<Tdh2Ciphertext.Header> header = Tdh2Ciphertext.header(ct);
        if (!header.ok()) {
            return Verdict.invalid(header.error());
        }
        Tdh2Ciphertext.Header hd = header.get();
        BigInteger minusE = Secp256k1.Q.subtract(hd.e());
        ECPoint w = Secp256k1.sumOfTwoMultiplies(Secp256k1.G, hd.f(), hd.u(), minusE);
        ECPoint wBar = Secp256k1.sumOfTwoMultiplies(Secp256k1.G_BAR, hd.f(), hd.uBar(), minusE);
        if (w.isInfinity() || wBar.isInfinity()) {
            // Honest encryption never gives infinity (s != 0); rejecting keeps encodings total.
            return Verdict.invalid("ciphertext validity proof does not verify (degenerate commitment)");
        }
        byte[] c = Tdh2Ciphertext.payloadHash(Tdh2Ciphertext.payload(ct));
        if (!e(c, ct.label(), hd.u(), w, hd.uBar(), wBar).equals(hd.e())) {
            return Verdict.invalid("ciphertext validity proof does not verify: e is not H2(c, L, u, w, u-bar, w-bar),"
                    + " so the label, the TDH2 part or the payload is not what the encryptor made");
        }
        return Verdict.VALID;
    }

    /**
     * Checks the share's index, length, point and proof against h_i, u and this ciphertext's
     * (L, u, ū, e, f). It does not repeat {@link #verifyCiphertext} (that hashes the whole
     * payload, and callers do it once per ciphertext): the caller must have checked the
     * ciphertext. Since e binds the payload of a valid ciphertext, binding e binds it all.
     */
    @Override
    public Verdict verifyShare(Ciphertext ct, Share share) {
        if (ct == null || share == null) {
            return Verdict.invalid("decryption share or ciphertext is missing");
        }
        if (share.index() < 1 || share.index() > verificationKeys.length) {
            return Verdict.invalid("decryption share index " + share.index() + " is not in 1.."
                    + verificationKeys.length);
        }
        if (share.length() != SHARE_BYTES) {
            return Verdict.invalid("decryption share must be " + SHARE_BYTES + " bytes, got " + share.length());
        }
        Decoded<Tdh2Ciphertext.Header> header = Tdh2Ciphertext.header(ct);
        if (!header.ok()) {
            return Verdict.invalid("decryption share is for a malformed ciphertext: " + header.error());
        }
        byte[] data = share.data();
        Decoded<ECPoint> ui = Secp256k1.decodePoint(Arrays.copyOf(data, Secp256k1.POINT_BYTES));
        if (!ui.ok()) {
            return Verdict.invalid("decryption share value: " + ui.error());
        }
        Decoded<Dleq.Proof> proof = Dleq.Proof.decode(data, Secp256k1.POINT_BYTES);
        if (!proof.ok()) {
            return Verdict.invalid("decryption share " + proof.error());
        }
        Dleq.Statement st = shareStatement(share.index(), header.get().u(), ui.get());
        Verdict v = Dleq.verify(SHARE_DOMAIN, st, proof.get(), shareContext(ct.label(), header.get()));
        return v.isValid() ? v : Verdict.invalid("decryption share " + v.reason());
    }

    @Override
    public Decoded<byte[]> combine(Ciphertext ct, Collection<Share> validShares) {
        Objects.requireNonNull(ct, "ciphertext");
        Objects.requireNonNull(validShares, "validShares");
        Decoded<Tdh2Ciphertext.Header> header = Tdh2Ciphertext.header(ct);
        if (!header.ok()) {
            throw new IllegalArgumentException("combine given an unverified ciphertext: " + header.error());
        }
        Map<Integer, Share> byIndex = new TreeMap<>();
        for (Share s : validShares) {
            if (s.index() < 1 || s.index() > verificationKeys.length) {
                throw new IllegalArgumentException("combine given a decryption share with index " + s.index());
            }
            byIndex.putIfAbsent(s.index(), s);
        }
        if (byIndex.size() < threshold) {
            throw new IllegalArgumentException("need " + threshold + " distinct decryption shares, got "
                    + byIndex.size());
        }
        int[] indices = new int[threshold];
        ECPoint[] ui = new ECPoint[threshold];
        int a = 0;
        for (Share s : byIndex.values()) {
            if (a == threshold) {
                break;
            }
            Decoded<ECPoint> p = Secp256k1.decodePoint(Arrays.copyOf(s.data(), Secp256k1.POINT_BYTES));
            if (s.length() != SHARE_BYTES || !p.ok()) {
                throw new IllegalArgumentException("combine given an unverified decryption share " + s.index());
            }
            indices[a] = s.index();
            ui[a++] = p.get();
        }
        // Lagrange in the exponent: prod u_i^{lambda_i} = u^{sum lambda_i x_i} = u^x = h^r.
        BigInteger[] lambda = Shamir.lagrangeAtZero(indices, Secp256k1.Q);
        ECPoint hr = ECAlgorithms.sumOfMultiplies(ui, lambda).normalize();
        byte[] key = Tdh2Dem.key(hr);
        try {
            byte[] payload = Tdh2Ciphertext.payload(ct);
            return Tdh2Dem.open(key, Arrays.copyOf(payload, Tdh2Ciphertext.IV_BYTES), ct.label(),
                    Arrays.copyOfRange(payload, Tdh2Ciphertext.IV_BYTES, payload.length));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The encoding of u: every ciphertext with this u decrypts to the same K = H1(u^x). */
    @Override
    public byte[] replayKey(Ciphertext ct) {
        Decoded<Tdh2Ciphertext.Header> header = Tdh2Ciphertext.header(ct);
        if (!header.ok()) {
            throw new IllegalArgumentException("replay key of an unverified ciphertext: " + header.error());
        }
        return Secp256k1.encode(header.get().u());
    }

    @Override
    public String toString() {
        return "Tdh2[n=" + verificationKeys.length + ", k=" + threshold + "]";
    }

    /** The share proof's statement: log_g h_i = log_u u_i. */
    Dleq.Statement shareStatement(int index, ECPoint u, ECPoint ui) {
        return new Dleq.Statement(Secp256k1.G, verificationKey(index), u, ui);
    }

    /**
     * What a share proof is bound to besides its statement: L and the TDH2 part (u, ū, e, f).
     * e covers the payload hash, so a share made for one valid ciphertext does not verify for
     * another, without rehashing a large payload per share.
     */
    static byte[] shareContext(byte[] label, Tdh2Ciphertext.Header header) {
        return Hashes.sha256(SHARE_DOMAIN + "/context", label, header.encoded());
    }

    /** H2 of SG98, in its argument order (c, L, u, w, ū, w̄). */
    private static BigInteger e(byte[] c, byte[] label, ECPoint u, ECPoint w, ECPoint uBar, ECPoint wBar) {
        byte[][] p = Secp256k1.encodeAll(u, w, uBar, wBar);
        return Hashes.toScalar(Secp256k1.Q, DOMAIN + "/H2", c, label, p[0], p[1], p[2], p[3]);
    }

    private static BigInteger nonZeroScalar(SecureRandom rnd) {
        BigInteger v;
        do {
            v = Shamir.randomBelow(Secp256k1.Q, rnd);
        } while (v.signum() == 0);
        return v;
    }
}
