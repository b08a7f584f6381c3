package org.sintraee.protocol.crypto.mock;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.sintraee.protocol.crypto.Ciphertext;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.DecryptionKey;
import org.sintraee.protocol.crypto.Hashes;
import org.sintraee.protocol.crypto.Share;
import org.sintraee.protocol.crypto.ThresholdDecryption;
import org.sintraee.protocol.crypto.Verdict;

/**
 * INSECURE MOCK — PROVIDES NO SECRECY AT ALL. Exists only so that protocol simulations run
 * thousands of SC-ABC instances fast; it must never protect real data.
 *
 * <p>The "ciphertext" body is {@code nonce (16) || check (32) || plaintext XOR pad(nonce)},
 * where anyone can recompute the pad from the public nonce, and {@code check} hashes the
 * label, nonce and masked bytes. A "decryption share" of server i is H(i, check): anyone can
 * forge it. What it does keep, so that protocol tests stay meaningful, is the shape of the
 * real scheme: tampered or relabelled ciphertexts fail {@link #verifyCiphertext}, keys refuse
 * them, shares are checked for index, length and ciphertext, k distinct shares are needed,
 * and nothing throws on malformed input.
 */
public final class InsecureMockDecryption implements ThresholdDecryption {

    private static final String DOMAIN = "sintra-ee/INSECURE-mock-decryption";
    static final int NONCE_BYTES = 16;
    static final int CHECK_BYTES = 32;
    static final int HEADER_BYTES = NONCE_BYTES + CHECK_BYTES;
    static final int SHARE_BYTES = 32;
    public static final int MAX_PLAINTEXT_BYTES = 16 * 1024 * 1024;

    private final int servers;
    private final int threshold;

    public InsecureMockDecryption(int servers, int threshold) {
        if (servers < 1 || threshold < 1 || threshold > servers) {
            throw new IllegalArgumentException("mock threshold " + threshold + " must be in 1.." + servers);
        }
        this.servers = servers;
        this.threshold = threshold;
    }

    /** The (equally insecure) key of server {@code index}. */
    public DecryptionKey key(int index) {
        if (index < 1 || index > servers) {
            throw new IllegalArgumentException("mock key index " + index + " is not in 1.." + servers);
        }
        return new Key(index);
    }

    public List<DecryptionKey> keys() {
        List<DecryptionKey> all = new ArrayList<>(servers);
        for (int i = 1; i <= servers; i++) {
            all.add(new Key(i));
        }
        return all;
    }

    @Override
    public int servers() {
        return servers;
    }

    @Override
    public int threshold() {
        return threshold;
    }

