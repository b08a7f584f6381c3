package org.sintraee.runtime.node;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sintraee.api.CheckpointCertificate;
import org.sintraee.api.OrderHashes;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.Verdict;
import org.sintraee.protocol.crypto.shoup.ShoupDealer;
import org.sintraee.protocol.crypto.shoup.ShoupKeySet;

/**
 * How a server checks a pruned round a peer sent it ({@code Checkpoints.check}), with a real
 * (insecure, 512-bit) threshold signature over an interval of four rounds: the genuine round
 * passes, and a changed, added or missing request, another round's path, a bad signature, a
 * round that is not the next one here, or no service key to check with do not.
 */
class CheckpointsTest {
    private static ShoupKeySet keys;
    /** Rounds 0..3: round r delivered r + 1 requests. */
    private static final List<List<Bytes>> ROUNDS = new ArrayList<>();
    private static final List<byte[]> LEAVES = new ArrayList<>();
    private static CheckpointCertificate certificate;

    @BeforeAll
    static void certify() {
        keys = ShoupDealer.dealInsecureForTests(4, 2, 512, new SeededRandom(5));
        byte[] chain = OrderHashes.chainStart();
        long seq = 0;
        for (int r = 0; r < 4; r++) {
            List<Bytes> requests = new ArrayList<>();
            for (int k = 0; k <= r; k++) {
                Bytes request = Bytes.of(("round " + r + " request " + k).getBytes(StandardCharsets.UTF_8));
                requests.add(request);
                chain = OrderHashes.chain(chain, seq++, request.toArray());
            }
            ROUNDS.add(requests);
            LEAVES.add(OrderHashes.roundLeaf(r, seq, chain));
        }
        byte[] root = OrderHashes.root(LEAVES);
        byte[] statement = OrderHashes.checkpointStatement(3, seq, chain, 0, root);
        byte[] context = "test".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = keys.publicKey().combine(context, statement,
                List.of(keys.share(1).sign(context, statement), keys.share(3).sign(context, statement)));
        certificate = new CheckpointCertificate(3, seq, chain, 0, root, signature);
    }

    /** A server that has delivered nothing yet: round 0 is its next. */
    private static Checkpoints fresh(PublicKey key) {
        return new Checkpoints(null, key, 4, Recovery.fresh(), 1, 4, null, null, null);
    }

    private static CheckpointedRound round(long r, CheckpointCertificate c, int pathOf, List<Bytes> requests) {
        return new CheckpointedRound(r, c, OrderHashes.path(LEAVES, pathOf), requests);
    }

    private static Verdict check(CheckpointedRound c) {
        return fresh(keys.publicKey().toJcaPublicKey()).check(c);
    }

    @Test
    void theGenuineRoundPasses() {
        assertTrue(certificate.verify(keys.publicKey().toJcaPublicKey()), "a standard RSA signature");
        Verdict v = check(round(0, certificate, 0, ROUNDS.get(0)));
        assertTrue(v.isValid(), v.reason());
    }

    @Test
    void anythingElseFails() {
        List<Bytes> changed = new ArrayList<>(ROUNDS.get(0));
        changed.set(0, Bytes.of(new byte[] {1}));
        assertFalse(check(round(0, certificate, 0, changed)).isValid(), "a changed request");
        List<Bytes> more = new ArrayList<>(ROUNDS.get(0));
        more.add(Bytes.of(new byte[] {2}));
        assertFalse(check(round(0, certificate, 0, more)).isValid(), "a request added");
        assertFalse(check(round(0, certificate, 0, List.of())).isValid(), "a request missing");
        assertFalse(check(round(0, certificate, 1, ROUNDS.get(0))).isValid(), "round 1's path");
        assertFalse(check(round(1, certificate, 1, ROUNDS.get(1))).isValid(), "not the next round here");
        byte[] sig = certificate.signature();
        sig[sig.length - 1] ^= 1;
        CheckpointCertificate forged = new CheckpointCertificate(3, certificate.nextSeq(), certificate.chain(), 0,
                certificate.roundsRoot(), sig);
        assertFalse(check(round(0, forged, 0, ROUNDS.get(0))).isValid(), "a bad signature");
        assertFalse(fresh(null).check(round(0, certificate, 0, ROUNDS.get(0))).isValid(), "no key to check with");
        PublicKey other = ShoupDealer.dealInsecureForTests(4, 2, 512, new SeededRandom(6)).publicKey().toJcaPublicKey();
        assertFalse(fresh(other).check(round(0, certificate, 0, ROUNDS.get(0))).isValid(), "another service's key");
    }
}
