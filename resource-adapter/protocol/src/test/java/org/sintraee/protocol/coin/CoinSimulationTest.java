package org.sintraee.protocol.coin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sintraee.protocol.coin.CoinAdversaries.Byz;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.CoinValue;
import org.sintraee.protocol.crypto.Share;
import org.sintraee.protocol.quorum.Quorums;
import org.sintraee.protocol.sim.Contexts;
import org.sintraee.protocol.sim.Invariants;
import org.sintraee.protocol.sim.Scheduler;
import org.sintraee.protocol.sim.Seeds;
import org.sintraee.protocol.sim.SimulationFailure;
import org.sintraee.protocol.sim.VirtualNet;

/**
 * The threshold coin on the virtual network, n in {4, 7, 10} with t maximal: 200 seeds per
 * (strategy, n) with the mock coin, 10 per strategy rotation at n = 4 and 7 with the real CKS00
 * coin. Honest servers toss at random points of the run. After every run: each honest server
 * output exactly once, the value every t + 1 honest shares give (agreement, and no faulty share
 * changed it), its own share is a durable record, and no honest server is blamed.
 */
class CoinSimulationTest {
    static final int SEEDS = 200;
    private static final Tag TAG = Tag.of("sim", "coin");

    static List<Arguments> cells() {
        List<Arguments> out = new ArrayList<>();
        for (Byz byz : Byz.values()) {
            for (int n : new int[] {4, 7, 10}) {
                out.add(Arguments.of(byz, n));
            }
        }
        return out;
    }

    /** One run; returns the faults honest servers recorded. */
    static List<FaultKind> run(long seed, List<ServerContext> ctxs, Byz byz) {
        int n = ctxs.size();
        Quorums q = ctxs.get(0).quorums();
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003 + n);
        Set<Integer> faulty = new TreeSet<>();
        while (faulty.size() < q.t()) {
            faulty.add(rnd.nextInt(1, n + 1));
        }
        Tag tag = TAG.child(seed);
        Scheduler scheduler = switch ((int) (seed % 3)) {
            case 0 -> Scheduler.random();
            case 1 -> Scheduler.delaying(Set.of(rnd.nextInt(1, n + 1)));
            default -> Scheduler.partitioned(Set.of(1, 2), rnd.nextInt(2 * n * n));
        };
        VirtualNet<ThresholdCoinProtocol.Toss, CoinMessage, CoinValue> net = VirtualNet.create(n, faulty, seed,
                id -> new ThresholdCoinProtocol(ctxs.get(id - 1), tag), CoinAdversaries.of(byz, ctxs, tag), scheduler);
        List<Integer> order = new ArrayList<>(net.honest());
        for (int i = order.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            order.set(j, order.set(i, order.get(j)));
        }
        for (int id : order) {                     // toss at random points: shares may arrive before a toss
            for (int k = rnd.nextInt(2 * n); k > 0; k--) {
                net.crank();
            }
            net.input(id, ThresholdCoinProtocol.Toss.TOSS);
        }
        net.runUntilQuiet(100_000);
        byte[] name = ThresholdCoinProtocol.coinName(tag);
        List<Share> honestShares = new ArrayList<>();
        for (int id : net.honest()) {
            if (honestShares.size() < q.honestOne()) {
                honestShares.add(ctxs.get(id - 1).coinKey().share(name));
            }
        }
        CoinValue expected = ctxs.get(0).coin().combine(name, honestShares);
        Invariants.noHonestBlamed(net);
        Invariants.allOutput(net, expected);
        Map<Integer, Long> records = new TreeMap<>();
        for (int id : net.honest()) {
            records.put(id, net.durable(id).stream().filter(r -> r.what().equals("coin-share")).count());
            if (!net.node(id).terminated()) {
                throw new SimulationFailure("seed " + seed + ": server " + id + " output but is not terminated");
            }
        }
        if (records.values().stream().anyMatch(c -> c != 1)) {
            throw new SimulationFailure("seed " + seed + ": coin-share records per server " + records);
        }
        List<FaultKind> kinds = new ArrayList<>();
        net.honest().forEach(id -> net.faults(id).forEach(f -> kinds.add(f.kind())));
        return kinds;
    }

    private static void expectFaults(Byz byz, List<FaultKind> kinds) {
        switch (byz) {
            case SILENT, WITHHOLD -> assertTrue(kinds.isEmpty(), "valid or no shares are blamed for nothing: " + kinds);
            case GARBAGE -> assertTrue(kinds.contains(FaultKind.INVALID_PROOF) && kinds.contains(FaultKind.MALFORMED),
                    "junk, mutated and oversized shares are caught");
            case EQUIVOCATE -> assertTrue(kinds.contains(FaultKind.EQUIVOCATION) && kinds.contains(FaultKind.INVALID_PROOF),
                    "second shares and bad first shares are caught");
            case REPLAY -> assertTrue(kinds.contains(FaultKind.INVALID_PROOF), "shares of another coin are caught");
        }
    }

    @ParameterizedTest
    @MethodSource("cells")
    void mockCoin(Byz byz, int n) {
        List<ServerContext> ctxs = Contexts.mock(n, Quorums.optimal(n).t());
        List<FaultKind> kinds = new ArrayList<>();
        Seeds.forEach(getClass(), "mockCoin", SEEDS, seed -> kinds.addAll(run(seed, ctxs, byz)));
        expectFaults(byz, kinds);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 7})
    void realCoin(int n) {
        List<ServerContext> ctxs = Contexts.real(n, Quorums.optimal(n).t(), 5150 + n);
        Seeds.forEach(getClass(), "realCoin", 10, seed -> run(seed, ctxs, Byz.values()[(int) (seed % Byz.values().length)]));
    }
}
