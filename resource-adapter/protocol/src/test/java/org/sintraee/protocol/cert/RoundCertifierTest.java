package org.sintraee.protocol.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.shoup.ShoupKeySet;
import org.sintraee.protocol.sim.Contexts;

/** One certifier driven by hand: signing once, joining on a peer's share, the window, buffers and misuse. */
class RoundCertifierTest {
    private static final Tag TAG = Tag.of("unit", "cert");
    private static final int WINDOW = 4;
    private final List<ServerContext> ctxs = Contexts.mock(4, 1);
    private final ShoupKeySet keys = CertKeys.dealt(4, 1);

    private RoundCertifier server(int id) {
        return new RoundCertifier(ctxs.get(id - 1), TAG, keys.share(id), WINDOW);
    }

    private CertMessage share(int from, long round) {
        return new CertMessage.SignShare(round, CertAdversaries.validShare(keys, TAG, from, round));
    }

    @Test
    void signsOnceAndCombinesWithHonestOneValidShares() {
        RoundCertifier c = server(1);
        c.handleInput(new CertInput.Delivered(0, CertKeys.statement(0)));
        Step<CertMessage, Certified> s = c.handleInput(new CertInput.Sign(0));
        assertEquals(1, s.messages().size(), "one share, to all");
        assertTrue(s.messages().get(0).target().isAll());
        assertTrue(c.handleInput(new CertInput.Sign(0)).isEmpty(), "asked again before certified: no second share");
        assertTrue(c.handleMessage(1, s.messages().get(0).message()).outputs().isEmpty(), "own share: 1 of 2");
        Step<CertMessage, Certified> done = c.handleMessage(3, share(3, 0));
        assertEquals(1, done.outputs().size());
        assertTrue(CertKeys.jdkVerifies(keys.publicKey(), CertKeys.statement(0), done.outputs().get(0).signature()));
        assertEquals(done.outputs(), c.handleInput(new CertInput.Sign(0)).outputs(), "later asks answered from memory");
    }

    @Test
    void aValidPeerShareMakesADeliveredRoundSignButAnInvalidOneDoesNot() {
        RoundCertifier c = server(2);
        c.handleInput(new CertInput.Delivered(5, CertKeys.statement(5)));
        Step<CertMessage, Certified> bad = c.handleMessage(3, new CertMessage.SignShare(5,
                keys.share(3).sign(TAG.child(5).encoded(), CertKeys.statement(6)).encode()));
        assertEquals(FaultKind.INVALID_PROOF, bad.faults().get(0).kind());
        assertTrue(bad.messages().isEmpty(), "an invalid share costs no signature");
        Step<CertMessage, Certified> stolen = c.handleMessage(4, share(3, 5));
        assertEquals(FaultKind.INVALID_PROOF, stolen.faults().get(0).kind(), "server 3's share sent by 4");
        Step<CertMessage, Certified> joined = c.handleMessage(1, share(1, 5));
        assertEquals(1, joined.messages().size(), "joins with its own share");
        Step<CertMessage, Certified> again = c.handleMessage(1, new CertMessage.SignShare(5, new byte[] {9}));
        assertEquals(FaultKind.EQUIVOCATION, again.faults().get(0).kind());
        assertTrue(c.handleMessage(1, share(1, 5)).isEmpty(), "an identical copy is ignored");
    }

    @Test
    void sharesAheadAreBufferedBoundedAndJudgedOnDelivery() {
        RoundCertifier c = server(1);
        c.handleInput(new CertInput.Delivered(0, CertKeys.statement(0)));
        for (long r = 1; r < 1000; r++) {
            c.handleMessage(4, new CertMessage.SignShare(r, new byte[] {1}));
        }
        assertEquals(WINDOW, c.bufferedShares(), "one per round, only up to window ahead");
        assertEquals(FaultKind.EQUIVOCATION, c.handleMessage(4, new CertMessage.SignShare(1, new byte[] {2}))
                .faults().get(0).kind());
        c.handleMessage(2, share(2, 2));
        Step<CertMessage, Certified> s = c.handleInput(new CertInput.Delivered(2, CertKeys.statement(2)));
        assertEquals(1, s.messages().size(), "server 2's buffered valid share makes it sign");
        Step<CertMessage, Certified> s1 = c.handleInput(new CertInput.Delivered(1, CertKeys.statement(1)));
        assertEquals(FaultKind.MALFORMED, s1.faults().get(0).kind(), "buffered junk judged on delivery");
    }

    @Test
    void roundsBelowTheWindowAreForgotten() {
        RoundCertifier c = server(1);
        for (long r = 0; r < 20; r++) {
            c.handleInput(new CertInput.Delivered(r, CertKeys.statement(r)));
        }
        assertEquals(WINDOW, c.heldRounds());
        assertFalse(c.knows(15));
        assertTrue(c.knows(16));
        assertTrue(c.handleMessage(2, share(2, 3)).isEmpty(), "late shares are ignored");
        assertTrue(c.handleInput(new CertInput.Delivered(2, CertKeys.statement(2))).isEmpty());
        assertFalse(c.knows(2));
    }

    @Test
    void localMisuseThrows() {
        RoundCertifier c = server(1);
        assertThrows(IllegalStateException.class, () -> c.handleInput(new CertInput.Sign(0)));
        c.handleInput(new CertInput.Delivered(0, CertKeys.statement(0)));
        assertThrows(IllegalStateException.class, () -> c.handleInput(new CertInput.Delivered(0, CertKeys.statement(1))));
        assertThrows(IllegalArgumentException.class, () -> new RoundCertifier(ctxs.get(0), TAG, keys.share(2), 4));
        assertEquals(FaultKind.MALFORMED, c.handleMessage(9, share(1, 0)).faults().get(0).kind());
    }
}
