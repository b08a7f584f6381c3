package org.sintraee.protocol.cbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sintraee.protocol.cbc.CbcFixtures.TAG;
import static org.sintraee.protocol.cbc.CbcFixtures.bytes;
import static org.sintraee.protocol.cbc.CbcFixtures.proof;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.QuorumCertificate;
import org.sintraee.protocol.sim.Contexts;

class CbcProofTest {
    private static final List<ServerContext> CTX = Contexts.mock(4, 1);
    private static final byte[] M = bytes("the payload");

    @Test
    void aProofOfAnEchoQuorumVerifiesUnderEveryServersView() {
        CbcProof p = proof(CTX, TAG, M, 1, 2, 4);
        for (ServerContext view : CTX) {
            assertTrue(CbcProof.verify(view, TAG, M, p).isValid());
            assertTrue(CbcProof.verifyDigest(view, TAG, p).isValid());
        }
    }

    @Test
    void aProofIsBoundToItsTagPayloadAndThreshold() {
        CbcProof p = proof(CTX, TAG, M, 1, 2, 3);
        ServerContext view = CTX.get(3);
        assertFalse(CbcProof.verify(view, Tag.of("abc", "7", "mvba", "cbc", "2"), M, p).isValid());
        assertFalse(CbcProof.verify(view, TAG, bytes("another payload"), p).isValid());
        assertFalse(CbcProof.verifyDigest(view, TAG, proof(CTX, TAG, M, 1, 2)).isValid(), "short certificate");
        // A signature for the right digest, but under another step's statement.
        Map<Integer, byte[]> sigs = new TreeMap<>();
        for (int s = 1; s <= 3; s++) {
            sigs.put(s, CTX.get(s - 1).signer().sign(
                    org.sintraee.protocol.core.Statement.of(TAG, "echo", CbcProof.digestOf(M))));
        }
        assertFalse(CbcProof.verifyDigest(view, TAG, new CbcProof(CbcProof.digestOf(M), new QuorumCertificate(sigs))).isValid());
        // A forged signature among enough signers.
        sigs.clear();
        sigs.putAll(Map.of(1, p.sigma().encode(), 2, new byte[16], 3, new byte[16]));
        assertFalse(CbcProof.verifyDigest(view, TAG, new CbcProof(CbcProof.digestOf(M), new QuorumCertificate(sigs))).isValid());
        assertFalse(CbcProof.verifyDigest(view, TAG, new CbcProof(new byte[5], p.sigma())).isValid(), "short digest");
        assertFalse(CbcProof.verify(view, TAG, null, p).isValid());
    }

    @Test
    void encodeDecodeRoundTrips() {
        CbcProof p = proof(CTX, TAG, M, 1, 3, 4);
        Decoded<CbcProof> d = CbcProof.decode(p.encode());
        assertTrue(d.ok(), d.error());
        assertEquals(p, d.get());
        assertTrue(CbcProof.verify(CTX.get(1), TAG, M, d.get()).isValid());
        assertEquals(p.hashCode(), d.get().hashCode());
        assertTrue(p.toString().startsWith("CbcProof(32B:"), p.toString());
    }

    @Test
    void decodingGarbageNeverThrows() {
        byte[] good = proof(CTX, TAG, M, 1, 2, 3).encode();
        assertFalse(CbcProof.decode(null).ok());
        assertFalse(CbcProof.decode(new byte[0]).ok());
        for (int len = 0; len < good.length; len++) {
            assertFalse(CbcProof.decode(Arrays.copyOf(good, len)).ok(), "truncated to " + len);
        }
        assertFalse(CbcProof.decode(Arrays.copyOf(good, good.length + 1)).ok(), "trailing byte");
        SplittableRandom rnd = new SplittableRandom(42);
        int decoded = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] b;
            if (i % 2 == 0) {
                b = new byte[rnd.nextInt(200)];
                rnd.nextBytes(b);
            } else {
                b = good.clone();
                for (int k = rnd.nextInt(1, 4); k > 0; k--) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                }
            }
            Decoded<CbcProof> d = CbcProof.decode(b);
            if (d.ok()) {
                decoded++;
                // A mutated proof that still parses must not verify unless it is unchanged.
                boolean valid = CbcProof.verify(CTX.get(0), TAG, M, d.get()).isValid();
                assertEquals(Arrays.equals(b, good), valid, "mutated proof verified");
            }
        }
        assertTrue(decoded > 0, "some mutations keep the structure");
    }
}
