package org.sintraee.protocol.abc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.abc.BatchCodec.SignedBatch;
import org.sintraee.protocol.abc.CatchUpHarness.Sim;
import org.sintraee.protocol.cbc.CbcProof;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Statement;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.Hashes;
import org.sintraee.protocol.crypto.QuorumCertificate;
import org.sintraee.protocol.mvba.ValidatedAgreement;
import org.sintraee.protocol.sim.Contexts;
import org.sintraee.protocol.sim.Seeds;

/**
 * Round proofs against tampering (every forgery is built with the servers' own mock keys, and
 * the same forger is first shown to produce an accepted proof, so each rejection is for the
 * tampered part), their decoding, the evidence of progress, and journal rounds.
 */
class RoundProofTest {
    static final int N = 4;
    final List<ServerContext> ctxs = Contexts.mock(N, 1);

    /** A fresh server 2 at round 0, as after a restart with nothing delivered. */
    AtomicBroadcast fresh(Sim s) {
        return new AtomicBroadcast(ctxs.get(1), s.tag, CatchUpHarness.BATCH, CatchUpHarness.MAX_REQUEST, 10_000);
    }

    static void rejected(AtomicBroadcast a, RoundProof p, String what) {
        long round = a.round();
        Step<AbcMessage, AbcDelivery> step = a.adopt(3, p);
        assertTrue(step.outputs().isEmpty() && step.messages().isEmpty(), what + ": nothing delivered or sent");
        assertEquals(1, step.faults().size(), what + ": one fault, got " + step.faults());
        assertEquals(FaultKind.INVALID_PROOF, step.faults().get(0).kind(), what);
        assertEquals(3, step.faults().get(0).peer(), what + ": blames the sender");
        assertEquals(round, a.round(), what + ": stays in its round");
        assertFalse(a.check(p).isValid(), what);
    }

    static void accepted(AtomicBroadcast a, RoundProof p, List<AbcDelivery> expected, String what) {
        Step<AbcMessage, AbcDelivery> step = a.adopt(3, p);
        assertTrue(step.faults().isEmpty(), what + ": " + step.faults());
        assertEquals(expected, step.outputs(), what + ": delivers the round as decided");
    }

    static RoundProof with(RoundProof p, long round, Bytes value, int candidate, int abaRound, Bytes cert, Bytes pi) {
        return new RoundProof(round, value, candidate, p.iteration(), abaRound, cert, pi);
    }

    /** n - t (or {@code signers}) main-vote signatures for {@code bit} in round k of candidate a's agreement of round r. */
    Bytes mainVotes(Sim s, long r, int a, int k, boolean bit, int signers) {
        Tag aba = ValidatedAgreement.abaTagOf(s.abc(1).mvbaTag(r), a);
        byte[] statement = Statement.of(aba, "main-vote", Hashes.int32(k), new byte[] {(byte) (bit ? 1 : 0)});
        return certificate(statement, signers);
    }

    Bytes certificate(byte[] statement, int signers) {
        Map<Integer, byte[]> sigs = new TreeMap<>();
        for (int id = 1; id <= signers; id++) {
            sigs.put(id, ctxs.get(id - 1).signer().sign(statement));
        }
        return Bytes.of(new QuorumCertificate(sigs).encode());
    }

    /** An echo-quorum certificate that proposer c c-broadcast {@code value} in round r's agreement. */
    Bytes pi(Sim s, long r, int c, Bytes value) {
        byte[] digest = CbcProof.digestOf(value.toArray());
        Tag cbc = ValidatedAgreement.cbcTagOf(s.abc(1).mvbaTag(r), c);
        Bytes sigma = certificate(CbcProof.readyStatement(cbc, digest), ctxs.get(0).quorums().echoQuorum());
        return Bytes.of(new CbcProof(digest, QuorumCertificate.decode(sigma.toArray()).get()).encode());
    }

