package org.sintraee.protocol.scabc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.ServerContext;
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
 * The SC-ABC decryption layer on the virtual network with the INSECURE mock decryption (fast),
 * n in {4, 7, 10} with t maximal, 100 seeds per (n, adversary); schedulers random, delaying or
 * partitioned by seed; ordered workloads mixing honest requests with front-running copies,
 * splices, relabelled copies, replays and junk. {@link ScabcHarness#check} asserts total order,
 * the clients' plaintexts, strict order, termination and shares only where allowed; the
 * causality watch checks every share a faulty server receives.
 */
class ScabcSimulationTest {
    static final int SEEDS = 100;

    private static List<Kind> attacks(SplittableRandom rnd) {
        List<Kind> a = new ArrayList<>(List.of(Kind.COPY, Kind.SPLICE, Kind.RELABEL, Kind.JUNK));
        int extra = rnd.nextInt(4);
        for (int i = 0; i < extra; i++) {
            a.add(Kind.values()[rnd.nextInt(1, 5)]);
        }
        return a;
    }

    /** One cell: n, a strategy; returns the fault kinds honest servers recorded over all seeds. */
    private int[] cell(String method, int n, int maxPending, Function<Crypto, Function<Workload, Adversary<ScabcMessage>>> strategy) {
        return cell(method, n, maxPending, 4, 12, new int[1], strategy);
    }

    private int[] cell(String method, int n, int maxPending, int minRequests, int maxRequests, int[] heldBack,
                       Function<Crypto, Function<Workload, Adversary<ScabcMessage>>> strategy) {
        Crypto crypto = Crypto.mock(n);
        List<ServerContext> ctxs = Contexts.mock(n, Quorums.optimal(n).t());
        int[] kinds = new int[FaultKind.values().length];
        Seeds.forEach(getClass(), method, SEEDS, seed -> {
            SplittableRandom rnd = new SplittableRandom(seed * 31 + n);
            Workload work = ScabcFixtures.build(crypto, null, rnd, seed, rnd.nextInt(minRequests, maxRequests), attacks(rnd));
            Run run = ScabcHarness.run(n, seed, crypto, ctxs, work, maxPending, rnd, strategy.apply(crypto));
            assertTrue(run.watch().honestSharesSeen > 0 || run.net().faulty().isEmpty(),
                    "the faulty servers saw honest shares");
            heldBack[0] += run.heldBack();
            run.net().honest().forEach(id -> run.net().faults(id).forEach(f -> kinds[f.kind().ordinal()]++));
        });
        return kinds;
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 7, 10})
    void silentFaultyServers(int n) {
        int[] kinds = cell("silentFaultyServers", n, 64, c -> w -> Adversaries.silent());
        assertEquals(0, java.util.Arrays.stream(kinds).sum(), "silent servers are blamed for nothing");
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 7, 10})
    void silentFaultyServersWithBackPressure(int n) {
        // maxPending 6: inputs are held back while six positions wait. Workloads of at most 12
        // positions stay inside the future-share window (2 * maxPending), so no share is dropped.
        int[] heldBack = new int[1];
        cell("silentFaultyServersWithBackPressure", n, 6, 3, 6, heldBack, c -> w -> Adversaries.silent());
        assertTrue(heldBack[0] > 0, "back-pressure held inputs back");
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 7, 10})
    void invalidSharesAreBlamedAndIgnored(int n) {
        int[] kinds = cell("invalidSharesAreBlamedAndIgnored", n, 64, c -> w -> new ScabcAdversaries.InvalidShares(c, w));
        assertTrue(kinds[FaultKind.INVALID_PROOF.ordinal()] > 0, "invalid shares caught");
        assertTrue(kinds[FaultKind.MALFORMED.ordinal()] > 0, "shares under another index caught");
        assertTrue(kinds[FaultKind.UNEXPECTED.ordinal()] > 0, "shares for skipped positions caught");
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 7, 10})
    void withheldSharesDoNotBlock(int n) {
        int[] kinds = cell("withheldSharesDoNotBlock", n, 64, c -> w -> new ScabcAdversaries.Withholding(c, w));
        assertEquals(0, java.util.Arrays.stream(kinds).sum(), "correct shares, partly withheld, are blamed for nothing");
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 7, 10})
    void equivocatingSharesAreCaught(int n) {
        int[] kinds = cell("equivocatingSharesAreCaught", n, 64, c -> w -> new ScabcAdversaries.Equivocating(c, w));
        assertTrue(kinds[FaultKind.EQUIVOCATION.ordinal()] > 0, "second, different shares caught");
        assertTrue(kinds[FaultKind.INVALID_PROOF.ordinal()] > 0, "bad first shares caught");
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 7})
    void sameSeedSameTrace(int n) {
        Crypto crypto = Crypto.mock(n);
        List<ServerContext> ctxs = Contexts.mock(n, Quorums.optimal(n).t());
        Seeds.forEach(getClass(), "sameSeedSameTrace", 10, seed -> {
            List<List<String>> traces = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                SplittableRandom rnd = new SplittableRandom(seed * 31 + n);
                Workload work = ScabcFixtures.build(crypto, null, rnd, seed, 6, attacks(rnd));
                traces.add(ScabcHarness.run(n, seed, crypto, ctxs, work, 64, rnd,
                        w -> new ScabcAdversaries.Equivocating(crypto, w)).net().trace());
            }
            assertEquals(traces.get(0), traces.get(1), "same seed, same trace");
            assertTrue(traces.get(0).size() > 50);
        });
    }
}
