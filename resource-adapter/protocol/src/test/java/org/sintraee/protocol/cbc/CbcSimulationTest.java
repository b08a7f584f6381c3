package org.sintraee.protocol.cbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sintraee.protocol.cbc.CbcFixtures.MAX;
import static org.sintraee.protocol.cbc.CbcFixtures.TAG;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.quorum.Quorums;
import org.sintraee.protocol.sim.Adversaries;
import org.sintraee.protocol.sim.Adversary;
import org.sintraee.protocol.sim.Scheduler;
import org.sintraee.protocol.sim.Seeds;
import org.sintraee.protocol.sim.SimulationFailure;
import org.sintraee.protocol.sim.Twins;
import org.sintraee.protocol.sim.VirtualNet;

/**
 * Consistent broadcast on the virtual network, n in {4, 7, 10} with t maximal, 200 seeds per
 * configuration, mock signatures (fast; the adversaries sign only with faulty keys). The
 * scheduler is random, delaying or partitioned by seed. Failures print the replay command.
 */
class CbcSimulationTest {
    static final int SEEDS = 200;
    private static final int BUDGET = 200_000;

    /** A run's setup drawn from its seed: who is faulty, who sends, which scheduler. */
    record Setup(int n, int t, List<ServerContext> ctxs, int sender, Set<Integer> faulty, Scheduler scheduler,
                 SplittableRandom rnd) {
        static Setup draw(int n, long seed, List<ServerContext> ctxs, boolean senderFaulty) {
            int t = Quorums.optimal(n).t();
            SplittableRandom rnd = new SplittableRandom(seed * 7919 + n);
            int sender = rnd.nextInt(1, n + 1);
            Set<Integer> faulty = new TreeSet<>();
            if (senderFaulty) {
                faulty.add(sender);
            }
            while (faulty.size() < t) {
                int f = rnd.nextInt(1, n + 1);
                if (f != sender || senderFaulty) {
                    faulty.add(f);
                }
            }
            return new Setup(n, t, ctxs, sender, faulty, scheduler(n, faulty, rnd, seed), rnd);
        }

        private static Scheduler scheduler(int n, Set<Integer> faulty, SplittableRandom rnd, long seed) {
            return Scheduler.bySeed(seed, n, faulty, rnd, 5 * n);
        }

        Set<Integer> honest() {
            Set<Integer> h = new TreeSet<>();
            for (int id = 1; id <= n; id++) {
                if (!faulty.contains(id)) {
                    h.add(id);
                }
            }
            return h;
        }

        VirtualNet<CbcInput, CbcMessage, Delivered> net(long seed, Adversary<CbcMessage> adversary) {
            return VirtualNet.create(n, faulty, seed,
                    id -> new ConsistentBroadcast(ctxs.get(id - 1), TAG, sender, MAX), adversary, scheduler);
        }

        byte[] payload(String what) {
            byte[] p = new byte[rnd.nextInt(1, 64)];
            rnd.nextBytes(p);
            p[0] = (byte) what.hashCode();
            return p;
        }

        /** A random subset of {@code from} of size between min and max. */
        Set<Integer> subset(Set<Integer> from, int min, int max) {
            List<Integer> pool = new ArrayList<>(from);
            Set<Integer> out = new TreeSet<>();
            int size = rnd.nextInt(min, max + 1);
            while (out.size() < size) {
                out.add(pool.get(rnd.nextInt(pool.size())));
            }
            return out;
        }
    }

