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
    /** A verifier that accepts signature {1} only, and counts its calls. */
    private static final class Counting implements SignatureVerifier {
        final List<Integer> calls = new ArrayList<>();

        @Override
        public int servers() {
            return 4;
        }

        @Override
        public boolean verify(int signer, byte[] statement, byte[] signature) {
            calls.add(signer);
            return signature.length == 1 && signature[0] == 1;
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
}
