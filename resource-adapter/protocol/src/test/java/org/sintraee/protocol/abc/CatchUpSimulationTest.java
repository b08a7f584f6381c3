package org.sintraee.protocol.abc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.abc.CatchUpHarness.Sim;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.Fault;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.sim.Contexts;
import org.sintraee.protocol.sim.Invariants;
import org.sintraee.protocol.sim.Seeds;

/**
 * Catch-up in simulation (mock crypto, seeded; a failing seed prints its replay command):
 * a server cut off for more than {@code ROUND_WINDOW} rounds rejoins by adopting proofs an
 * honest peer persisted, and a crashed server resumed with {@link AtomicBroadcast#resume}
 * stays silent in the rounds it may have spoken in, catches up, and participates again.
 */
class CatchUpSimulationTest {
    static final int MAX = 2_000_000;

    @Test
    void cutOffServerRejoinsByAdoptingProofs() {
        for (int n : new int[] {4, 7}) {
            List<ServerContext> ctxs = Contexts.mock(n, (n - 1) / 3);
            Seeds.forEach(CatchUpSimulationTest.class, "cutOffServerRejoinsByAdoptingProofs", n == 4 ? 10 : 3, seed -> {
                Sim s = new Sim(seed, ctxs);
                int x = n;
                List<Bytes> requests = new ArrayList<>();
                s.cut.cut.add(x);
                for (int k = 0; k <= AtomicBroadcast.ROUND_WINDOW + 3; k++) { // one round per request
                    requests.add(CatchUpHarness.request(seed, k));
                    s.submit(1 + k % (n - 1), requests.get(k));
                    s.drive(MAX);
                }
                long ahead = s.abc(1).round();
                check(s, s.abc(x).round() == 0 && ahead > AtomicBroadcast.ROUND_WINDOW + 1,
                        "server " + x + " in round " + s.abc(x).round() + " while the others reached " + ahead);

                s.cut.cut.clear(); // its backlog arrives: rounds beyond its window are dropped, but they are evidence
                s.drive(MAX);
                check(s, s.abc(x).round() == s.abc(1).round() && s.adoptedOnEvidence > 0,
                        "server " + x + " caught up to round " + s.abc(x).round() + " of " + s.abc(1).round()
                                + " (adopted on evidence " + s.adoptedOnEvidence + ")");

                // It participates: with server 1 cut off, no quorum forms without it.
                s.cut.cut.add(1);
                long rejoined = s.abc(x).round();
                int before = s.net.outputs(2).size();
                for (int id : new int[] {x, 2}) {
                    requests.add(CatchUpHarness.request(seed, requests.size()));
                    s.submit(id, requests.get(requests.size() - 1));
                }
                s.drive(MAX);
                check(s, s.net.outputs(2).size() == before + 2 && s.net.outputs(x).size() == s.net.outputs(2).size(),
                        "with server 1 cut off, servers 2 and " + x + " delivered " + s.net.outputs(2).size() + " and "
                                + s.net.outputs(x).size() + ", expected " + (before + 2));
                check(s, s.node(x).journaled.stream().anyMatch(r -> r.what().startsWith("batch/")
                                && AbcRecords.roundOf(s.tag, r).getAsLong() >= rejoined),
                        "server " + x + " sent no batch after rejoining");
                s.cut.cut.clear();
                s.drive(MAX);
                checkRun(s, requests);
                System.out.printf("catch-up n=%d seed %d: server %d cut off for %d rounds, adopted %d proofs on evidence,"
                        + " %d on poll; %d rounds, %d deliveries%n", n, seed, x, ahead, s.adoptedOnEvidence,
                        s.adoptedOnPoll, s.abc(1).round(), s.net.deliveries());
            });
        }
    }