    static List<ServerContext> mock(int n) {
        return org.sintraee.protocol.sim.Contexts.mock(n, Quorums.optimal(n).t());
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 7, 10})
    void honestSenderWithSilentFaultyServersDeliversEverywhere(int n) {
        List<ServerContext> ctxs = mock(n);
        Seeds.forEach(getClass(), "honestSenderWithSilentFaultyServersDeliversEverywhere", SEEDS, seed -> {
            Setup s = Setup.draw(n, seed, ctxs, false);
            byte[] m = s.payload("m");
            VirtualNet<CbcInput, CbcMessage, Delivered> net = s.net(seed, Adversaries.silent());
            net.input(s.sender(), new CbcInput.Broadcast(m));
            net.runUntilQuiet(BUDGET);
            CbcInvariants.check(net, ctxs.get(0), TAG, m, List.of(m));
            for (int id : net.honest()) {
                assertTrue(net.faults(id).isEmpty(), "faults at " + id + ": " + net.faults(id));
                assertEquals(1, net.durable(id).stream().filter(r -> r.what().equals("c-echo")).count());
            }
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 7, 10})
    void aSilentSenderDeliversNothingAndBlamesNobody(int n) {
        List<ServerContext> ctxs = mock(n);
        Seeds.forEach(getClass(), "aSilentSenderDeliversNothingAndBlamesNobody", SEEDS, seed -> {
            Setup s = Setup.draw(n, seed, ctxs, true);
            VirtualNet<CbcInput, CbcMessage, Delivered> net = s.net(seed, Adversaries.silent());
            assertEquals(0, net.runUntilQuiet(BUDGET));
            for (int id : net.honest()) {
                assertTrue(net.outputs(id).isEmpty() && net.faults(id).isEmpty());
            }
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 7, 10})
    void anEquivocatingSenderCannotSplitTheHonestServers(int n) {
        List<ServerContext> ctxs = mock(n);
        int[] certified = new int[2];
        int[] blamed = new int[FaultKind.values().length];
        Seeds.forEach(getClass(), "anEquivocatingSenderCannotSplitTheHonestServers", SEEDS, seed -> {
            Setup s = Setup.draw(n, seed, ctxs, true);
            byte[] a = s.payload("a");
            byte[] b = s.payload("b");
            Set<Integer> halfA = s.subset(s.honest(), 0, s.honest().size());
            var adversary = new CbcAdversaries.EquivocatingSender(ctxs, TAG, s.sender(), a, b, halfA,
                    s.rnd().nextBoolean(), s.rnd().nextBoolean()).lying(s.rnd().nextBoolean());
            VirtualNet<CbcInput, CbcMessage, Delivered> net = s.net(seed, adversary);
            net.runUntilQuiet(BUDGET);
            if (adversary.certificates() > 1) {
                throw new SimulationFailure("seed " + seed + ": two certificates formed");
            }
            certified[adversary.certificates()]++;
            CbcInvariants.check(net, ctxs.get(0), TAG, null, List.of(a, b));
            if (adversary.certificates() == 1) {
                // the final went to all and the sender answers requests: everyone delivers
                CbcInvariants.allDelivered(net);
            }
            net.honest().forEach(id -> net.faults(id).forEach(f -> blamed[f.kind().ordinal()]++));
        });
        assertTrue(blamed[FaultKind.EQUIVOCATION.ordinal()] > 0, "double C-SENDs were seen");
        assertTrue(blamed[FaultKind.INVALID_PROOF.ordinal()] > 0, "lying C-ANSWERs were caught by the hash");
        // With n = 4 one half of the 3 honest servers always completes a quorum; from n = 7 on
        // a balanced split leaves both digests short.
        assertTrue(certified[1] > 0 && (n == 4 || certified[0] > 0),
                "outcomes exercised: none " + certified[0] + ", one " + certified[1]);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 7, 10})
    void serversWithoutTheFinalDeliverAfterAdoptingAPeersProof(int n) {
        List<ServerContext> ctxs = mock(n);
        Seeds.forEach(getClass(), "serversWithoutTheFinalDeliverAfterAdoptingAPeersProof", SEEDS, seed -> {
            Setup s = Setup.draw(n, seed, ctxs, true);
            Quorums q = ctxs.get(0).quorums();
            byte[] m = s.payload("m");
            Set<Integer> honest = s.honest();
            Set<Integer> sendTo = s.subset(honest, q.echoQuorum() - s.t(), honest.size());
            Set<Integer> finalTo = s.subset(honest, 1, honest.size() - 1);
            VirtualNet<CbcInput, CbcMessage, Delivered> net = s.net(seed,
                    new CbcAdversaries.PartialFinalSender(ctxs, TAG, s.sender(), m, sendTo, finalTo));
            net.runUntilQuiet(BUDGET);
            CbcInvariants.check(net, ctxs.get(0), TAG, null, List.of(m));
            CbcProof proof = null;
            for (int id : honest) {
                boolean got = !net.outputs(id).isEmpty();
                assertEquals(finalTo.contains(id), got, "server " + id + " delivers iff it got the final");
                if (got) {
                    proof = net.outputs(id).get(0).proof();
                }
            }
            // No totality: the others learn the proof elsewhere (here: from a peer) and adopt it.
            for (int id : honest) {
                if (net.outputs(id).isEmpty()) {
                    net.input(id, new CbcInput.Adopt(proof));
                }
            }
            net.runUntilQuiet(BUDGET);
            CbcInvariants.check(net, ctxs.get(0), TAG, null, List.of(m));
            CbcInvariants.allDelivered(net);
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 7, 10})
    void garbageFromFaultyServersIsBlamedOnThemAndChangesNothing(int n) {
        List<ServerContext> ctxs = mock(n);
        int[] blamed = new int[FaultKind.values().length];
        Seeds.forEach(getClass(), "garbageFromFaultyServersIsBlamedOnThemAndChangesNothing", SEEDS, seed -> {
            Setup s = Setup.draw(n, seed, ctxs, false);
            byte[] m = s.payload("m");
            VirtualNet<CbcInput, CbcMessage, Delivered> net = s.net(seed, new CbcAdversaries.Garbage(ctxs, TAG, MAX));
            net.input(s.sender(), new CbcInput.Broadcast(m));
            net.runUntilQuiet(BUDGET);
            CbcInvariants.check(net, ctxs.get(0), TAG, m, List.of(m));
            net.honest().forEach(id -> net.faults(id).forEach(f -> blamed[f.kind().ordinal()]++));
        });
        for (FaultKind k : List.of(FaultKind.MALFORMED, FaultKind.INVALID_PROOF, FaultKind.UNEXPECTED)) {
            assertTrue(blamed[k.ordinal()] > 0, "garbage produced " + k + " faults");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 7, 10})
    void faultySignersThatNeverAnswerDoNotStopRetrieval(int n) {
        List<ServerContext> ctxs = mock(n);
        int[] requested = {0};
        Seeds.forEach(getClass(), "faultySignersThatNeverAnswerDoNotStopRetrieval", SEEDS, seed -> {
            Setup s = Setup.draw(n, seed, ctxs, false);
            byte[] m = s.payload("m");
            VirtualNet<CbcInput, CbcMessage, Delivered> net = s.net(seed,
                    CbcAdversaries.echoButNeverAnswer(ctxs, TAG, s.sender()));
            net.input(s.sender(), new CbcInput.Broadcast(m));
            net.runUntilQuiet(BUDGET);
            CbcInvariants.check(net, ctxs.get(0), TAG, m, List.of(m));
            if (net.trace().stream().anyMatch(l -> l.contains("C-REQUEST"))) {
                requested[0]++;
            }
        });
        assertTrue(requested[0] > 0, "some runs delivered the final before the payload");
    }

    /**
     * Twins: the faulty sender is two real instances broadcasting different payloads, each
     * heard by its own half of the honest servers; the other faulty servers are twins of each
     * world too, echoing (signing) for their world's sender. At most one certificate forms.
     */
    @ParameterizedTest
    @ValueSource(ints = {4, 7, 10})
    void twinSendersCannotSplitTheHonestServers(int n) {
        List<ServerContext> ctxs = mock(n);
        int[] delivered = {0};
        Seeds.forEach(getClass(), "twinSendersCannotSplitTheHonestServers", SEEDS, seed -> {
            Setup s = Setup.draw(n, seed, ctxs, true);
            byte[] a = s.payload("a");
            byte[] b = s.payload("b");
            VirtualNet<CbcInput, CbcMessage, Delivered> net = s.net(seed, twins(s, ctxs, a, b));
            net.runUntilQuiet(BUDGET);
            CbcInvariants.check(net, ctxs.get(0), TAG, null, List.of(a, b));
            delivered[0] += net.honest().stream().anyMatch(id -> !net.outputs(id).isEmpty()) ? 1 : 0;
        });
        assertTrue(delivered[0] > 0, "some twin runs deliver (one payload only)");
    }

    static Adversary<CbcMessage> twins(Setup s, List<ServerContext> ctxs, byte[] a, byte[] b) {
        List<Set<Integer>> halves = Twins.halves(s.n(), s.faulty(), s.rnd());
        List<Twins.Twin<CbcInput, CbcMessage>> twins = new ArrayList<>();
        for (int world = 0; world < 2; world++) {
            for (int f : s.faulty()) {
                CbcInput input = f == s.sender() ? new CbcInput.Broadcast(world == 0 ? a : b) : null;
                twins.add(new Twins.Twin<>(f, world, new ConsistentBroadcast(ctxs.get(f - 1), TAG, s.sender(), MAX),
                        input, halves.get(world)));
            }
        }
        return new Twins<>(twins);
    }

    /** Replay from another instance (another tag, same payload) and of the sender's messages as one's own. */
    @ParameterizedTest
    @ValueSource(ints = {4, 7, 10})
    void messagesReplayedFromAnotherInstanceDoNotCount(int n) {
        List<ServerContext> ctxs = mock(n);
        int[] blamed = new int[FaultKind.values().length];
        Seeds.forEach(getClass(), "messagesReplayedFromAnotherInstanceDoNotCount", SEEDS, seed -> {
            Setup s = Setup.draw(n, seed, ctxs, false);
            byte[] m = s.payload("m");
            VirtualNet<CbcInput, CbcMessage, Delivered> net = s.net(seed,
                    CbcAdversaries.replayingAnotherInstance(ctxs, TAG.child("other"), s.sender(), m));
            net.input(s.sender(), new CbcInput.Broadcast(m));
            net.runUntilQuiet(BUDGET);
            CbcInvariants.check(net, ctxs.get(0), TAG, m, List.of(m));
            net.honest().forEach(id -> net.faults(id).forEach(f -> blamed[f.kind().ordinal()]++));
        });
        assertTrue(blamed[FaultKind.INVALID_PROOF.ordinal()] > 0, "other-tag echoes and finals are caught");
        assertTrue(blamed[FaultKind.UNEXPECTED.ordinal()] > 0, "C-SENDs replayed by non-senders are caught");
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 7})
    void theSameSeedReplaysTheSameTrace(int n) {
        List<ServerContext> ctxs = mock(n);
        Seeds.forEach(getClass(), "theSameSeedReplaysTheSameTrace", 10, seed -> {
            List<List<String>> traces = new ArrayList<>();
            for (int run = 0; run < 2; run++) {
                Setup s = Setup.draw(n, seed, ctxs, false);
                byte[] m = s.payload("m");
                VirtualNet<CbcInput, CbcMessage, Delivered> net = s.net(seed, new CbcAdversaries.Garbage(ctxs, TAG, MAX));
                net.input(s.sender(), new CbcInput.Broadcast(m));
                net.runUntilQuiet(BUDGET);
                traces.add(net.trace());
            }
            assertEquals(traces.get(0), traces.get(1), "seed " + seed);
            assertTrue(traces.get(0).stream().noneMatch(l -> l.contains("[B@")), "identity strings in the trace");
        });
    }
}
