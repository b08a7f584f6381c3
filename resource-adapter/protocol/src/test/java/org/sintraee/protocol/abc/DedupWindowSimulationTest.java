package org.sintraee.protocol.abc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.abc.DedupHarness.Rebatcher;
import org.sintraee.protocol.abc.DedupHarness.Recorded;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.sim.Contexts;
import org.sintraee.protocol.sim.Invariants;
import org.sintraee.protocol.sim.Scheduler;
import org.sintraee.protocol.sim.Seeds;
import org.sintraee.protocol.sim.SimulationFailure;
import org.sintraee.protocol.sim.VirtualNet;

/**
 * Atomic broadcast with a dedup window of 8 (n = 4, server 4 corrupted and re-batching a
 * request x of the test's choosing), per seed: (a) x submitted again to every honest server,
 * and re-batched by server 4, while in the window: not delivered again; (b) x submitted again
 * after more than 8 later deliveries: delivered again, at the same seq everywhere; (c) server 4
 * re-batching x once evicted again: identical sequences everywhere; and in every run each honest
 * server's deliveries are exactly the reference window-dedup of its decided vectors; (d) servers
 * resumed from two mid-run points (with only the last 8 digests, and with the whole log) and fed
 * the later rounds' proofs deliver exactly what the server that ran through delivered.
 */
class DedupWindowSimulationTest {
    static final int WINDOW = 8;
    static final int SEEDS = 16;
    static final int MAX_DELIVERIES = 2_000_000;
    static final List<ServerContext> CTXS = Contexts.mock(4, 1);

    /** One run's net and how it went. */
    private static final class Run {
        final List<ServerContext> ctxs = CTXS;
        final Tag tag;
        final Rebatcher byz;
        final VirtualNet<AbcInput, AbcMessage, AbcDelivery> net;
        final SplittableRandom rnd;
        int fresh;

        Run(long seed) {
            tag = Tag.of("sim", "dedup").child(seed);
            byz = new Rebatcher(ctxs.get(3), tag, 4);
            net = VirtualNet.create(4, Set.of(4), seed, id -> new Recorded(AtomicBroadcast.withDedupWindow(WINDOW,
                            ctxs.get(id - 1), tag, DedupHarness.BATCH, DedupHarness.MAX_REQUEST, 10_000, 0, 0, List.of(), -1)),
                    byz, seed % 2 == 0 ? Scheduler.random() : Scheduler.delaying(Set.of(3)));
            rnd = new SplittableRandom(seed ^ 0xdeda1L);
        }

        Bytes request(int k) {
            return Bytes.of(("request " + net.seed() + "/" + k).getBytes(StandardCharsets.UTF_8));
        }

        /** {@code count} new requests, each to one or two random honest servers, then quiet. */
        void load(int count) {
            for (int i = 0; i < count; i++) {
                Bytes r = request(++fresh);
                int first = 1 + rnd.nextInt(3);
                net.input(first, new AbcInput.Submit(r));
                if (rnd.nextBoolean()) {
                    net.input(1 + first % 3, new AbcInput.Submit(r));
                }
                for (int c = rnd.nextInt(40); c > 0 && net.crank(); c--) {
                    // deliveries between submissions
                }
            }
            net.runUntilQuiet(MAX_DELIVERIES);
        }

        List<Long> seqsOf(int id, Bytes request) {
            return net.outputs(id).stream().filter(d -> d.request().equals(request)).map(AbcDelivery::seq).toList();
        }

        /** How many decided rounds of server 1 from round {@code from} on hold {@code request} in their vector. */
        long decidedWith(long from, Bytes request) {
            return DedupHarness.node(net, 1).decided.tailMap(from).values().stream()
                    .filter(p -> DedupHarness.requestsOf(p, 4).contains(request)).count();
        }

        SimulationFailure fail(String what) {
            return new SimulationFailure("seed " + net.seed() + ": " + what);
        }

        void check(boolean ok, String what) {
            if (!ok) {
                throw fail(what);
            }
        }
    }

    /** A server 1 restarted at a quiescent point: its round, seq and delivered digests then. */
    private record Snapshot(long round, int nextSeq, List<Bytes> digests) {
        static Snapshot of(Run run) {
            Recorded one = DedupHarness.node(run.net, 1);
            List<Bytes> digests = run.net.outputs(1).stream().map(d -> AbcRecords.requestDigest(d.request())).toList();
            return new Snapshot(one.abc.round(), digests.size(), digests);
        }

        /** Resumes with the given digests and adopts server 1's later proofs; its deliveries must be server 1's. */
        void replay(Run run, List<Bytes> given, String which) {
            AtomicBroadcast r = AtomicBroadcast.withDedupWindow(WINDOW, run.ctxs.get(0), run.tag, DedupHarness.BATCH,
                    DedupHarness.MAX_REQUEST, 10_000, round, nextSeq, given, -1);
            List<AbcDelivery> out = new ArrayList<>();
            for (RoundProof p : DedupHarness.node(run.net, 1).decided.tailMap(round).values()) {
                var step = r.adopt(1, p);
                run.check(step.faults().isEmpty(), which + ": adopting round " + p.round() + ": " + step.faults());
                out.addAll(step.outputs());
            }
            List<AbcDelivery> ran = run.net.outputs(1);
            run.check(out.equals(ran.subList(nextSeq, ran.size())), which + " resumed at seq " + nextSeq
                    + " delivered " + out + ", the server that ran through " + ran.subList(nextSeq, ran.size()));
        }

