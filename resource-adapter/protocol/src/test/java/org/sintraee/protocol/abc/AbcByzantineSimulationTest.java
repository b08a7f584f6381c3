package org.sintraee.protocol.abc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.abc.AbcHarness.Sched;
import org.sintraee.protocol.abc.AbcPuppets.Byz;
import org.sintraee.protocol.core.Fault;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.sim.Contexts;
import org.sintraee.protocol.sim.Seeds;

/** Atomic broadcast against bad batches, floods and withheld coin shares (split off to keep each class short). */
class AbcByzantineSimulationTest {
    @Test
    void badSignaturesMalformedBatchesAndFloods() {
        List<Fault> faults = AbcSimulationTest.cells(AbcByzantineSimulationTest.class, "badSignaturesMalformedBatchesAndFloods", Byz.BAD_BATCHES);
        assertTrue(AbcSimulationTest.any(faults, FaultKind.INVALID_PROOF), "bad batch signatures are caught");
        assertTrue(AbcSimulationTest.any(faults, FaultKind.MALFORMED), "malformed batches are caught");
        assertTrue(AbcSimulationTest.any(faults, FaultKind.FLOODING), "floods of future-round messages are caught");
    }

    @Test
    void withheldCoinShares() {
        AbcSimulationTest.cells(AbcByzantineSimulationTest.class, "withheldCoinShares", Byz.WITHHOLD_COIN);
    }

    @Test
    void realCryptography() {
        List<ServerContext> ctxs = Contexts.real(4, 1, 42);
        Seeds.forEach(AbcByzantineSimulationTest.class, "realCryptography", 3, seed ->
                AbcHarness.run(seed, ctxs, seed % 2 == 0 ? Sched.RANDOM : Sched.PARTITIONED,
                        seed % 2 == 0 ? Byz.EQUIVOCATE : Byz.BAD_BATCHES));
    }
}
