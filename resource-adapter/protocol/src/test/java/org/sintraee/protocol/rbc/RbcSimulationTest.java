package org.sintraee.protocol.rbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.sim.Adversaries;
import org.sintraee.protocol.sim.Adversary;
import org.sintraee.protocol.sim.Contexts;
import org.sintraee.protocol.sim.Invariants;
import org.sintraee.protocol.sim.Scheduler;
import org.sintraee.protocol.sim.Seeds;
import org.sintraee.protocol.sim.Twins;
import org.sintraee.protocol.sim.SimulationFailure;
import org.sintraee.protocol.sim.VirtualNet;

/**
 * Reliable broadcast under simulated asynchrony and Byzantine servers. Each seed fixes the
 * configuration (n in {4, 7, 10} with t maximal, the scheduler: random, delaying some
 * servers, or partitioned then healed; which servers are faulty; the payload) and the run;
 * after every run the broadcast invariants are checked. n rotates with the seed, so
 * {@code SEEDS} = 600 gives 200 seeds per (strategy, n) cell; {@code -Dsim.seeds} scales it.
 */
class RbcSimulationTest {
    private static final Tag TAG = Tag.of("rbc-sim", "7");
    private static final int MAX = 256;
    private static final int SEEDS = 600;
    private static final int[] SIZES = {4, 7, 10};
    private static final Map<Integer, List<ServerContext>> CONTEXTS = new TreeMap<>();

    /** One seed's configuration, drawn from its own stream so the net's stream stays the scheduler's. */
    private record Config(long seed, int n, int t, int sender, Set<Integer> faulty, Scheduler scheduler,
                          byte[] payload, SplittableRandom random) {
    }

    /** t faulty servers, the sender among them if {@code faultySender}. */
    private static Config configure(long seed, boolean faultySender) {
        return configure(seed, faultySender, false);
    }

