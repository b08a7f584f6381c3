package org.sintraee.protocol.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Domain-separated hashing. Every input part is length-prefixed, so that no two
 * different part lists hash alike, and every hash names its purpose (the domain),
 * so that a value hashed for one step is never valid for another.
 * The JDK's SHA-256 is used because it is several times faster than Bouncy Castle's here.
 */
public final class Hashes {
    // Never updated, only cloned: getInstance's provider lookup and reflective construction
    // cost more than hashing a KiB, and a replica hashes several times per request.
    private static final MessageDigest SHA_256 = create("SHA-256");
    private static final MessageDigest SHA_512 = create("SHA-512");

    private Hashes() {
    }

    public static byte[] sha256(String domain, byte[]... parts) {
        MessageDigest md = digest("SHA-256");
        absorb(md, domain, parts);
        return md.digest();
    }

    public static byte[] sha512(String domain, byte[]... parts) {
        MessageDigest md = digest("SHA-512");
        absorb(md, domain, parts);
        return md.digest();
    }

    /** A 512-bit hash reduced mod {@code q}: the bias is below 2^-250 for a 256-bit q. */
    public static BigInteger toScalar(BigInteger q, String domain, byte[]... parts) {
        return new BigInteger(1, sha512(domain, parts)).mod(q);
    }

    /**
     * A keyed PRF (HMAC-SHA512) reduced mod {@code q}, for deterministic proof nonces:
     * keyed by the secret and fed the whole statement, as in RFC 6979, so a nonce is
     * unpredictable to others and never repeats under a different statement.
     */
    public static BigInteger prfScalar(BigInteger q, byte[] key, String domain, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(key, "HmacSHA512"));
            mac.update(lengthPrefixed(domain.getBytes(StandardCharsets.UTF_8)));
            for (byte[] p : parts) {
                mac.update(lengthPrefixed(p));
            }
            // Two blocks give 1024 bits, so the reduction mod q is unbiased in practice.
            byte[] first = mac.doFinal(new byte[] {1});
            mac.update(first);
            byte[] second = mac.doFinal(new byte[] {2});
            byte[] both = new byte[first.length + second.length];
            System.arraycopy(first, 0, both, 0, first.length);
            System.arraycopy(second, 0, both, first.length, second.length);
            return new BigInteger(1, both).mod(q);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA512 unavailable", e);
        }
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] int32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static void absorb(MessageDigest md, String domain, byte[]... parts) {
        md.update(lengthPrefixed(domain.getBytes(StandardCharsets.UTF_8)));
        for (byte[] p : parts) {
            md.update(int32(p.length));
            md.update(p);
        }
    }

    private static byte[] lengthPrefixed(byte[] p) {
        byte[] out = new byte[4 + p.length];
        System.arraycopy(int32(p.length), 0, out, 0, 4);
        System.arraycopy(p, 0, out, 4, p.length);
        return out;
    }

    private static MessageDigest digest(String name) {
        MessageDigest prototype = name.equals("SHA-256") ? SHA_256 : SHA_512;
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return create(name);
        }
    }

    private static MessageDigest create(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " unavailable", e);
        }
    }
}
