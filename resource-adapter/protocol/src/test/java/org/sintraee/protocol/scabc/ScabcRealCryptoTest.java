package org.sintraee.protocol.scabc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.ec.DlogSharing;
import org.sintraee.protocol.crypto.ec.Tdh2;
import org.sintraee.protocol.quorum.Quorums;
import org.sintraee.protocol.scabc.ScabcFixtures.Crypto;
import org.sintraee.protocol.scabc.ScabcFixtures.Kind;
import org.sintraee.protocol.scabc.ScabcFixtures.Workload;
import org.sintraee.protocol.scabc.ScabcHarness.Run;
import org.sintraee.protocol.sim.Adversaries;
import org.sintraee.protocol.sim.Adversary;
import org.sintraee.protocol.sim.Contexts;
import org.sintraee.protocol.sim.Seeds;

/**
 * The same runs with real TDH2 (secp256k1, freshly dealt per seed), 12 seeds at n = 4 and 7:
 * the splice keeps the honest TDH2 part (u, ū, e, f) and replaces the AES-GCM payload, which
 * the payload hash inside e must reject; a ciphertext sealed under another service's key is
 * valid but does not decrypt, and is skipped the same way everywhere. The strategy rotates by
 * seed (silent, invalid, withholding, equivocating).
 */
class ScabcRealCryptoTest {

    @ParameterizedTest
    @ValueSource(ints = {4, 7})
    void frontRunningAndSplicingWithRealTdh2(int n) {
        int t = Quorums.optimal(n).t();
        List<ServerContext> ctxs = Contexts.mock(n, t);
        int[] honestShares = new int[1];
        Seeds.forEach(getClass(), "frontRunningAndSplicingWithRealTdh2", 12, seed -> {
            Crypto crypto = Crypto.real(n, seed);
            Tdh2 other = Tdh2.of(DlogSharing.deal(n, t + 1, new SeededRandom(seed + 7_777)));
            SplittableRandom rnd = new SplittableRandom(seed * 131 + n);
            Workload work = ScabcFixtures.build(crypto, other, rnd, seed, rnd.nextInt(3, 6),
                    List.of(Kind.COPY, Kind.SPLICE, Kind.RELABEL, Kind.JUNK, Kind.WRONG_KEY));
            for (int i = 0; i < work.size(); i++) {
                boolean admitted = ScabcDecryption.admit(crypto.scheme(), work.entries().get(i).encoded(),
                        ScabcClient.labelPrefix(ScabcFixtures.TAG)).isValid();
                Kind k = work.entries().get(i).kind();
                assertTrue(admitted == (k == Kind.HONEST || k == Kind.COPY || k == Kind.WRONG_KEY),
                        "admission of a " + k);
            }
            Function<Workload, Adversary<ScabcMessage>> strategy = switch ((int) (seed % 4)) {
                case 0 -> w -> Adversaries.silent();
                case 1 -> w -> new ScabcAdversaries.InvalidShares(crypto, w);
                case 2 -> w -> new ScabcAdversaries.Withholding(crypto, w);
                default -> w -> new ScabcAdversaries.Equivocating(crypto, w);
            };
            Run run = ScabcHarness.run(n, seed, crypto, ctxs, work, 16, rnd, strategy);
            honestShares[0] += run.watch().honestSharesSeen;
        });
        assertTrue(honestShares[0] > 0, "the causality watch saw honest shares");
    }
}