    @Override
    public Ciphertext encrypt(byte[] label, byte[] plaintext, SecureRandom rnd) {
        Objects.requireNonNull(rnd, "rnd");
        if (label.length > Ciphertext.MAX_LABEL_BYTES || plaintext.length > MAX_PLAINTEXT_BYTES) {
            throw new IllegalArgumentException("mock label or plaintext too large");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        rnd.nextBytes(nonce);
        byte[] masked = xorPad(nonce, plaintext);
        byte[] check = check(label, nonce, masked);
        byte[] body = new byte[HEADER_BYTES + masked.length];
        System.arraycopy(nonce, 0, body, 0, NONCE_BYTES);
        System.arraycopy(check, 0, body, NONCE_BYTES, CHECK_BYTES);
        System.arraycopy(masked, 0, body, HEADER_BYTES, masked.length);
        return new Ciphertext(label, body);
    }

    @Override
    public Verdict verifyCiphertext(Ciphertext c) {
        if (c == null) {
            return Verdict.invalid("ciphertext is missing");
        }
        int length = c.bodyLength();
        if (length < HEADER_BYTES || length > HEADER_BYTES + MAX_PLAINTEXT_BYTES) {
            return Verdict.invalid("mock ciphertext body has a bad length " + length);
        }
        byte[] body = c.body();
        byte[] expected = check(c.label(), Arrays.copyOf(body, NONCE_BYTES),
                Arrays.copyOfRange(body, HEADER_BYTES, body.length));
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(body, NONCE_BYTES, HEADER_BYTES))) {
            return Verdict.invalid("mock ciphertext check does not match (label or body altered)");
        }
        return Verdict.VALID;
    }

    @Override
    public Verdict verifyShare(Ciphertext c, Share share) {
        if (c == null || share == null) {
            return Verdict.invalid("decryption share or ciphertext is missing");
        }
        if (share.index() < 1 || share.index() > servers) {
            return Verdict.invalid("decryption share index " + share.index() + " is not in 1.." + servers);
        }
        if (share.length() != SHARE_BYTES) {
            return Verdict.invalid("decryption share must be " + SHARE_BYTES + " bytes, got " + share.length());
        }
        if (c.bodyLength() < HEADER_BYTES) {
            return Verdict.invalid("decryption share is for a malformed ciphertext");
        }
        byte[] expected = shareValue(share.index(), c.bodyRange(NONCE_BYTES, HEADER_BYTES));
        return MessageDigest.isEqual(expected, share.data()) ? Verdict.VALID
                : Verdict.invalid("mock decryption share does not match the ciphertext and index");
    }

    @Override
    public Decoded<byte[]> combine(Ciphertext c, Collection<Share> validShares) {
        if (c.bodyLength() < HEADER_BYTES) {
            throw new IllegalArgumentException("combine given an unverified ciphertext");
        }
        Map<Integer, Share> byIndex = new TreeMap<>();
        for (Share s : validShares) {
            if (!verifyShare(c, s).isValid()) {
                throw new IllegalArgumentException("combine given an unverified decryption share " + s.index());
            }
            byIndex.putIfAbsent(s.index(), s);
        }
        if (byIndex.size() < threshold) {
            throw new IllegalArgumentException("need " + threshold + " distinct decryption shares, got "
                    + byIndex.size());
        }
        byte[] body = c.body();
        byte[] masked = Arrays.copyOfRange(body, HEADER_BYTES, body.length);
        return Decoded.of(xorPad(Arrays.copyOf(body, NONCE_BYTES), masked));
    }

    @Override
    public byte[] replayKey(Ciphertext c) {
        if (c.bodyLength() < HEADER_BYTES) {
            throw new IllegalArgumentException("replay key of an unverified ciphertext");
        }
        return c.bodyRange(0, NONCE_BYTES);
    }

    @Override
    public String toString() {
        return "InsecureMockDecryption[n=" + servers + ", k=" + threshold + ", NO SECRECY]";
    }

    private static byte[] check(byte[] label, byte[] nonce, byte[] masked) {
        return Hashes.sha256(DOMAIN + "/check", label, nonce, masked);
    }

    private static byte[] shareValue(int index, byte[] check) {
        return Hashes.sha256(DOMAIN + "/share", Hashes.int32(index), check);
    }

    /** XOR with SHA-256 in counter mode over the public nonce: an involution, no key. */
    private static byte[] xorPad(byte[] nonce, byte[] data) {
        byte[] out = new byte[data.length];
        for (int block = 0; block * 32 < data.length; block++) {
            byte[] pad = Hashes.sha256(DOMAIN + "/pad", nonce, Hashes.int32(block));
            for (int j = 0; j < 32 && block * 32 + j < data.length; j++) {
                out[block * 32 + j] = (byte) (data[block * 32 + j] ^ pad[j]);
            }
        }
        return out;
    }

    /** Server i's "key": it knows nothing secret, it only refuses invalid ciphertexts. */
    private final class Key implements DecryptionKey {
        private final int index;

        Key(int index) {
            this.index = index;
        }

        @Override
        public int index() {
            return index;
        }

        @Override
        public Optional<Share> decryptionShare(Ciphertext c) {
            if (!verifyCiphertext(c).isValid()) {
                return Optional.empty();
            }
            return Optional.of(new Share(index, shareValue(index, c.bodyRange(NONCE_BYTES, HEADER_BYTES))));
        }

        @Override
        public String toString() {
            return "InsecureMockDecryption.Key[" + index + ", NO SECRECY]";
        }
    }
}
