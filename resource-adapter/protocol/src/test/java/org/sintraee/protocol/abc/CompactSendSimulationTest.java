package org.sintraee.protocol.abc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.abc.AbcHarness.Run;
import org.sintraee.protocol.abc.AbcHarness.Sched;
import org.sintraee.protocol.abc.AbcPuppets.Byz;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.sim.Contexts;
import org.sintraee.protocol.sim.Seeds;

/**
 * Compact C-SENDs (see package-info, "Dissemination"): proposals name batches by digest, a
 * receiver rebuilds the vector from the batches it holds and asks the proposer for the rest.
 * Every run also checks all of {@link AbcHarness}'s invariants (total order, agreement,
 * validity, integrity, fairness, termination, no honest server blamed).
 */
class CompactSendSimulationTest {
    private static final int SEEDS = 12;

    @Test
    void aBatchWithheldFromAllButOneServerIsFetchedFromTheProposersThatHoldIt() {
        int fetched = 0;
        int runs = 0;
        for (int n : new int[] {4, 7}) {
            List<ServerContext> ctxs = Contexts.mock(n, (n - 1) / 3);
            for (Sched s : Sched.values()) {
                int[] count = {0};
                Seeds.forEach(CompactSendSimulationTest.class, "withheld", SEEDS, seed -> {
                    Run r = AbcHarness.run(seed, ctxs, s, Byz.WITHHOLD_BATCH);
                    if (r.net().trace().stream().anyMatch(line -> line.contains("BATCH-ANSWER("))) {
                        count[0]++;
                    }
                });
                fetched += count[0];
                runs += SEEDS;
            }
        }
        System.out.printf("compact sends, withheld batches: %d of %d runs fetched a batch from a proposer%n", fetched, runs);
        assertTrue(fetched > runs / 2, "the fetch path ran in only " + fetched + " of " + runs + " runs");
    }

    @Test
    void lyingCompactProposalsAndTamperedAnswersChangeNothingForTheHonest() {
        List<org.sintraee.protocol.core.Fault> faults = AbcSimulationTest.cells(CompactSendSimulationTest.class,
                "lying", Byz.LYING_PROPOSER);
        assertTrue(AbcSimulationTest.any(faults, FaultKind.INVALID_PROOF),
                "a BATCH-ANSWER that does not match the digest its proposal named is caught");
    }

    @Test
    void proposalsGoOutCompactToServersThatKeepUp() {
        List<ServerContext> ctxs = Contexts.mock(4, 1);
        long[] compact = {0};
        long[] whole = {0};
        Seeds.forEach(CompactSendSimulationTest.class, "compactShare", SEEDS, seed -> {
            Run r = AbcHarness.run(seed, ctxs, Sched.RANDOM, Byz.SILENT);
            for (String line : r.net().trace()) {
                if (line.contains("COMPACT-SEND(")) {
                    compact[0]++;
                } else if (line.contains("C-SEND(")) {
                    whole[0]++;
                }
            }
        });
        System.out.printf("compact sends: %d compact, %d whole C-SEND trace lines%n", compact[0], whole[0]);
        // The random scheduler leaves servers rounds apart often; most proposals still go out compact.
        assertTrue(compact[0] > 2 * whole[0], compact[0] + " compact against " + whole[0] + " whole");
    }
}