    @Test
    void resumedServerStaysSilentThenCatchesUp() {
        List<ServerContext> ctxs = Contexts.mock(4, 1);
        Seeds.forEach(CatchUpSimulationTest.class, "resumedServerStaysSilentThenCatchesUp", 20, seed -> {
            Sim s = new Sim(seed, ctxs);
            SplittableRandom rnd = new SplittableRandom(seed);
            int x = 4;
            List<Bytes> requests = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                requests.add(CatchUpHarness.request(seed, k));
                s.submit(1 + rnd.nextInt(4), requests.get(k));
                s.drive(MAX);
            }
            // x batches a request of its own, speaks for a while, and crashes mid-round.
            requests.add(CatchUpHarness.request(seed, requests.size()));
            s.submit(x, requests.get(requests.size() - 1));
            for (int i = rnd.nextInt(200); i > 0 && s.net.crank(); i--) {
                s.persist();
            }
            long round = s.abc(x).round();
            long nextSeq = s.abc(x).deliveredCount();
            List<Bytes> digests = s.net.outputs(x).stream().map(d -> AbcRecords.requestDigest(d.request())).toList();
            List<DurableRecord> journal = List.copyOf(s.net.durable(x));
            s.node(x).crash();

            for (int k = 0; k < 4; k++) { // the others go on without it
                requests.add(CatchUpHarness.request(seed, requests.size()));
                s.submit(1 + k % 3, requests.get(requests.size() - 1));
                s.drive(MAX);
            }
            long silent = AbcRecords.lastRoundOf(s.tag, journal);
            // Usually the crash round; one earlier if x had just entered a round it had not spoken in yet.
            check(s, silent >= 0 && silent <= round, "journal ends in round " + silent + ", crash round " + round);
            s.restart(x, round, nextSeq, digests, silent);
            // Clients retry with x while it is silent (its queue died with it: the request it batched, and a new
            // one), and new load shows x how far the others are.
            s.submit(x, requests.get(3));
            requests.add(CatchUpHarness.request(seed, requests.size()));
            s.submit(x, requests.get(requests.size() - 1));
            requests.add(CatchUpHarness.request(seed, requests.size()));
            s.submit(1, requests.get(requests.size() - 1));
            s.drive(MAX);

            for (AbcMessage m : s.node(x).sent) {
                check(s, m.round() > silent, "resumed server " + x + " sent " + m + " in silent round " + m.round());
            }
            for (DurableRecord r : s.node(x).journaled) {
                check(s, AbcRecords.roundOf(s.tag, r).getAsLong() > silent,
                        "resumed server " + x + " journaled " + r.tag() + " " + r.what() + " through silent round " + silent);
            }
            check(s, s.node(x).journaled.stream().anyMatch(r -> r.what().startsWith("batch/")),
                    "resumed server " + x + " never participated again");
            checkRun(s, requests);
            System.out.printf("resume seed %d: crashed in round %d, journal through %d, %d messages before; adopted %d"
                    + " proofs (%d on poll); %d rounds%n", seed, round, silent, journal.size(), s.adoptedOnEvidence,
                    s.adoptedOnPoll, s.abc(1).round());
        });
    }

    /** Agreement, total order without gaps, integrity, validity; nobody blamed, no equivocation seen. */
    static void checkRun(Sim s, List<Bytes> requests) {
        Invariants.noHonestBlamed(s.net);
        List<AbcDelivery> first = s.net.outputs(1);
        for (int id : s.net.honest()) {
            check(s, s.net.outputs(id).equals(first), "server " + id + " delivered " + s.net.outputs(id).size()
                    + " requests, server 1 " + first.size() + ": " + s.net.outputs(id) + " vs " + first);
            for (Fault f : s.net.faults(id)) {
                check(s, f.kind() != FaultKind.EQUIVOCATION, "equivocation seen by " + id + ": " + f);
            }
        }
        Set<Bytes> seen = new HashSet<>();
        for (int i = 0; i < first.size(); i++) {
            check(s, first.get(i).seq() == i, "seq " + first.get(i).seq() + " at place " + i);
            check(s, seen.add(first.get(i).request()), "delivered twice: " + first.get(i));
        }
        check(s, seen.equals(new HashSet<>(requests)), "delivered " + seen.size() + " of " + requests.size() + " requests");
    }

    static void check(Sim s, boolean ok, String what) {
        if (!ok) {
            throw s.fail(what);
        }
    }
}
