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
