package org.sintraee.protocol.scabc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.quorum.Quorums;
import org.sintraee.protocol.scabc.ScabcFixtures.Crypto;
import org.sintraee.protocol.scabc.ScabcStackHarness.Run;
import org.sintraee.protocol.scabc.ScabcStackHarness.Sched;
import org.sintraee.protocol.scabc.ScabcStackPuppets.Mode;
import org.sintraee.protocol.sim.Contexts;
import org.sintraee.protocol.sim.Seeds;

/**
 * The whole SC-ABC stack with real cryptography: Ed25519 signatures and the CKS00 coin
 * ({@link Contexts#real}) and TDH2 over secp256k1 freshly dealt per seed, 10 seeds at n = 4
 * and n = 7. The scheduler and the Byzantine strategy rotate by seed; front-running splices
 * keep the honest TDH2 part (u, ū, e, f) with another AES-GCM payload, which the payload hash
 * inside e must make invalid. Same invariants as {@link ScabcStackSimulationTest}.
 */
class ScabcStackRealCryptoTest {
    static final int SEEDS = 10;

    @ParameterizedTest
    @ValueSource(ints = {4, 7})
    void wholeStackWithRealCrypto(int n) {
        int t = Quorums.optimal(n).t();
        List<ServerContext> ctxs = Contexts.real(n, t, 1000 + n);
        Mode[] modes = Mode.values();
        int[] forged = new int[2];
        Seeds.forEach(getClass(), "wholeStackWithRealCrypto", SEEDS, seed -> {
            Crypto crypto = Crypto.real(n, seed);
            Run run = ScabcStackHarness.run(seed, n, Sched.values()[(int) (seed % 3)],
                    modes[(int) (seed % modes.length)], crypto, ctxs, n <= 4 ? 4 : 3);
            forged[0] += run.forgedOrdered();
            forged[1] += run.honestSharesToFaulty();
        });
        assertTrue(forged[0] > 0, "spliced and relabelled TDH2 copies were ordered (and skipped)");
        assertTrue(forged[1] > 0, "the causality watch saw honest shares");
    }
}
