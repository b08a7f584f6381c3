package org.sintraee.protocol.coin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.CoinValue;
import org.sintraee.protocol.crypto.Share;
import org.sintraee.protocol.sim.Contexts;

class ThresholdCoinProtocolTest {
    private static final Tag TAG = Tag.of("test", "coin");

    private static CoinMessage shareOf(ServerContext ctx, Tag tag) {
        return new CoinMessage.CoinShare(ctx.coinKey().share(ThresholdCoinProtocol.coinName(tag)));
    }

    @Test
    void outputsOnlyAfterOwnTossEvenWithEnoughShares() {
        List<ServerContext> ctxs = Contexts.mock(4, 1);
        ThresholdCoinProtocol coin = new ThresholdCoinProtocol(ctxs.get(0), TAG);
        assertTrue(coin.handleMessage(2, shareOf(ctxs.get(1), TAG)).outputs().isEmpty());
        assertTrue(coin.handleMessage(3, shareOf(ctxs.get(2), TAG)).outputs().isEmpty());
        assertFalse(coin.terminated());
        Step<CoinMessage, CoinValue> toss = coin.toss();
        assertEquals(1, toss.outputs().size(), "t + 1 valid shares held and tossed: the coin is out");
        assertEquals(1, toss.messages().size());
        assertEquals("coin-share", toss.durable().get(0).what());
        assertTrue(coin.terminated());
        assertThrows(IllegalStateException.class, coin::toss);
    }

    @Test
    void rejectsBadSharesAndKeepsTheFirst() {
        List<ServerContext> ctxs = Contexts.mock(4, 1);
        ThresholdCoinProtocol coin = new ThresholdCoinProtocol(ctxs.get(0), TAG);
        coin.toss();
        assertEquals(FaultKind.INVALID_PROOF, coin.handleMessage(2, new CoinMessage.CoinShare(new Share(2, new byte[32])))
                .faults().get(0).kind());
        // a share of server 3 relayed by server 4 claims another index than its sender
        assertEquals(FaultKind.INVALID_PROOF, coin.handleMessage(4, shareOf(ctxs.get(2), TAG)).faults().get(0).kind());
        // a share of another coin name does not verify
        assertEquals(FaultKind.INVALID_PROOF, coin.handleMessage(3, shareOf(ctxs.get(2), TAG.child("other")))
                .faults().get(0).kind());
        assertTrue(coin.handleMessage(99, shareOf(ctxs.get(2), TAG)).faults().get(0).kind() == FaultKind.MALFORMED);
        assertFalse(coin.terminated(), "no invalid share counted");
        assertTrue(coin.handleMessage(1, shareOf(ctxs.get(0), TAG)).outputs().isEmpty(), "own share alone is not t + 1");
        assertTrue(coin.handleMessage(2, shareOf(ctxs.get(1), TAG)).isEmpty(),
                "a sender whose share failed is not verified again");
        assertFalse(coin.terminated());
    }

    @Test
    void equivocatingShareIsAFaultAndDuplicatesAreIgnored() {
        List<ServerContext> ctxs = Contexts.mock(7, 2);
        ThresholdCoinProtocol coin = new ThresholdCoinProtocol(ctxs.get(0), TAG);
        CoinMessage good = shareOf(ctxs.get(1), TAG);
        assertTrue(coin.handleMessage(2, good).isEmpty());
        assertTrue(coin.handleMessage(2, good).isEmpty(), "an identical copy is ignored");
        Step<CoinMessage, CoinValue> second = coin.handleMessage(2, new CoinMessage.CoinShare(new Share(2, new byte[32])));
        assertEquals(FaultKind.EQUIVOCATION, second.faults().get(0).kind());
    }

    @Test
    void allServersGetTheSameCoinWithRealKeys() {
        List<ServerContext> ctxs = Contexts.real(4, 1, 42);
        List<ThresholdCoinProtocol> coins = new ArrayList<>();
        ctxs.forEach(c -> coins.add(new ThresholdCoinProtocol(c, TAG)));
        List<CoinValue> values = new ArrayList<>();
        List<CoinMessage> shares = new ArrayList<>();
        for (ThresholdCoinProtocol c : coins) {
            shares.add(c.toss().messages().get(0).message());
        }
        // deliver shares in a different order to each server: any t + 1 give the same value
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k < 4; k++) {
                int from = (i + k) % 4 + 1;
                values.addAll(coins.get(i).handleMessage(from, shares.get(from - 1)).outputs());
            }
        }
        assertEquals(4, values.size());
        assertEquals(1, values.stream().distinct().count());
        // a different name gives a different coin
        ThresholdCoinProtocol other = new ThresholdCoinProtocol(ctxs.get(0), TAG.child("x"));
        CoinMessage own = other.toss().messages().get(0).message();
        assertTrue(other.handleMessage(1, own).outputs().isEmpty());
        CoinValue v = other.handleMessage(2, shareOf(ctxs.get(1), TAG.child("x"))).outputs().get(0);
        assertFalse(v.equals(values.get(0)));
    }
}
