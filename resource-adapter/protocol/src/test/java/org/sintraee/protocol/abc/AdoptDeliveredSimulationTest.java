package org.sintraee.protocol.abc;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.abc.StateTransferHarness.Sim;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.sim.Contexts;
import org.sintraee.protocol.sim.Seeds;

/**
 * State transfer in simulation (mock crypto, seeded; a failing seed prints its replay command):
 * a server cut off while the others decide more than {@code ROUND_WINDOW} rounds takes those
 * rounds from a peer's deliveries ({@link AtomicBroadcast#adoptDelivered}), alone or mixed with
 * adopted proofs, while still cut off or with its backlog arriving meanwhile; it delivers exactly
 * what the others delivered (seq, round, bytes), and then decides new rounds with them, being
 * needed for a quorum.
 */
class AdoptDeliveredSimulationTest {
    static final int MAX = 2_000_000;

    @Test
    void cutOffServerTakesRoundsFromDeliveries() {
        run("cutOffServerTakesRoundsFromDeliveries", 0.0);
    }

    @Test
    void roundsByProofAndByDeliveriesMix() {
        run("roundsByProofAndByDeliveriesMix", 0.5);
    }

    private static void run(String method, double proofShare) {
        for (int n : new int[] {4, 7}) {
            int t = (n - 1) / 3;
            List<ServerContext> ctxs = Contexts.mock(n, t);
            Seeds.forEach(AdoptDeliveredSimulationTest.class, method, n == 4 ? 10 : 3, seed -> {
                Sim s = new Sim(seed, ctxs);
                SplittableRandom rnd = new SplittableRandom(seed ^ 0x7a5f3L);
                int x = n;
                List<Bytes> requests = new ArrayList<>();
                s.cut.cut.add(x);
                while (s.abc(1).round() <= AtomicBroadcast.ROUND_WINDOW + 2) {
                    // Mostly one request for one round; now and then one at each other server (several in a round).
                    int servers = rnd.nextInt(3) == 0 ? n - 1 : 1;
                    for (int id = 1; id <= servers; id++) {
                        requests.add(CatchUpHarness.request(seed, requests.size()));
                        s.submit(id, requests.get(requests.size() - 1));
                    }
                    s.drive(MAX);
                }
                long ahead = s.abc(1).round();
                s.check(s.abc(x).round() == 0, "server " + x + " in round " + s.abc(x).round() + " while cut off");

                boolean backlog = rnd.nextBoolean(); // its old messages arrive during the transfer: dropped or buffered
                if (backlog) {
                    s.cut.cut.clear();
                }
                for (int id = 1; id < n; id++) { // and the others go on meanwhile
                    if (rnd.nextBoolean()) {
                        requests.add(CatchUpHarness.request(seed, requests.size()));
                        s.submit(id, requests.get(requests.size() - 1));
                    }
                }
                s.transfer(x, 1, proofShare, 40, rnd);
                long took = s.abc(x).round();
                s.cut.cut.clear();
                s.drive(MAX);
                s.check(s.abc(x).round() == s.abc(1).round() && s.net.outputs(x).equals(s.net.outputs(1)),
                        "server " + x + " in round " + s.abc(x).round() + " of " + s.abc(1).round() + ", delivered "
                                + s.net.outputs(x) + " vs " + s.net.outputs(1));
                s.check(s.byDeliveries > 0 && (proofShare == 0 ? s.byProof == 0 : s.byProof > 0),
                        "rounds taken: " + s.byDeliveries + " by deliveries, " + s.byProof + " by proof");
                if (!backlog) { // cut off, nothing else moved it: every round came from the transfer
                    s.check(s.byDeliveries + s.byProof == took && s.node(x).transferred.size() == s.byDeliveries
                                    && s.node(x).transferred.stream().allMatch(r -> r < took),
                            "server " + x + " took " + s.node(x).transferred + " by deliveries and " + s.byProof
                                    + " by proof, of " + took);
                }

                // Liveness after the jump: with servers 1..t cut off, no quorum forms without x.
                for (int id = 1; id <= t; id++) {
                    s.cut.cut.add(id);
                }
                long rejoined = s.abc(x).round();
                int before = s.net.outputs(x).size();
                for (int id : new int[] {x, t + 1}) {
                    requests.add(CatchUpHarness.request(seed, requests.size()));
                    s.submit(id, requests.get(requests.size() - 1));
                }
                s.drive(MAX);
                s.check(s.net.outputs(t + 1).size() == before + 2 && s.net.outputs(x).equals(s.net.outputs(t + 1)),
                        "with servers 1.." + t + " cut off, servers " + (t + 1) + " and " + x + " delivered "
                                + s.net.outputs(t + 1).size() + " and " + s.net.outputs(x).size() + ", expected "
                                + (before + 2));
                s.check(s.net.durable(x).stream().anyMatch(r -> r.what().startsWith("batch/")
                                && AbcRecords.roundOf(s.tag, r).getAsLong() >= rejoined),
                        "server " + x + " sent no batch after the transfer");
                s.cut.cut.clear();
                s.drive(MAX);
                s.checkRun(requests);
                System.out.printf("transfer n=%d seed %d: server %d behind by %d rounds (backlog %b), transferred to"
                        + " round %d: %d rounds by deliveries, %d by proof; %d rounds, %d deliveries%n", n, seed, x,
                        ahead, backlog, took, s.byDeliveries, s.byProof, s.abc(1).round(), s.net.outputs(1).size());
            });
        }
    }
}
