package org.sintraee.protocol.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The network adversary's scheduling half: chooses which pending message is delivered
 * next. Every honest message is eventually delivered (nothing is dropped), but in any
 * order, which is exactly the asynchronous model. Deterministic given the random source.
 *
 * <p>{@link #partitioned} keeps state (it counts its picks): use one instance per run.
 */
public interface Scheduler {

    /** An index into {@code pending}, which is never empty. */
    int pick(List<? extends InFlight<?>> pending, SplittableRandom rnd);

    /** Uniformly random order. */
    static Scheduler random() {
        return (pending, rnd) -> rnd.nextInt(pending.size());
    }

    /** Messages from or to {@code slow} servers are delivered only when nothing else is pending. */
    static Scheduler delaying(Set<Integer> slow) {
        Set<Integer> s = Set.copyOf(slow);
        return (pending, rnd) -> randomAmong(pending, rnd, m -> !s.contains(m.from()) && !s.contains(m.to()));
    }

    /**
     * Messages across the cut between {@code side} and the rest are held back until
     * {@code healAfterDeliveries} deliveries have happened (or nothing else is pending).
     */
    static Scheduler partitioned(Set<Integer> side, int healAfterDeliveries) {
        Set<Integer> s = Set.copyOf(side);
        int[] picks = {0};
        return (pending, rnd) -> {
            boolean healed = picks[0]++ >= healAfterDeliveries;
            return healed ? rnd.nextInt(pending.size())
                    : randomAmong(pending, rnd, m -> s.contains(m.from()) == s.contains(m.to()));
        };
    }

    /** A random index among the messages {@code preferred} accepts, or among all if it accepts none. */
    /**
     * One of the three by the seed (random, delaying or partitioned), its parameters drawn
     * from {@code rnd}: the faulty servers plus one random server are slow, or a random side
     * is cut off until a random number of deliveries below {@code healBound} happened.
     */
    static Scheduler bySeed(long seed, int n, Set<Integer> faulty, SplittableRandom rnd, int healBound) {
        switch ((int) (seed % 3)) {
            case 0:
                return random();
            case 1: {
                Set<Integer> slow = new java.util.TreeSet<>(faulty);
                slow.add(rnd.nextInt(1, n + 1));
                return delaying(slow);
            }
            default: {
                Set<Integer> side = new java.util.TreeSet<>();
                for (int id = 1; id <= n; id++) {
                    if (rnd.nextBoolean()) {
                        side.add(id);
                    }
                }
                return partitioned(side, rnd.nextInt(healBound));
            }
        }
    }

    private static int randomAmong(List<? extends InFlight<?>> pending, SplittableRandom rnd,
                                   java.util.function.Predicate<InFlight<?>> preferred) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            if (preferred.test(pending.get(i))) {
                candidates.add(i);
            }
        }
        return candidates.isEmpty() ? rnd.nextInt(pending.size()) : candidates.get(rnd.nextInt(candidates.size()));
    }
}
