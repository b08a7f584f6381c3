package org.sintraee.protocol.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.Fault;
import org.sintraee.protocol.core.Outgoing;
import org.sintraee.protocol.core.Protocol;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Target;

/**
 * n servers of one protocol instance in one JVM, on one global queue of in-flight
 * messages (after hbbft's {@code VirtualNet}). Each {@link #crank()} delivers one message
 * the {@link Scheduler} picks: to an honest node's {@code handleMessage}, whose step's
 * messages join the queue, or to the {@link Adversary} if the receiver is faulty.
 *
 * <p>All randomness comes from one {@code SplittableRandom(seed)}, and every event is a
 * line of {@link #trace()} built from ids and {@code String.valueOf}, so the same seed
 * gives the same trace: comparing two runs catches any nondeterminism in the protocol.
 */
public final class VirtualNet<I, M, O> {
    private final int n;
    private final Set<Integer> faulty;
    private final Set<Integer> honest;
    private final long seed;
    private final SplittableRandom random;
    private final Scheduler scheduler;
    private final Adversary<M> adversary;
    private final Map<Integer, Protocol<I, M, O>> nodes = new TreeMap<>();
    private final Map<Integer, List<O>> outputs = new TreeMap<>();
    private final Map<Integer, List<Fault>> faults = new TreeMap<>();
    private final Map<Integer, List<DurableRecord>> durable = new TreeMap<>();
    private final List<InFlight<M>> pending = new ArrayList<>();
    private final List<String> trace = new ArrayList<>();
    private final Context context = new Context();
    private long nextSeq;
    private int deliveries;

    private VirtualNet(int n, Set<Integer> faulty, long seed, Adversary<M> adversary, Scheduler scheduler) {
        this.n = n;
        this.faulty = Collections.unmodifiableSet(new TreeSet<>(faulty));
        TreeSet<Integer> h = new TreeSet<>();
        for (int id = 1; id <= n; id++) {
            if (!faulty.contains(id)) {
                h.add(id);
            }
        }
        this.honest = Collections.unmodifiableSet(h);
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.adversary = adversary;
        this.scheduler = scheduler;
    }

    public static <I, M, O> VirtualNet<I, M, O> create(int n, Set<Integer> faulty, long seed,
            IntFunction<? extends Protocol<I, M, O>> honestFactory, Adversary<M> adversary, Scheduler scheduler) {
        for (int f : faulty) {
            if (f < 1 || f > n) {
                throw new IllegalArgumentException("faulty server " + f + " outside 1.." + n);
            }
        }
        VirtualNet<I, M, O> net = new VirtualNet<>(n, faulty, seed, adversary, scheduler);
        for (int id : net.honest) {
            net.nodes.put(id, honestFactory.apply(id));
            net.outputs.put(id, new ArrayList<>());
            net.faults.put(id, new ArrayList<>());
            net.durable.put(id, new ArrayList<>());
        }
        adversary.start(net.context);
        return net;
    }

    /** A local input to honest node {@code node}; its step's messages are queued. */
    public void input(int node, I input) {
        Protocol<I, M, O> p = honestNode(node);
        trace.add("input " + node + ": " + input);
        apply(node, p.handleInput(input));
    }

    /** Delivers the pending message the scheduler picks; false if nothing is pending. */
    public boolean crank() {
        if (pending.isEmpty()) {
            return false;
        }
        int index = scheduler.pick(Collections.unmodifiableList(pending), random);
        InFlight<M> m = pending.remove(index);
        deliveries++;
        trace.add("deliver " + m);
        if (faulty.contains(m.to())) {
            adversary.onMessage(m, context);
        } else {
            apply(m.to(), nodes.get(m.to()).handleMessage(m.from(), m.message()));
        }
        return true;
    }

    /** Cranks until nothing is pending; returns the deliveries made. */
    public int runUntilQuiet(int maxDeliveries) {
        int done = 0;
        while (crank()) {
            if (++done >= maxDeliveries && !pending.isEmpty()) {
                throw new SimulationFailure("seed " + seed + ": still " + pending.size()
                        + " messages in flight after " + maxDeliveries + " deliveries");
            }
        }
        return done;
    }

    /** Cranks until {@code done} holds (true), nothing is pending or the budget is spent (false). */
    public boolean runUntil(Predicate<VirtualNet<I, M, O>> done, int maxDeliveries) {
        for (int i = 0; i < maxDeliveries; i++) {
            if (done.test(this)) {
                return true;
            }
            if (!crank()) {
                break;
            }
        }
        return done.test(this);
    }

    /** An honest node's instance. */
    public Protocol<I, M, O> node(int id) {
        return honestNode(id);
    }

    public int n() {
        return n;
    }

    public Set<Integer> honest() {
        return honest;
    }

    public Set<Integer> faulty() {
        return faulty;
    }

    public long seed() {
        return seed;
    }

    public List<O> outputs(int id) {
        return Collections.unmodifiableList(outputs.get(checkHonest(id)));
    }

    public List<Fault> faults(int id) {
        return Collections.unmodifiableList(faults.get(checkHonest(id)));
    }

    public List<DurableRecord> durable(int id) {
        return Collections.unmodifiableList(durable.get(checkHonest(id)));
    }

    public List<String> trace() {
        return Collections.unmodifiableList(trace);
    }

    /** Messages in flight, in send order. */
    public List<InFlight<M>> pending() {
        return Collections.unmodifiableList(pending);
    }

    /** Messages delivered so far. */
    public int deliveries() {
        return deliveries;
    }

    private void apply(int node, Step<M, O> step) {
        durable.get(node).addAll(step.durable());
        for (Fault f : step.faults()) {
            faults.get(node).add(f);
            trace.add("fault at " + node + ": " + f);
        }
        for (O o : step.outputs()) {
            outputs.get(node).add(o);
            trace.add("output " + node + ": " + o);
        }
        for (Outgoing<M> out : step.messages()) {
            enqueue(node, out.target(), out.message());
        }
    }

    private void enqueue(int from, Target target, M message) {
        if (target.isAll()) {
            for (int to = 1; to <= n; to++) {
                pending.add(new InFlight<>(nextSeq++, from, to, message));
            }
        } else if (target.server() <= n) {
            pending.add(new InFlight<>(nextSeq++, from, target.server(), message));
        } else {
            throw new IllegalStateException("server " + from + " sent to " + target + " outside 1.." + n);
        }
    }

    private Protocol<I, M, O> honestNode(int id) {
        return nodes.get(checkHonest(id));
    }

    private int checkHonest(int id) {
        if (!honest.contains(id)) {
            throw new IllegalArgumentException("server " + id + " is not an honest node of this net");
        }
        return id;
    }

    private final class Context implements AdversaryContext<M> {
        @Override
        public int n() {
            return n;
        }

        @Override
        public Set<Integer> faulty() {
            return faulty;
        }

        @Override
        public SplittableRandom random() {
            return random;
        }

        @Override
        public void send(int fromFaulty, Target target, M message) {
            if (!faulty.contains(fromFaulty)) {
                throw new IllegalArgumentException("the adversary speaks only for faulty servers, not " + fromFaulty);
            }
            enqueue(fromFaulty, target, message);
        }

        @Override
        public List<InFlight<M>> pending() {
            return VirtualNet.this.pending();
        }
    }
}
