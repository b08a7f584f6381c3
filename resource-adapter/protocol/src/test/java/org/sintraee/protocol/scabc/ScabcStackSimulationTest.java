package org.sintraee.protocol.scabc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.abc.AbcInput;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.mock.InsecureMockDecryption;
import org.sintraee.protocol.quorum.Quorums;
import org.sintraee.protocol.scabc.ScabcFixtures.Crypto;
import org.sintraee.protocol.scabc.ScabcStackHarness.Run;
import org.sintraee.protocol.scabc.ScabcStackHarness.Sched;
import org.sintraee.protocol.scabc.ScabcStackPuppets.Mode;
import org.sintraee.protocol.sim.Contexts;
import org.sintraee.protocol.sim.Seeds;

/**
 * The whole SC-ABC stack (atomic broadcast feeding the decryption layer) with the INSECURE
 * mock decryption and mock keys: n in {4, 7, 10}, t maximal, schedulers random, delaying and
 * partitioned, 30 seeds per (n, scheduler) for each Byzantine strategy of
 * {@link ScabcStackPuppets}. Requests per run: 8 at n = 4, 6 at n = 7, 4 at n = 10 (time).
 * {@link ScabcStackHarness#check} asserts agreement, the clients' plaintexts, every request
 * exactly once, skips and shares exactly as the model of the observed order says, no honest
 * server blamed, termination; the causality watch checks every honest share a faulty server
 * receives. Real crypto: {@link ScabcStackRealCryptoTest}.
 */
class ScabcStackSimulationTest {
    static final int SEEDS = 30;

    static int requests(int n) {
        return n <= 4 ? 6 : n <= 7 ? 5 : 4;
    }

    /** Totals over a method's cells: honest servers' fault kinds, forged copies ordered and ordered first. */
    record Totals(int[] kinds, int forgedOrdered, int forgedFirst, int sharesToFaulty) {
        int kind(FaultKind k) {
            return kinds[k.ordinal()];
        }
    }

    static Totals cells(String method, Mode mode) {
        int[] kinds = new int[FaultKind.values().length];
        int[] counts = new int[3];
        for (int n : new int[] {4, 7, 10}) {
            List<ServerContext> ctxs = Contexts.mock(n, Quorums.optimal(n).t());
            Crypto crypto = Crypto.mock(n);
            for (Sched sched : Sched.values()) {
                Seeds.forEach(ScabcStackSimulationTest.class, method, SEEDS, seed -> {
                    Run run = ScabcStackHarness.run(seed, n, sched, mode, crypto, ctxs, requests(n));
                    run.net().honest().forEach(id -> run.net().faults(id).forEach(f -> kinds[f.kind().ordinal()]++));
                    counts[0] += run.forgedOrdered();
                    counts[1] += run.forgedBeforeOriginal();
                    counts[2] += run.honestSharesToFaulty();
                });
            }
        }
        return new Totals(kinds, counts[0], counts[1], counts[2]);
    }

    @Test
    void silentFaultyServers() {
        Totals t = cells("silentFaultyServers", Mode.SILENT);
        assertEquals(0, java.util.Arrays.stream(t.kinds()).sum(), "silent servers are blamed for nothing");
        assertTrue(t.sharesToFaulty() > 0, "the causality watch saw honest shares");
    }

    @Test
    void frontRunningCopiesSplicesAndRelabels() {
        Totals t = cells("frontRunningCopiesSplicesAndRelabels", Mode.CORRECT_SHARES);
        assertTrue(t.forgedOrdered() > 0, "spliced and relabelled copies were ordered");
        assertTrue(t.forgedFirst() > 0, "some were ordered before the honest original");
        assertTrue(t.sharesToFaulty() > 0, "the causality watch saw honest shares");
    }

    @Test
    void frontRunningWithWithheldShares() {
        Totals t = cells("frontRunningWithWithheldShares", Mode.WITHHOLD_SHARES);
        assertEquals(0, t.kind(FaultKind.INVALID_PROOF) + t.kind(FaultKind.EQUIVOCATION), "withholding is no lie");
    }

    @Test
    void frontRunningWithInvalidShares() {
        Totals t = cells("frontRunningWithInvalidShares", Mode.INVALID_SHARES);
        assertTrue(t.kind(FaultKind.INVALID_PROOF) > 0, "invalid decryption shares are caught");
    }

    @Test
    void frontRunningWithEquivocatingShares() {
        Totals t = cells("frontRunningWithEquivocatingShares", Mode.EQUIVOCATE_SHARES);
        assertTrue(t.kind(FaultKind.EQUIVOCATION) > 0, "second, different shares are caught");
        assertTrue(t.kind(FaultKind.INVALID_PROOF) > 0, "bad first shares are caught");
    }

    @Test
    void frontRunningWithEquivocatingBatches() {
        Totals t = cells("frontRunningWithEquivocatingBatches", Mode.EQUIVOCATE_BATCHES);
        assertTrue(t.kind(FaultKind.EQUIVOCATION) > 0, "two validly signed batches for one round are caught");
        assertEquals(0, t.kind(FaultKind.INVALID_PROOF), "the alternative batches are validly signed");
    }

    @Test
    void sameSeedSameTrace() {
        int n = 4;
        List<ServerContext> ctxs = Contexts.mock(n, 1);
        Crypto crypto = Crypto.mock(n);
        Seeds.forEach(getClass(), "sameSeedSameTrace", 5, seed -> {
            List<List<String>> traces = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                traces.add(ScabcStackHarness.run(seed, n, Sched.values()[(int) (seed % 3)], Mode.EQUIVOCATE_SHARES,
                        crypto, ctxs, 6).net().trace());
            }
            assertEquals(traces.get(0), traces.get(1), "same seed, same trace");
            assertTrue(traces.get(0).size() > 100, "a real run");
        });
    }

    @Test
    void invalidCiphertextRejectedAtInput() {
        List<ServerContext> ctxs = Contexts.mock(4, 1);
        InsecureMockDecryption scheme = new InsecureMockDecryption(4, 2);
        Tag tag = Tag.of("svc", "sc");
        SecureCausalAtomicBroadcast node = new SecureCausalAtomicBroadcast(ctxs.get(0), tag, scheme, scheme.key(1), 3,
                4096, 100, 4);
        byte[] c = ScabcClient.encrypt(scheme, Tag.of("svc", "other"), "client", 1, new byte[] {1},
                new SeededRandom(1)).encode();
        assertThrows(IllegalArgumentException.class, () -> node.handleInput(new AbcInput.Submit(Bytes.of(c))));
        byte[] ok = ScabcClient.encrypt(scheme, node.decryptionTag(), "client", 1, new byte[] {1},
                new SeededRandom(1)).encode();
        assertTrue(node.handleInput(new AbcInput.Submit(Bytes.of(ok))).messages().size() > 0, "a valid one is batched");
    }
}