        void replayBoth(Run run, String at) {
            replay(run, digests.subList(Math.max(0, digests.size() - WINDOW), digests.size()), at + ", last window");
            replay(run, digests, at + ", whole log");
        }
    }

    @Test
    void theWindowDecidesAlikeEverywhere() {
        int[] rebatchedInWindow = {0};
        int[] rebatchedEvicted = {0};
        Seeds.forEach(DedupWindowSimulationTest.class, "theWindowDecidesAlikeEverywhere", SEEDS, seed -> {
            Run run = new Run(seed);
            Bytes x = run.request(0);
            run.net.input(1, new AbcInput.Submit(x));
            run.net.input(2, new AbcInput.Submit(x));
            run.net.runUntilQuiet(MAX_DELIVERIES);
            long x0 = run.seqsOf(1, x).get(0);
            Snapshot early = Snapshot.of(run);
            long roundA = early.round();

            // (a) x while in the window: refused by every honest server; server 4's batch with it is not delivered again.
            for (int h : run.net.honest()) {
                run.net.input(h, new AbcInput.Submit(x));
                run.check(DedupHarness.node(run.net, h).abc.queued() == 0, "server " + h + " queued x again");
            }
            run.byz.rebatch(x);
            run.load(2);
            for (int h : run.net.honest()) {
                run.check(run.seqsOf(h, x).equals(List.of(x0)), "(a) server " + h + " delivered x at " + run.seqsOf(h, x));
            }
            rebatchedInWindow[0] += run.decidedWith(roundA, x) > 0 ? 1 : 0;

            // (b) after more than WINDOW later deliveries x is new again: delivered once more, at one seq everywhere.
            run.load(WINDOW + 1);
            Snapshot late = Snapshot.of(run);
            run.check(late.nextSeq() - x0 > WINDOW, "only " + late.nextSeq() + " deliveries");
            run.net.input(2, new AbcInput.Submit(x));
            run.check(DedupHarness.node(run.net, 2).abc.queued() == 1, "(b) server 2 refused x after its eviction");
            run.net.input(3, new AbcInput.Submit(x));
            run.net.runUntilQuiet(MAX_DELIVERIES);
            List<Long> again = run.seqsOf(1, x);
            run.check(again.size() == 2 && again.get(1) >= late.nextSeq(), "(b) x delivered at " + again);
            for (int h : run.net.honest()) {
                run.check(run.seqsOf(h, x).equals(again), "(b) server " + h + " delivered x at " + run.seqsOf(h, x));
            }

            // (c) server 4 re-batches x once it left the window again: delivered or not, the same everywhere.
            run.load(WINDOW + 1);
            long roundC = DedupHarness.node(run.net, 1).abc.round();
            run.byz.rebatch(x);
            run.load(1);
            if (run.decidedWith(roundC, x) > 0) {
                rebatchedEvicted[0]++;
                run.check(run.seqsOf(1, x).size() == 3, "(c) an evicted x in a decided vector was not delivered");
            }

            checkRun(run);
            // (d) restarted servers take the same dedup decisions as the one that ran through.
            early.replayBoth(run, "after x's first delivery");
            late.replayBoth(run, "after x left the window");
        });
        System.out.printf("dedup window %d: server 4's batch with x decided while x was in the window in %d of %d seeds,"
                + " after its eviction in %d%n", WINDOW, rebatchedInWindow[0], SEEDS, rebatchedEvicted[0]);
        assertTrue(rebatchedInWindow[0] > 0, "some seed got the in-window re-batch into a decided vector");
        assertTrue(rebatchedEvicted[0] > 0, "some seed got the evicted re-batch into a decided vector");
    }

    /** Identical sequences, seqs without gaps, the reference dedup of the decided vectors, no repeat within the window. */
    private static void checkRun(Run run) {
        Invariants.noHonestBlamed(run.net);
        List<AbcDelivery> first = run.net.outputs(1);
        for (int h : run.net.honest()) {
            Recorded node = DedupHarness.node(run.net, h);
            List<AbcDelivery> out = run.net.outputs(h);
            run.check(out.equals(first), "server " + h + " delivered " + out + ", server 1 " + first);
            run.check(node.abc.queued() == 0, "server " + h + " still queues " + node.abc.queued());
            List<AbcDelivery> expected = DedupHarness.reference(node.decided, 4, WINDOW);
            run.check(out.equals(expected), "server " + h + " delivered " + out + ", reference " + expected);
        }
        for (int i = 0; i < first.size(); i++) {
            run.check(first.get(i).seq() == i, "seq " + first.get(i).seq() + " at place " + i);
            for (int j = Math.max(0, i - WINDOW); j < i; j++) {
                run.check(!first.get(j).request().equals(first.get(i).request()), "seqs " + j + " and " + i + " repeat");
            }
        }
    }
}
