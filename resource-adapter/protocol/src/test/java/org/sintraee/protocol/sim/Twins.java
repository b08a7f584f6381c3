package org.sintraee.protocol.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.sintraee.protocol.core.Outgoing;
import org.sintraee.protocol.core.Protocol;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Target;

/**
 * The Twins strategy: a faulty identity is run by two (or more) real protocol instances,
 * each with its own input and each talking to its own audience only. Every message a twin
 * sends is well formed and signed with the faulty server's key, so no single honest server
 * can tell it is talking to a liar; only the two halves together could. Twins live in
 * "worlds" (0, 1, ...): an honest server's message to a faulty server reaches every twin of it
 * whose audience includes the sender; what a twin says to another faulty server goes at once
 * to that server's twins of the same world, so each world's faulty servers act as one
 * coherent (colluding) group. A twin hears its own messages at once. A twin may run without
 * input (it only echoes, votes, relays as its protocol says).
 *
 * @param <I> the protocol's input
 * @param <M> its message type
 */
public final class Twins<I, M> implements Adversary<M> {

    /** One real instance speaking for faulty server {@code id} in {@code world}, with {@code input} (or null) and its audience. */
    public record Twin<I, M>(int id, int world, Protocol<I, M, ?> node, I input, Set<Integer> audience) {
        public Twin {
            audience = Set.copyOf(audience);
        }
    }

    private final List<Twin<I, M>> twins;
    private final Predicate<M> withhold;

    /** Twins that send everything their instances send. */
    public Twins(List<Twin<I, M>> twins) {
        this(twins, m -> false);
    }

    /** Twins that drop the messages {@code withhold} accepts (e.g. coin shares). */
    public Twins(List<Twin<I, M>> twins, Predicate<M> withhold) {
        this.twins = List.copyOf(twins);
        this.withhold = withhold;
    }

    /**
     * A random split of the honest servers of 1..n into two non-empty halves (when there are
     * at least two), each with every faulty server added: audiences for a pair of twins.
     */
    public static List<Set<Integer>> halves(int n, Set<Integer> faulty, SplittableRandom rnd) {
        List<Integer> honest = new ArrayList<>();
        for (int id = 1; id <= n; id++) {
            if (!faulty.contains(id)) {
                honest.add(id);
            }
        }
        Set<Integer> a = new TreeSet<>(faulty);
        Set<Integer> b = new TreeSet<>(faulty);
        int cut = honest.size() < 2 ? honest.size() : 1 + rnd.nextInt(honest.size() - 1);
        for (int i = honest.size() - 1; i > 0; i--) {            // shuffle, deterministically
            int j = rnd.nextInt(i + 1);
            honest.set(j, honest.set(i, honest.get(j)));
        }
        for (int i = 0; i < honest.size(); i++) {
            (i < cut ? a : b).add(honest.get(i));
        }
        return List.of(a, b);
    }

    @Override
    public void start(AdversaryContext<M> ctx) {
        for (Twin<I, M> t : twins) {
            if (t.input() != null) {
                emit(ctx, t, t.node().handleInput(t.input()));
            }
        }
    }

    @Override
    public void onMessage(InFlight<M> m, AdversaryContext<M> ctx) {
        for (Twin<I, M> t : twins) {
            if (t.id() == m.to() && t.audience().contains(m.from()) && !ctx.faulty().contains(m.from())) {
                emit(ctx, t, t.node().handleMessage(m.from(), m.message()));
            }
        }
    }

    /** A message on its way from one twin to another of the same world (or to itself). */
    private record Internal<I, M>(Twin<I, M> to, int from, M message) {
    }

    /** Sends one twin's step, and runs everything it triggers among the twins of its world. */
    private void emit(AdversaryContext<M> ctx, Twin<I, M> origin, Step<M, ?> first) {
        Deque<Internal<I, M>> internal = new ArrayDeque<>();
        send(ctx, origin, first, internal);
        while (!internal.isEmpty()) {
            Internal<I, M> d = internal.poll();
            send(ctx, d.to(), d.to().node().handleMessage(d.from(), d.message()), internal);
        }
    }

    private void send(AdversaryContext<M> ctx, Twin<I, M> t, Step<M, ?> step, Deque<Internal<I, M>> internal) {
        for (Outgoing<M> o : step.messages()) {
            if (withhold.test(o.message())) {
                continue;
            }
            for (int to = 1; to <= ctx.n(); to++) {
                if (!o.target().includes(to)) {
                    continue;
                }
                List<Twin<I, M>> peers = twinsOf(to, t.world());
                for (Twin<I, M> u : peers) {
                    internal.add(new Internal<>(u, t.id(), o.message()));
                }
                if (peers.isEmpty() && t.audience().contains(to) && !ctx.faulty().contains(to)) {
                    ctx.send(t.id(), Target.to(to), o.message());
                }
            }
        }
    }

    private List<Twin<I, M>> twinsOf(int id, int world) {
        List<Twin<I, M>> out = new ArrayList<>();
        for (Twin<I, M> t : twins) {
            if (t.id() == id && t.world() == world) {
                out.add(t);
            }
        }
        return out;
    }
}