    @Test
    void tamperedProofsAreRejected() {
        Seeds.forEach(RoundProofTest.class, "tamperedProofsAreRejected", 3, seed -> {
            Sim s = new Sim(seed, ctxs);
            for (int k = 0; k < 3; k++) {
                s.submit(1 + k, CatchUpHarness.request(seed, k));
                s.drive(CatchUpSimulationTest.MAX);
            }
            TreeMap<Long, RoundProof> proofs = s.persisted.get(1);
            assertTrue(proofs.size() >= 3, "three rounds decided");
            RoundProof p0 = proofs.get(0L);
            RoundProof p1 = proofs.get(1L);
            List<AbcDelivery> round0 = s.net.outputs(1).stream().filter(d -> d.round() == 0).toList();
            int q = ctxs.get(0).quorums().quorum();
            int a = p0.candidate();
            int other = a % N + 1;
            int k = p0.abaRound();
            AtomicBroadcast x = fresh(s);

            // Controls: the forgers below make accepted proofs when nothing is tampered.
            assertTrue(x.check(with(p0, 0, p0.value(), a, k, mainVotes(s, 0, a, k, true, q), p0.proof())).isValid(),
                    "forged main-votes for 1 of the right instance are a valid certificate");
            assertTrue(x.check(with(p0, 0, p0.value(), a, k, p0.certificate(), pi(s, 0, a, p0.value()))).isValid(),
                    "a forged π of the right candidate and value is valid");

            // A Q_0-valid vector that was not decided: empty batches of servers 1..n-t.
            List<SignedBatch> vector = new ArrayList<>();
            for (int id = 1; id <= q; id++) {
                Bytes batch = BatchCodec.encodeBatch(List.of());
                vector.add(new SignedBatch(id, batch, Bytes.of(ctxs.get(id - 1).signer().sign(BatchCodec.statement(s.tag, 0, batch)))));
            }
            Bytes undecided = Bytes.of(BatchCodec.encodeVector(vector));
            rejected(x, with(p0, 0, undecided, a, k, p0.certificate(), p0.proof()), "a valid vector that was not decided");
            rejected(x, with(p0, 0, p1.value(), a, k, p0.certificate(), p0.proof()), "round 1's value");
            rejected(x, with(p0, 0, Bytes.of(new byte[] {1, 2, 3}), a, k, p0.certificate(), p0.proof()), "garbage value");
            rejected(x, with(p0, 0, p0.value(), a, p1.abaRound(), p1.certificate(), p0.proof()),
                    "the decide certificate of round 1");
            rejected(x, with(p0, 0, p0.value(), other, k, p0.certificate(), p0.proof()), "another candidate");
            rejected(x, with(p0, 0, p0.value(), a, k, mainVotes(s, 0, a, k, false, q), p0.proof()),
                    "a certificate of main-votes for 0");
            rejected(x, with(p0, 0, p0.value(), a, k + 1, p0.certificate(), p0.proof()), "the certificate moved to another agreement round");
            rejected(x, with(p0, 0, p0.value(), a, k, mainVotes(s, 0, a, k, true, q - 1), p0.proof()), "n - t - 1 signers");
            QuorumCertificate real = QuorumCertificate.decode(p0.certificate().toArray()).get();
            Map<Integer, byte[]> fewer = new TreeMap<>();
            real.signers().stream().limit(q - 1).forEach(id -> fewer.put(id, ctxs.get(id - 1).signer()
                    .sign(Statement.of(ValidatedAgreement.abaTagOf(s.abc(1).mvbaTag(0), a), "main-vote", Hashes.int32(k),
                            new byte[] {1}))));
            rejected(x, with(p0, 0, p0.value(), a, k, Bytes.of(new QuorumCertificate(fewer).encode()), p0.proof()),
                    "the real signers but one");
            rejected(x, with(p0, 0, p0.value(), a, k, p0.certificate(), pi(s, 0, other, p0.value())), "π of another candidate");
            rejected(x, with(p0, 0, p0.value(), a, k, p0.certificate(), p1.proof()), "π of round 1");
            rejected(x, with(p1, 0, p1.value(), p1.candidate(), p1.abaRound(), p1.certificate(), p1.proof()),
                    "round 1's proof moved to round 0");

            assertTrue(x.adopt(3, p1).isEmpty(), "a proof of a later round is ignored");
            assertEquals(0, x.round());
            accepted(x, p0, round0, "the true proof");
            assertEquals(1, x.round());
            assertTrue(x.adopt(3, p0).isEmpty(), "a proof of a delivered round is ignored");
            rejected(x, with(p0, 1, p0.value(), a, k, p0.certificate(), p0.proof()), "round 0's proof moved to round 1");
            assertEquals(x.proof(0).orElseThrow(), p0, "the adopted proof is served on");
        });
    }