    /** With {@code fewerFaulty}, 0..t faulty servers (so that delayed honest servers are not needed for quorums). */
    private static Config configure(long seed, boolean faultySender, boolean fewerFaulty) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17);
        int n = SIZES[(int) (seed % SIZES.length)];
        int t = (n - 1) / 3;
        int sender = 1 + rnd.nextInt(n);
        Set<Integer> faulty = new TreeSet<>();
        if (faultySender) {
            faulty.add(sender);
        }
        int count = fewerFaulty ? rnd.nextInt(t + 1) : t;
        faulty.addAll(RbcAdversaries.randomSubset(n, count - faulty.size(), Set.of(sender), rnd));
        Scheduler scheduler = switch ((int) ((seed / SIZES.length) % 3)) {
            case 0 -> Scheduler.random();
            case 1 -> Scheduler.delaying(RbcAdversaries.randomSubset(n, 1 + rnd.nextInt(Math.max(1, t)), faulty, rnd));
            default -> Scheduler.partitioned(RbcAdversaries.randomSubset(n, n / 2, Set.of(), rnd), rnd.nextInt(5 * n * n));
        };
        byte[] payload = new byte[rnd.nextInt(65)];
        rnd.nextBytes(payload);
        return new Config(seed, n, t, sender, faulty, scheduler, payload, rnd);
    }

    private static VirtualNet<Payload, RbcMessage, Payload> run(Config c, Adversary<RbcMessage> adversary) {
        return run(c, CONTEXTS.computeIfAbsent(c.n(), n -> Contexts.mock(n, (n - 1) / 3)), adversary);
    }

    private static VirtualNet<Payload, RbcMessage, Payload> run(Config c, List<ServerContext> ctxs,
                                                               Adversary<RbcMessage> adversary) {
        VirtualNet<Payload, RbcMessage, Payload> net = VirtualNet.create(c.n(), c.faulty(), c.seed(),
                id -> new ReliableBroadcast(ctxs.get(id - 1), TAG, c.sender(), MAX), adversary, c.scheduler());
        if (!c.faulty().contains(c.sender())) {
            net.input(c.sender(), Payload.of(c.payload()));
        }
        net.runUntilQuiet(500_000);
        return net;
    }

    /** The broadcast invariants, plus RBC's own: one echo and one ready per server, terminated iff delivered. */
    private static void check(VirtualNet<Payload, RbcMessage, Payload> net, Payload honestSendersPayload, Set<Payload> sent) {
        Invariants.broadcast(net, honestSendersPayload);
        Invariants.outputsAmong(net, sent);
        for (int id : net.honest()) {
            long echoes = net.durable(id).stream().filter(d -> d.what().equals("echo")).count();
            List<DurableRecord> readies = net.durable(id).stream().filter(d -> d.what().equals("ready")).toList();
            if (echoes > 1 || readies.size() > 1 || net.node(id).terminated() == net.outputs(id).isEmpty()) {
                throw new SimulationFailure("seed " + net.seed() + ": server " + id + " durable " + net.durable(id)
                        + ", terminated " + net.node(id).terminated() + ", outputs " + net.outputs(id));
            }
            for (Payload p : net.outputs(id)) {
                assertTrue(java.util.Arrays.equals(ReliableBroadcast.digest(TAG, p.bytes()), readies.get(0).data()),
                        "seed " + net.seed() + ": server " + id + " delivered without READY for it");
            }
        }
    }

    private static boolean anyDelivered(VirtualNet<Payload, RbcMessage, Payload> net) {
        return net.honest().stream().anyMatch(id -> !net.outputs(id).isEmpty());
    }

    private static boolean fetched(VirtualNet<Payload, RbcMessage, Payload> net) {
        return net.trace().stream().anyMatch(l -> l.startsWith("deliver") && l.contains(": Answer["));
    }

    @Test
    void honestSenderWithCrashedServers() {
        AtomicInteger fetches = new AtomicInteger();
        Seeds.forEach(getClass(), "honestSenderWithCrashedServers", SEEDS, seed -> {
            Config c = configure(seed, false, true);
            VirtualNet<Payload, RbcMessage, Payload> net = run(c, Adversaries.silent());
            check(net, Payload.of(c.payload()), Set.of(Payload.of(c.payload())));
            assertTrue(net.honest().stream().allMatch(id -> net.faults(id).isEmpty()), "seed " + seed);
            fetches.addAndGet(fetched(net) ? 1 : 0);
        });
        assertTrue(fetches.get() > 0, "the slow and partitioned runs exercise fetching a missing payload");
    }

    @Test
    void equivocatingSenderCannotSplitTheHonestServers() {
        AtomicInteger delivered = new AtomicInteger();
        Seeds.forEach(getClass(), "equivocatingSenderCannotSplitTheHonestServers", SEEDS, seed -> {
            Config c = configure(seed, true);
            byte[] m2 = c.payload().clone();
            m2 = java.util.Arrays.copyOf(m2, m2.length + 1);
            Set<Integer> sideA = RbcAdversaries.randomSubset(c.n(), c.n() / 2, Set.of(), c.random());
            VirtualNet<Payload, RbcMessage, Payload> net = run(c,
                    RbcAdversaries.equivocatingSender(TAG, c.sender(), c.payload(), m2, sideA));
            check(net, null, Set.of(Payload.of(c.payload()), Payload.of(m2)));
            delivered.addAndGet(anyDelivered(net) ? 1 : 0);
        });
        assertTrue(delivered.get() > 0, "some two-faced runs still deliver (then everywhere the same)");
    }

    @Test
    void partialSenderDeliversToAllOrNone() {
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger fetches = new AtomicInteger();
        Seeds.forEach(getClass(), "partialSenderDeliversToAllOrNone", SEEDS, seed -> {
            Config c = configure(seed, true);
            Set<Integer> receivers = RbcAdversaries.randomSubset(c.n(), c.random().nextInt(c.n() + 1), Set.of(), c.random());
            VirtualNet<Payload, RbcMessage, Payload> net = run(c, RbcAdversaries.partialSender(TAG, c.sender(), c.payload(), receivers));
            check(net, null, Set.of(Payload.of(c.payload())));
            delivered.addAndGet(anyDelivered(net) ? 1 : 0);
            fetches.addAndGet(fetched(net) ? 1 : 0);
        });
        assertTrue(delivered.get() > 0 && delivered.get() < SEEDS, "delivered in " + delivered + " runs");
        assertTrue(fetches.get() > 0, "servers without SEND fetch the payload");
    }

    @Test
    void mutatedAndForgedMessagesAreFaultsAndChangeNothing() {
        AtomicInteger blamed = new AtomicInteger();
        Seeds.forEach(getClass(), "mutatedAndForgedMessagesAreFaultsAndChangeNothing", SEEDS, seed -> {
            Config c = configure(seed, false);
            VirtualNet<Payload, RbcMessage, Payload> net = run(c, RbcAdversaries.mutating(MAX));
            check(net, Payload.of(c.payload()), Set.of(Payload.of(c.payload())));
            blamed.addAndGet((int) net.honest().stream().mapToLong(id -> net.faults(id).size()).sum());
        });
        assertTrue(blamed.get() > 1000, "faults recorded against the mutating servers: " + blamed);
    }

    @Test
    void echoesAndReadiesReplayedFromAnotherInstanceDoNotCount() {
        Seeds.forEach(getClass(), "echoesAndReadiesReplayedFromAnotherInstanceDoNotCount", SEEDS, seed -> {
            Config c = configure(seed, false);
            VirtualNet<Payload, RbcMessage, Payload> net = run(c, RbcAdversaries.replaying(Tag.of("rbc-sim", "6"), c.payload()));
            check(net, Payload.of(c.payload()), Set.of(Payload.of(c.payload())));
        });
    }

    /**
     * Twins: the faulty sender is two real, honest-looking instances with different payloads,
     * each talking to its own half of the honest servers; the other faulty servers are twins
     * too (no input), each world's twins echoing and readying for their own side.
     */
    static Adversary<RbcMessage> twins(Config c, List<ServerContext> ctxs, byte[] m2) {
        List<Set<Integer>> halves = Twins.halves(c.n(), c.faulty(), c.random());
        List<Twins.Twin<Payload, RbcMessage>> twins = new java.util.ArrayList<>();
        for (int world = 0; world < 2; world++) {
            for (int f : c.faulty()) {
                Payload input = f != c.sender() ? null : Payload.of(world == 0 ? c.payload() : m2);
                twins.add(new Twins.Twin<>(f, world, new ReliableBroadcast(ctxs.get(f - 1), TAG, c.sender(), MAX),
                        input, halves.get(world)));
            }
        }
        return new Twins<>(twins);
    }

    @Test
    void twinSendersCannotSplitTheHonestServers() {
        AtomicInteger delivered = new AtomicInteger();
        Seeds.forEach(getClass(), "twinSendersCannotSplitTheHonestServers", SEEDS, seed -> {
            Config c = configure(seed, true);
            byte[] m2 = java.util.Arrays.copyOf(c.payload(), c.payload().length + 1);
            List<ServerContext> ctxs = CONTEXTS.computeIfAbsent(c.n(), n -> Contexts.mock(n, (n - 1) / 3));
            VirtualNet<Payload, RbcMessage, Payload> net = run(c, ctxs, twins(c, ctxs, m2));
            check(net, null, Set.of(Payload.of(c.payload()), Payload.of(m2)));
            delivered.addAndGet(anyDelivered(net) ? 1 : 0);
        });
        assertTrue(delivered.get() > 0, "some twin runs deliver (then everywhere the same): " + delivered);
    }

    /** Real contexts (Ed25519 and the CKS00 coin, unused by RBC but dealt as in production), n = 4 and 7. */
    @ParameterizedTest
    @ValueSource(ints = {4, 7})
    void realCryptoContexts(int n) {
        List<ServerContext> ctxs = Contexts.real(n, (n - 1) / 3, 4242 + n);
        Seeds.forEach(getClass(), "realCryptoContexts", 12, seed -> {
            long s = seed * SIZES.length + java.util.Arrays.binarySearch(SIZES, n); // a seed whose config has this n
            Config c = configure(s, seed % 2 == 0);
            byte[] m2 = {7, (byte) seed};
            VirtualNet<Payload, RbcMessage, Payload> net = run(c, ctxs, c.faulty().contains(c.sender())
                    ? twins(c, ctxs, m2) : RbcAdversaries.mutating(MAX));
            boolean honestSender = !c.faulty().contains(c.sender());
            check(net, honestSender ? Payload.of(c.payload()) : null, Set.of(Payload.of(c.payload()), Payload.of(m2)));
        });
    }

    @Test
    void theSameSeedGivesTheSameTrace() {
        Seeds.forEach(getClass(), "theSameSeedGivesTheSameTrace", 12, seed -> {
            List<String> mutating = run(configure(seed, false), RbcAdversaries.mutating(MAX)).trace();
            assertEquals(mutating, run(configure(seed, false), RbcAdversaries.mutating(MAX)).trace());
            Config c = configure(seed, true);
            Set<Integer> sideA = Set.of(1, 2);
            byte[] m2 = {9};
            List<String> twoFaced = run(c, RbcAdversaries.equivocatingSender(TAG, c.sender(), c.payload(), m2, sideA)).trace();
            Config again = configure(seed, true);
            assertEquals(twoFaced, run(again, RbcAdversaries.equivocatingSender(TAG, again.sender(), again.payload(), m2, sideA)).trace());
            assertTrue(mutating.size() > 50, "trace of " + mutating.size() + " lines");
        });
    }
}
