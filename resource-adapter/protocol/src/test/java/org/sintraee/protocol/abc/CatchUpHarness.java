package org.sintraee.protocol.abc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.Outgoing;
import org.sintraee.protocol.core.Protocol;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.sim.Adversaries;
import org.sintraee.protocol.sim.InFlight;
import org.sintraee.protocol.sim.Scheduler;
import org.sintraee.protocol.sim.SimulationFailure;
import org.sintraee.protocol.sim.VirtualNet;

/**
 * Catch-up simulations: each server is a {@link Node} wrapping an {@link AtomicBroadcast}
 * that can crash and be resumed, and that takes adopted proofs as inputs (what the runtime
 * does); a {@link Cut} scheduler cuts servers off; {@link #drive} plays the runtime: it
 * persists every node's proofs after each step and feeds a lagging node the proofs of the
 * rounds its evidence shows it missed (and, at quiescence, polls for the latest one).
 */
final class CatchUpHarness {
    static final int BATCH = 3;
    static final int MAX_REQUEST = 64;

    private CatchUpHarness() {
    }

    /** A proof to adopt, as fetched by the runtime from server {@code from}. */
    record Adopt(int from, RoundProof proof) {
    }

    /** One server: its instance (replaced on restart; null while crashed) and what it sent since (re)start. */
    static final class Node implements Protocol<Object, AbcMessage, AbcDelivery> {
        AtomicBroadcast abc;
        final List<AbcMessage> sent = new ArrayList<>();
        final List<DurableRecord> journaled = new ArrayList<>();

        Node(AtomicBroadcast abc) {
            this.abc = abc;
        }

        @Override
        public Tag tag() {
            return abc.tag();
        }

        @Override
        public boolean terminated() {
            return false;
        }

        @Override
        public Step<AbcMessage, AbcDelivery> handleInput(Object input) {
            if (abc == null) {
                return Step.empty();
            }
            return record(input instanceof Adopt a ? abc.adopt(a.from(), a.proof()) : abc.handleInput((AbcInput) input));
        }

        @Override
        public Step<AbcMessage, AbcDelivery> handleMessage(int sender, AbcMessage message) {
            return abc == null ? Step.empty() : record(abc.handleMessage(sender, message)); // crashed: lost
        }

        void crash() {
            abc = null;
        }

        void restart(AtomicBroadcast resumed) {
            abc = resumed;
            sent.clear();
            journaled.clear();
        }

        private Step<AbcMessage, AbcDelivery> record(Step<AbcMessage, AbcDelivery> step) {
            step.messages().stream().map(Outgoing::message).forEach(sent::add);
            journaled.addAll(step.durable());
            return step;
        }
    }

    /** Random order, except that messages from or to cut servers wait while the cut lasts (the driver stops first). */
    static final class Cut implements Scheduler {
        final Set<Integer> cut = new TreeSet<>();

        boolean touches(InFlight<?> m) {
            return cut.contains(m.from()) || cut.contains(m.to());
        }

