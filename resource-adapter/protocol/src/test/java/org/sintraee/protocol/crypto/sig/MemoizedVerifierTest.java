package org.sintraee.protocol.crypto.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.crypto.SignatureVerifier;

/** The memo answers exactly as the verifier it wraps, and spares only repeats of valid signatures. */
class MemoizedVerifierTest {
    /** Counts its calls (by signer) and answers as {@code inner}, or, without one, accepts signature {1} only. */
    private static final class Counting implements SignatureVerifier {
        final List<Integer> calls = new ArrayList<>();
        private final SignatureVerifier inner;

        Counting() {
            this(null);
        }

        Counting(SignatureVerifier inner) {
            this.inner = inner;
        }

        @Override
        public int servers() {
            return inner == null ? 4 : inner.servers();
        }

        @Override
        public boolean verify(int signer, byte[] statement, byte[] signature) {
            calls.add(signer);
            return inner == null ? signature.length == 1 && signature[0] == 1 : inner.verify(signer, statement, signature);
        }
    }

    @Test
    void repeatsOfValidSignaturesAreAnsweredFromTheMemoAndInvalidOnesAreCheckedEachTime() {
        Counting inner = new Counting();
        MemoizedVerifier v = new MemoizedVerifier(inner, 2);
        byte[] st = {7, 7};
        assertTrue(v.verify(1, st, new byte[] {1}));
        assertTrue(v.verify(1, st.clone(), new byte[] {1}), "equal bytes, other arrays");
        assertEquals(1, inner.calls.size());
        assertFalse(v.verify(1, st, new byte[] {2}));
        assertFalse(v.verify(1, st, new byte[] {2}));
        assertEquals(3, inner.calls.size(), "an invalid signature is never remembered");
        assertTrue(v.verify(2, st, new byte[] {1}), "another signer is another entry");
        assertTrue(v.verify(3, st, new byte[] {1}));
        assertEquals(2, v.size(), "bounded: the least recently used went");
        assertTrue(v.verify(1, st, new byte[] {1}));
        assertEquals(6, inner.calls.size(), "signer 1's entry was evicted, so it is checked again");
        assertTrue(v.verify(1, new byte[] {7, 7}, new byte[] {1}));
        assertEquals(6, inner.calls.size());
        assertTrue(v.verify(1, new byte[] {7, 8}, new byte[] {1}));
        assertEquals(7, inner.calls.size(), "another statement is checked afresh");
        assertThrows(IllegalArgumentException.class, () -> new MemoizedVerifier(inner, 0));
    }

    @Test
    void ownSignaturesAreRememberedAsTheyAreMadeOnceTheKeyIsShownToMatch() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        List<Ed25519Signer> signers = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            byte[] secret = new byte[32];
            rnd.nextBytes(secret);
            signers.add(new Ed25519Signer(i, secret));
        }
        Counting inner = new Counting(new Ed25519Verifier(signers.stream().map(Ed25519Signer::publicKey).toList()));
        MemoizedVerifier v = new MemoizedVerifier(inner, 64);
        org.sintraee.protocol.crypto.Signer own = v.remembering(signers.get(1));
        assertEquals(1, inner.calls.size(), "the key check");
        assertEquals(2, own.index());
        byte[] st = {1, 2, 3};
        byte[] sig = own.sign(st);
        assertTrue(v.verify(2, st, sig));
        assertEquals(1, inner.calls.size(), "its own signature is not checked again");
        assertFalse(v.verify(3, st, sig), "the same bytes as another server's are checked, and fail");
        assertTrue(v.verify(3, st, signers.get(2).sign(st)));
        assertEquals(3, inner.calls.size());
        assertThrows(IllegalArgumentException.class, () -> v.remembering(new Ed25519Signer(2, new byte[32])),
                "a key that is not server 2's is refused");
    }
}
