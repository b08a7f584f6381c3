package org.sintraee.protocol.aba;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sintraee.protocol.coin.CoinMessage;
import org.sintraee.protocol.coin.ThresholdCoinProtocol;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.Share;
import org.sintraee.protocol.sim.InFlight;
import org.sintraee.protocol.sim.Scheduler;

/**
 * An adaptive network adversary that reads message contents. It keeps each honest
 * server's view of a round's pre-votes balanced (it delivers the value the receiver has
 * seen less of), holds back main-votes for a bit and DECIDE as long as it can, and, with
 * {@code coinAware}, plays the HoneyBadgerBFT issue #59 attack: as soon as t + 1 shares of a
 * round's coin are visible in flight (the faulty servers' own plus one honest), it computes
 * the coin and feeds main-votes for the other bit to one half of the servers and abstains
 * to the other, so that the halves pre-vote against each other in the next round.
 * Nothing is dropped: held-back messages go when nothing else is left.
 */
final class SplitScheduler implements Scheduler {
    private final Tag tag;
    private final ServerContext anyCtx;
    private final boolean coinAware;
    private final int n;
    /** receiver → round → [pre-votes for 0, for 1] delivered so far. */
    private final Map<Integer, Map<Integer, int[]>> seen = new TreeMap<>();
    /** round → coin shares seen in flight, by index. */
    private final Map<Integer, Map<Integer, Share>> shares = new TreeMap<>();
    private final Map<Integer, Boolean> coins = new TreeMap<>();

    /** How many coins were learned before their round ended everywhere (tests check the attack ran). */
    static int learned;

    SplitScheduler(Tag tag, ServerContext anyCtx, int n, boolean coinAware) {
        this.tag = tag;
        this.anyCtx = anyCtx;
        this.n = n;
        this.coinAware = coinAware;
    }

    @Override
    public int pick(List<? extends InFlight<?>> pending, SplittableRandom rnd) {
        if (coinAware) {
            learnCoins(pending);
        }
        int best = Integer.MIN_VALUE;
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            int score = score(pending.get(i));
            if (score > best) {
                best = score;
                candidates.clear();
            }
            if (score == best) {
                candidates.add(i);
            }
        }
        int index = candidates.get(rnd.nextInt(candidates.size()));
        InFlight<?> chosen = pending.get(index);
        if (chosen.message() instanceof AbaMessage.PreVote pv) {
            seen.computeIfAbsent(chosen.to(), k -> new TreeMap<>()).computeIfAbsent(pv.round(), k -> new int[2])
                    [pv.value() ? 1 : 0]++;
        }
        return index;
    }

    private int score(InFlight<?> m) {
        Object msg = m.message();
        if (msg instanceof AbaMessage.PreVote pv) {
            int[] c = seen.getOrDefault(m.to(), Map.of()).getOrDefault(pv.round(), new int[2]);
            int mine = c[pv.value() ? 1 : 0];
            int other = c[pv.value() ? 0 : 1];
            return mine <= other ? 3 : 0;
        }
        if (msg instanceof AbaMessage.MainVote mv) {
            Boolean coin = coins.get(mv.round());
            boolean lowHalf = m.to() <= n / 2;
            if (coin != null) {
                // against the coin for one half, abstains for the other: the #59 split
                if (mv.value() == VoteValue.ABSTAIN) {
                    return lowHalf ? 1 : 4;
                }
                return (mv.value() == VoteValue.ONE) != coin && lowHalf ? 4 : 0;
            }
            return mv.value() == VoteValue.ABSTAIN ? 2 : 0;
        }
        if (msg instanceof AbaMessage.Decide) {
            return -1;
        }
        return 1;
    }

    private void learnCoins(List<? extends InFlight<?>> pending) {
        for (InFlight<?> m : pending) {
            if (m.message() instanceof AbaMessage.Coin c && c.message() instanceof CoinMessage.CoinShare s
                    && !coins.containsKey(c.round())) {
                byte[] name = ThresholdCoinProtocol.coinName(tag.child("coin").child(c.round()));
                Map<Integer, Share> byIndex = shares.computeIfAbsent(c.round(), k -> new TreeMap<>());
                if (!byIndex.containsKey(m.from()) && s.share().index() == m.from()
                        && anyCtx.coin().verifyShare(name, s.share()).isValid()) {
                    byIndex.put(m.from(), s.share());
                    Set<Integer> idx = new TreeSet<>(byIndex.keySet());
                    if (anyCtx.quorums().containsHonest(idx)) {
                        coins.put(c.round(), anyCtx.coin().combine(name, byIndex.values()).bit());
                        learned++;
                    }
                }
            }
        }
    }
}
