package org.sintraee.protocol.crypto.sig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.crypto.SignatureVerifier;
import org.sintraee.protocol.crypto.Signer;

/**
 * A signature verifier that remembers the signatures it found valid, so a certificate that
 * reaches a server many times is checked once. The same c-broadcast certificate comes in the
 * proposer's C-FINAL, in every V-VOTE for its candidate, in the biased agreement's
 * justifications and in the round proof; a main-vote certificate comes in every later vote
 * that it justifies. Profiles of the benchmark showed Ed25519 verification at well over half
 * of the node loop's time, mostly on such repeats.
 *
 * <p>It changes no outcome: a result is cached only when valid, for exactly the same signer,
 * statement and signature bytes (compared whole, no hash trusted), and a valid signature
 * stays valid. Invalid ones are checked every time (they are faults, and rare). At most
 * {@code capacity} entries, least recently used dropped first: about 250 bytes each.
 * Thread-safe.
 */
public final class MemoizedVerifier implements SignatureVerifier {
    /** Enough for several rounds' distinct signatures at n = 4 to 10 (about 2 MiB). */
    public static final int DEFAULT_CAPACITY = 8192;

    private record Key(int signer, Bytes statement, Bytes signature) {
    }

    private final SignatureVerifier inner;
    private final Map<Key, Boolean> valid;

    public MemoizedVerifier(SignatureVerifier inner, int capacity) {
        this.inner = Objects.requireNonNull(inner, "inner");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.valid = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public int servers() {
        return inner.servers();
    }

    @Override
    public synchronized boolean verify(int signer, byte[] statement, byte[] signature) {
        if (statement == null || signature == null) {
            return inner.verify(signer, statement, signature);
        }
        Key k = new Key(signer, Bytes.of(statement), Bytes.of(signature));
        if (valid.get(k) != null) {
            return true;
        }
        boolean ok = inner.verify(signer, statement, signature);
        if (ok) {
            valid.put(k, Boolean.TRUE);
        }
        return ok;
    }

    /**
     * {@code signer}, whose signatures are entered here as it makes them: a server's own
     * signature comes back to it in its loopback messages and in most certificates it checks
     * (about a quarter of all checks at n = 4), and it need not check what it just signed.
     * Checks once, here, that the key is the one this verifier holds for its index, so what is
     * remembered is exactly what any peer finds valid.
     *
     * @throws IllegalArgumentException if {@code signer}'s signatures do not verify under its index
     */
    public Signer remembering(Signer signer) {
        Objects.requireNonNull(signer, "signer");
        byte[] probe = "sintra-ee/memo/own-key-check".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (!inner.verify(signer.index(), probe, signer.sign(probe))) {
            throw new IllegalArgumentException("the signing key of server " + signer.index()
                    + " does not match its public key");
        }
        return new Signer() {
            @Override
            public int index() {
                return signer.index();
            }

            @Override
            public byte[] sign(byte[] statement) {
                byte[] signature = signer.sign(statement);
                synchronized (MemoizedVerifier.this) {
                    valid.put(new Key(signer.index(), Bytes.of(statement), Bytes.of(signature)), Boolean.TRUE);
                }
                return signature;
            }
        };
    }

    /** Valid signatures remembered (for tests). */
    synchronized int size() {
        return valid.size();
    }
}