    @Test
    void decodingIsBoundedAndNeverThrows() {
        Seeds.forEach(RoundProofTest.class, "decodingIsBoundedAndNeverThrows", 1, seed -> {
            Sim s = new Sim(seed, ctxs);
            s.submit(1, CatchUpHarness.request(seed, 0));
            s.drive(CatchUpSimulationTest.MAX);
            RoundProof p = s.persisted.get(1).get(0L);
            AtomicBroadcast x = fresh(s);
            byte[] bytes = p.encode();
            assertEquals(p, x.decodeProof(bytes).get(), "round trip");
            assertTrue(p.toString().length() < 400 && !p.toString().contains("[B@"), p.toString());
            for (int len = 0; len < bytes.length; len++) {
                Decoded<RoundProof> d = x.decodeProof(java.util.Arrays.copyOf(bytes, len));
                assertFalse(d.ok(), "truncated to " + len);
            }
            byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
            assertFalse(x.decodeProof(longer).ok(), "trailing byte");
            byte[] huge = bytes.clone();
            huge[8 + 12] = 0x7f; // the value's length field
            assertFalse(x.decodeProof(huge).ok(), "oversized value length");
            assertFalse(x.decodeProof(null).ok(), "no bytes");
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int i = 0; i < 500; i++) {
                byte[] junk = new byte[rnd.nextInt(0, 300)];
                rnd.nextBytes(junk);
                assertFalse(x.decodeProof(junk).ok(), "garbage");
                byte[] flipped = bytes.clone();
                flipped[rnd.nextInt(bytes.length)] ^= (byte) (1 << rnd.nextInt(8));
                Decoded<RoundProof> d = x.decodeProof(flipped); // may decode; then the check must fail
                assertTrue(!d.ok() || !x.check(d.get()).isValid() || d.get().equals(p)
                        || d.get().iteration() != p.iteration(), () -> "a bit flip that still verifies: " + d.value());
            }
        });
    }

    @Test
    void evidenceNeedsHonestOneServers() {
        for (int n : new int[] {4, 7}) {
            List<ServerContext> cs = Contexts.mock(n, (n - 1) / 3);
            int t = cs.get(0).quorums().t();
            AtomicBroadcast a = new AtomicBroadcast(cs.get(0), Tag.of("sim", "evidence"), 3, 64, 100);
            assertEquals(-1, a.evidenceOfRound());
            for (int f = 0; f < t; f++) { // t Byzantine servers claim huge rounds, twice each
                for (long r : new long[] {1_000_000_000L, Long.MAX_VALUE}) {
                    Step<AbcMessage, AbcDelivery> step = a.handleMessage(n - f, new AbcMessage.Batch(r, Bytes.EMPTY, Bytes.EMPTY));
                    assertTrue(step.isEmpty(), "beyond the window: dropped without blame");
                }
            }
            assertEquals(-1, a.evidenceOfRound(), "t servers move nothing (n=" + n + ")");
            a.handleMessage(1, new AbcMessage.Batch(40, Bytes.EMPTY, Bytes.EMPTY));
            assertEquals(40, a.evidenceOfRound(), "t + 1 servers reached round 40 (n=" + n + ")");
            a.handleMessage(2, new AbcMessage.Batch(30, Bytes.EMPTY, Bytes.EMPTY));
            assertEquals(40, a.evidenceOfRound(), "the (t+1)-th highest (n=" + n + ")");
            a.handleMessage(2, new AbcMessage.Batch(70, Bytes.EMPTY, Bytes.EMPTY));
            assertEquals(70, a.evidenceOfRound(), "one number per sender, the highest (n=" + n + ")");
            assertEquals(0, a.round());
        }
    }

    @Test
    void journalRecordsTellTheirRound() {
        Tag tag = Tag.of("app", "abc");
        byte[] none = new byte[0];
        assertEquals(7, AbcRecords.roundOf(tag, new DurableRecord(tag, "batch/7", none)).getAsLong());
        assertEquals(12, AbcRecords.roundOf(tag,
                new DurableRecord(tag.child(12).child("mvba").child("aba").child(3), "main-vote/2", none)).getAsLong());
        assertTrue(AbcRecords.roundOf(tag, new DurableRecord(Tag.of("app", "other").child(3), "echo", none)).isEmpty());
        assertTrue(AbcRecords.roundOf(tag, new DurableRecord(tag, "something", none)).isEmpty());
        assertTrue(AbcRecords.roundOf(tag, new DurableRecord(tag.child("x"), "echo", none)).isEmpty());
        assertEquals(12, AbcRecords.lastRoundOf(tag, List.of(new DurableRecord(tag, "batch/7", none),
                new DurableRecord(tag.child(12).child("mvba"), "v-vote/1", none))));
        assertEquals(-1, AbcRecords.lastRoundOf(tag, List.of()));
    }
}