        @Override
        public int pick(List<? extends InFlight<?>> pending, SplittableRandom rnd) {
            List<Integer> free = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                if (!touches(pending.get(i))) {
                    free.add(i);
                }
            }
            return free.isEmpty() ? rnd.nextInt(pending.size()) : free.get(rnd.nextInt(free.size()));
        }
    }

    /** A run: the net, its cut, and the proofs each node's runtime persisted, by round. */
    static final class Sim {
        final VirtualNet<Object, AbcMessage, AbcDelivery> net;
        final Cut cut;
        final List<ServerContext> ctxs;
        final Tag tag;
        final Map<Integer, TreeMap<Long, RoundProof>> persisted = new TreeMap<>();
        /** Per node, the first round whose proof its runtime has not persisted yet. */
        final Map<Integer, Long> unpersisted = new TreeMap<>();
        int adoptedOnEvidence;
        int adoptedOnPoll;

        Sim(long seed, List<ServerContext> ctxs) {
            this.ctxs = ctxs;
            this.cut = new Cut();
            this.tag = Tag.of("sim", "catchup").child(seed);
            this.net = VirtualNet.create(ctxs.size(), Set.of(), seed,
                    id -> new Node(new AtomicBroadcast(ctxs.get(id - 1), tag, BATCH, MAX_REQUEST, 10_000)),
                    Adversaries.silent(), cut);
            net.honest().forEach(id -> {
                persisted.put(id, new TreeMap<>());
                unpersisted.put(id, 0L);
            });
        }

        Node node(int id) {
            return (Node) net.node(id);
        }

        AtomicBroadcast abc(int id) {
            return node(id).abc;
        }

        /** Restarts a crashed node from its persisted state (its runtime's view) with {@link AtomicBroadcast#resume}. */
        void restart(int id, long round, long nextSeq, List<Bytes> digests, long silentThrough) {
            node(id).restart(AtomicBroadcast.resume(ctxs.get(id - 1), tag, BATCH, MAX_REQUEST, 10_000, round, nextSeq,
                    digests, silentThrough));
            unpersisted.put(id, round);
        }

        void submit(int id, Bytes request) {
            net.input(id, new AbcInput.Submit(request));
            persist();
        }

        /** The runtime's part after every step: each decided round's proof goes to disk (and must be there). */
        void persist() {
            for (int id : net.honest()) {
                AtomicBroadcast a = abc(id);
                if (a == null) {
                    continue;
                }
                for (long r = unpersisted.get(id); r < a.round(); r++) {
                    long round = r;
                    persisted.get(id).put(r, a.proof(r).orElseThrow(
                            () -> fail("server " + id + " holds no proof of its decided round " + round)));
                }
                unpersisted.put(id, Math.max(unpersisted.get(id), a.round()));
            }
        }

        /** A decided round's proof as some running node other than {@code id} persisted it. */
        Map.Entry<Integer, RoundProof> fetch(int id, long r) {
            for (int peer : net.honest()) {
                RoundProof p = persisted.get(peer).get(r);
                if (peer != id && p != null && abc(peer) != null) {
                    return Map.entry(peer, p);
                }
            }
            return null;
        }

        /**
         * Cranks (skipping cut messages) and plays the runtime: a node whose evidence is ahead
         * of its round adopts the next proof; at quiescence each lagging node polls once more.
         * Returns when nothing more happens.
         */
        void drive(int maxDeliveries) {
            for (int i = 0; i < maxDeliveries; i++) {
                persist();
                if (catchUp(false)) {
                    continue;
                }
                boolean free = net.pending().stream().anyMatch(m -> !cut.touches(m));
                if (!free || !net.crank()) {
                    if (!catchUp(true)) {
                        persist();
                        return;
                    }
                }
            }
            throw fail("no quiescence within " + maxDeliveries + " deliveries");
        }

        private boolean catchUp(boolean poll) {
            for (int id : net.honest()) {
                AtomicBroadcast a = abc(id);
                if (a == null || cut.cut.contains(id) || !(poll || a.evidenceOfRound() > a.round())) {
                    continue;
                }
                Map.Entry<Integer, RoundProof> p = fetch(id, a.round());
                if (p != null) {
                    net.input(id, new Adopt(p.getKey(), p.getValue()));
                    if (poll) {
                        adoptedOnPoll++;
                    } else {
                        adoptedOnEvidence++;
                    }
                    persist();
                    return true;
                }
            }
            return false;
        }

        SimulationFailure fail(String what) {
            return new SimulationFailure("seed " + net.seed() + ": " + what);
        }
    }

    static Bytes request(long seed, int k) {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000 + k);
        byte[] body = new byte[rnd.nextInt(2, MAX_REQUEST + 1)];
        rnd.nextBytes(body);
        body[0] = (byte) k; // distinct
        body[1] = (byte) (k >> 8);
        return Bytes.of(body);
    }
}
