package org.sintraee.protocol.abc;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sintraee.protocol.abc.CatchUpHarness.Adopt;
import org.sintraee.protocol.abc.CatchUpHarness.Cut;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.Fault;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.Protocol;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.sim.Adversaries;
import org.sintraee.protocol.sim.Invariants;
import org.sintraee.protocol.sim.SimulationFailure;
import org.sintraee.protocol.sim.VirtualNet;

/**
 * State-transfer simulations: a lagging server takes decided rounds as a runtime does past a
 * certified checkpoint, from the requests a peer delivered in each round
 * ({@link AtomicBroadcast#adoptDelivered}), or from the round's proof ({@link AtomicBroadcast#adopt}).
 * The certificate's check is the runtime's, so the peer's own deliveries stand in for certified ones.
 * After every step {@link Sim#persist} plays the runtime's proof persistence, and checks that a
 * round has a proof exactly when it was not taken from its deliveries.
 */
final class StateTransferHarness {
    static final int BATCH = CatchUpHarness.BATCH;
    static final int MAX_REQUEST = CatchUpHarness.MAX_REQUEST;

    private StateTransferHarness() {
    }

    /** A round to take from its deliveries, as the runtime checked them against a certified checkpoint. */
    record Delivered(long round, List<Bytes> requests) {
    }

    /** One server, taking submits, proofs to adopt and delivered rounds as inputs. */
    static final class Node implements Protocol<Object, AbcMessage, AbcDelivery> {
        final AtomicBroadcast abc;
        /** The rounds it took by adoptDelivered: the ones it holds no proof of. */
        final Set<Long> transferred = new TreeSet<>();

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
            if (input instanceof Adopt a) {
                return abc.adopt(a.from(), a.proof());
            } else if (input instanceof Delivered d) {
                if (d.round() == abc.round()) {
                    transferred.add(d.round());
                }
                return abc.adoptDelivered(d.round(), d.requests());
            }
            return abc.handleInput((AbcInput) input);
        }

        @Override
        public Step<AbcMessage, AbcDelivery> handleMessage(int sender, AbcMessage message) {
            return abc.handleMessage(sender, message);
        }
    }

    /** A run: the net, its cut, and the proofs each node's runtime persisted, by round. */
    static final class Sim {
        final VirtualNet<Object, AbcMessage, AbcDelivery> net;
        final Cut cut = new Cut();
        final Tag tag;
        final Map<Integer, TreeMap<Long, RoundProof>> persisted = new TreeMap<>();
        private final Map<Integer, Long> unpersisted = new TreeMap<>();
        int byProof;
        int byDeliveries;

        Sim(long seed, List<ServerContext> ctxs) {
            this.tag = Tag.of("sim", "transfer").child(seed);
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

        void submit(int id, Bytes request) {
            net.input(id, new AbcInput.Submit(request));
            persist();
        }

        /** After every step: each decided round's proof goes to disk, except a transferred round's, which has none. */
        void persist() {
            for (int id : net.honest()) {
                for (long r = unpersisted.get(id); r < abc(id).round(); r++) {
                    boolean transferred = node(id).transferred.contains(r);
                    if (abc(id).proof(r).isPresent() == transferred) {
                        throw fail("server " + id + (transferred ? " holds a proof of transferred round "
                                : " holds no proof of its decided round ") + r);
                    }
                    abc(id).proof(r).ifPresent(p -> persisted.get(id).put(p.round(), p));
                }
                unpersisted.put(id, abc(id).round());
            }
        }

        /** Cranks messages that touch no cut server until none is left. */
        void drive(int maxDeliveries) {
            if (!crankFree(maxDeliveries)) {
                throw fail("no quiescence within " + maxDeliveries + " deliveries");
            }
        }

        /** Cranks up to {@code max} messages that touch no cut server; true if none is left. */
        private boolean crankFree(int max) {
            for (int i = 0; i < max; i++) {
                if (net.pending().stream().noneMatch(m -> !cut.touches(m))) {
                    return true;
                }
                net.crank();
                persist();
            }
            return net.pending().stream().noneMatch(m -> !cut.touches(m));
        }

        /** What {@code peer} delivered in round r, in order: empty for a round that delivered nothing. */
        List<Bytes> deliveredIn(int peer, long r) {
            return net.outputs(peer).stream().filter(d -> d.round() == r).map(AbcDelivery::request).toList();
        }

        /**
         * The runtime's state transfer: server {@code id} takes rounds from its {@link AtomicBroadcast#round()}
         * on, in order, until it reaches {@code peer}'s; each round by the peer's persisted proof with
         * probability {@code proofShare}, else by the peer's deliveries in it; up to {@code between} free
         * messages are cranked between two rounds, so buffered and fresh messages mix in.
         */
        void transfer(int id, int peer, double proofShare, int between, SplittableRandom rnd) {
            for (int i = 0; abc(id).round() < abc(peer).round(); i++) {
                if (i > 10_000) {
                    throw fail("server " + id + " stuck in round " + abc(id).round() + " of " + abc(peer).round());
                }
                long r = abc(id).round();
                RoundProof p = persisted.get(peer).get(r);
                if (p != null && rnd.nextDouble() < proofShare) {
                    net.input(id, new Adopt(peer, p));
                    byProof++;
                } else {
                    net.input(id, new Delivered(r, deliveredIn(peer, r)));
                    byDeliveries++;
                }
                persist();
                crankFree(rnd.nextInt(between + 1)); // fresh and buffered messages between two rounds
            }
        }

        /** Agreement, total order without gaps, integrity, validity, empty queues; nobody blamed, no equivocation. */
        void checkRun(List<Bytes> requests) {
            Invariants.noHonestBlamed(net);
            List<AbcDelivery> first = net.outputs(1);
            for (int id : net.honest()) {
                check(net.outputs(id).equals(first), "server " + id + " delivered " + net.outputs(id).size()
                        + " requests, server 1 " + first.size() + ": " + net.outputs(id) + " vs " + first);
                check(abc(id).queued() == 0, "server " + id + " still queues " + abc(id).queued() + " at quiescence");
                for (Fault f : net.faults(id)) {
                    check(f.kind() != FaultKind.EQUIVOCATION, "equivocation seen by " + id + ": " + f);
                }
            }
            Set<Bytes> seen = new HashSet<>();
            for (int i = 0; i < first.size(); i++) {
                check(first.get(i).seq() == i, "seq " + first.get(i).seq() + " at place " + i);
                check(seen.add(first.get(i).request()), "delivered twice: " + first.get(i));
            }
            check(seen.equals(new HashSet<>(requests)), "delivered " + seen.size() + " of " + requests.size() + " requests");
        }

        void check(boolean ok, String what) {
            if (!ok) {
                throw fail(what);
            }
        }

        SimulationFailure fail(String what) {
            return new SimulationFailure("seed " + net.seed() + ": " + what);
        }
    }
}
