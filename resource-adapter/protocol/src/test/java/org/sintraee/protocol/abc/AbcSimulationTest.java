package org.sintraee.protocol.abc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.abc.AbcHarness.Run;
import org.sintraee.protocol.abc.AbcHarness.Sched;
import org.sintraee.protocol.abc.AbcPuppets.Byz;
import org.sintraee.protocol.core.Fault;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.sim.Contexts;
import org.sintraee.protocol.sim.Seeds;

/**
 * Atomic broadcast under asynchronous schedules and Byzantine servers (t maximal), 30 seeds
 * per (n, scheduler) cell, mock crypto. After every run (see {@link AbcHarness}): total order,
 * agreement, validity, integrity, fairness bound, termination, no honest server blamed.
 */
class AbcSimulationTest {
    static final int SEEDS = 30;

    static List<Fault> cells(Class<?> testClass, String method, Byz byz) {
        List<Fault> faults = new ArrayList<>();
        for (int n : new int[] {4, 7, 10}) {
            List<ServerContext> ctxs = Contexts.mock(n, (n - 1) / 3);
            for (Sched s : Sched.values()) {
                LongSummaryStatistics rounds = new LongSummaryStatistics();
                LongSummaryStatistics perRound = new LongSummaryStatistics();
                int[] fair = {0};
                Seeds.forEach(testClass, method, SEEDS, seed -> {
                    Run r = AbcHarness.run(seed, ctxs, s, byz);
                    rounds.accept(r.rounds());
                    perRound.accept(r.net().deliveries() / Math.max(1, r.rounds()) / n);
                    fair[0] += r.fairChecked();
                    r.net().honest().forEach(id -> faults.addAll(r.net().faults(id)));
                });
                System.out.printf("ABC n=%d %s %s: rounds mean %.2f max %d; messages/round/server mean %.0f max %d;"
                                + " fairness bounds checked %d; %d seeds%n", n, s, byz, rounds.getAverage(),
                        rounds.getMax(), perRound.getAverage(), perRound.getMax(), fair[0], rounds.getCount());
            }
        }
        return faults;
    }

    static boolean any(List<Fault> faults, FaultKind kind) {
        return faults.stream().anyMatch(f -> f.kind() == kind);
    }

    @Test
    void crashedServers() {
        cells(AbcSimulationTest.class, "crashedServers", Byz.SILENT);
    }

    @Test
    void equivocatingBatchesAndDuplicatedRequests() {
        assertTrue(any(cells(AbcSimulationTest.class, "equivocatingBatchesAndDuplicatedRequests", Byz.EQUIVOCATE), FaultKind.EQUIVOCATION),
                "a second, different batch for a round is caught");
    }

    @Test
    void sameSeedSameTrace() {
        List<ServerContext> ctxs = Contexts.mock(7, 2);
        Seeds.forEach(AbcSimulationTest.class, "sameSeedSameTrace", 3, seed -> {
            List<String> a = AbcHarness.run(seed, ctxs, Sched.PARTITIONED, Byz.EQUIVOCATE).net().trace();
            List<String> b = AbcHarness.run(seed, ctxs, Sched.PARTITIONED, Byz.EQUIVOCATE).net().trace();
            assertTrue(a.size() > 100, "a real run");
            assertEquals(a, b, "same seed, same trace");
            assertTrue(a.stream().noneMatch(l -> l.contains("[B@")), "no identity strings in traces");
        });
    }
}
