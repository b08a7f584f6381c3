package org.sintraee.protocol.mvba;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sintraee.protocol.aba.AbaMessage.Decide;
import org.sintraee.protocol.aba.BinaryAgreement;
import org.sintraee.protocol.aba.Decision;
import org.sintraee.protocol.aba.Proposal;
import org.sintraee.protocol.cbc.CbcProof;
import org.sintraee.protocol.cbc.ConsistentBroadcast;
import org.sintraee.protocol.cbc.Delivered;
import org.sintraee.protocol.coin.ThresholdCoinProtocol;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.Fault;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.PendingBuffer;
import org.sintraee.protocol.core.Protocol;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.CoinValue;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.Verdict;
import org.sintraee.protocol.mvba.MvbaMessage.AbaPart;
import org.sintraee.protocol.mvba.MvbaMessage.CbcPart;
import org.sintraee.protocol.mvba.MvbaMessage.CoinPart;
import org.sintraee.protocol.mvba.MvbaMessage.VVote;
import org.sintraee.protocol.quorum.Quorums;

/**
 * Multi-valued validated Byzantine agreement, [CKPS01] §4 (see package-info), composed of
 * n c-broadcasts ({@code tag/cbc/i}), the permutation coin ({@code tag/perm}) and up to n
 * biased binary agreements ({@code tag/aba/a}).
 *
 * <p>Local misuse (exceptions): a second {@link MvbaInput.Propose} ({@link IllegalStateException});
 * a proposal that fails Q or exceeds {@code maxValueBytes} ({@link IllegalArgumentException}).
 */
public final class ValidatedAgreement implements Protocol<MvbaInput, MvbaMessage, MvbaDecision> {
    private final ServerContext ctx;
    private final Quorums quorums;
    private final Tag tag;
    private final int maxValueBytes;
    private final ExternalPredicate predicate;
    private final ConsistentBroadcast[] cbc;
    /** Proposers whose c-broadcast delivered here a value satisfying Q. */
    private final TreeSet<Integer> completed = new TreeSet<>();
    private final ThresholdCoinProtocol coin;
    private final TreeMap<Integer, BinaryAgreement> aba = new TreeMap<>();
    /** V-votes that arrive before Π is known: at most n per sender (one per iteration). */
    private final PendingBuffer<Integer, VVote> early;
    /** Valid π per candidate, at most PROOFS_KEPT each (see proofFor): a cache, it decides nothing. */
    private final TreeMap<Integer, List<byte[]>> validProofs = new TreeMap<>();
    private static final int PROOFS_KEPT = 2;

    private boolean proposed;
    private Permutation perm;
    private VoteTally tally;
    private int iteration;          // l; 0 until Π is known
    private boolean voted;          // this server's v-vote for l is out
    private boolean abaStarted;     // this server's input to tag/aba/Π(l) is in
    private boolean fetching;       // tag/aba/Π(l) decided 1: waiting for the candidate's payload
    private MvbaDecision decision;

    public ValidatedAgreement(ServerContext ctx, Tag tag, int maxValueBytes, ExternalPredicate predicate) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.quorums = ctx.quorums();
        this.tag = Objects.requireNonNull(tag, "tag");
        this.predicate = Objects.requireNonNull(predicate, "predicate");
        if (maxValueBytes < 0) {
            throw new IllegalArgumentException("negative value bound");
        }
        this.maxValueBytes = maxValueBytes;
        int n = ctx.n();
        this.cbc = new ConsistentBroadcast[n + 1];
        for (int i = 1; i <= n; i++) {
            // Servers check Q before they echo: a certified proposal satisfies Q.
            cbc[i] = new ConsistentBroadcast(ctx, cbcTag(i), i, maxValueBytes, this::q);
        }
        this.coin = new ThresholdCoinProtocol(ctx, tag.child("perm"));
        this.early = new PendingBuffer<>(n);
    }

    @Override
    public Tag tag() {
        return tag;
    }

    @Override
    public boolean terminated() {
        return decision != null;
    }

    public Optional<MvbaDecision> decision() {
        return Optional.ofNullable(decision);
    }

    /** Π once the permutation coin is out. */
    public Optional<Permutation> permutation() {
        return Optional.ofNullable(perm);
    }

    /** The instance tag of proposer i's c-broadcast. */
    public Tag cbcTag(int proposer) {
        return cbcTagOf(tag, proposer);
    }

    /** The instance tag of candidate a's biased binary agreement. */
    public Tag abaTag(int candidate) {
        return abaTagOf(tag, candidate);
    }

    /** The tag of proposer i's c-broadcast in the agreement {@code tag}. */
    public static Tag cbcTagOf(Tag tag, int proposer) {
        return tag.child("cbc").child(proposer);
    }

    /** The tag of candidate a's biased binary agreement in the agreement {@code tag}. */
    public static Tag abaTagOf(Tag tag, int candidate) {
        return tag.child("aba").child(candidate);
    }

    /**
     * After the decision: the DECIDE(k, 1, n - t main-votes, π) of the decided candidate's
     * biased agreement, which with the value is a transferable proof of the decision
     * (see {@link #verifyDecision}).
     */
    public Optional<Decide> decidingCertificate() {
        if (decision == null) {
            return Optional.empty();
        }
        return aba.get(decision.candidate()).decideMessage();
    }

    /**
     * Checks, with public keys only, that {@code value} is what agreement {@code tag} decides
     * on candidate {@code candidate}: {@code decide} is a valid DECIDE of 1 of the candidate's
     * biased agreement (checked by that agreement's own code), and its π certifies the
     * candidate's c-broadcast of exactly {@code value}. Q is the caller's to check.
     */
    public static Verdict verifyDecision(ServerContext ctx, Tag tag, byte[] value, int candidate, Decide decide) {
        if (!ctx.quorums().isServer(candidate)) {
            return Verdict.invalid("candidate " + candidate + " is not a server");
        }
        if (decide == null || !decide.value()) {
            return Verdict.invalid("not a decision of 1 on candidate " + candidate);
        }
        Decoded<CbcProof> pi = CbcProof.decode(decide.proof().toArray());
        if (!pi.ok()) {
            return Verdict.invalid("π: " + pi.error());
        }
        Tag cbc = cbcTagOf(tag, candidate);
        Verdict payload = CbcProof.verify(ctx, cbc, value, pi.get());
        if (!payload.isValid()) {
            return Verdict.invalid("π of candidate " + candidate + ": " + payload.reason());
        }
        Verdict d = BinaryAgreement.verifyDecide(ctx, abaTagOf(tag, candidate), proof -> proofFor(ctx, cbc, proof), decide);
        return d.isValid() ? d : Verdict.invalid("decide certificate of candidate " + candidate + ": " + d.reason());
    }

    private Verdict q(byte[] value) {
        try {
            return predicate.check(value);
        } catch (RuntimeException e) { // Q must not throw; if it does, the value is not valid
            return Verdict.invalid("predicate threw " + e.getClass().getSimpleName());
        }
    }

    @Override
    public Step<MvbaMessage, MvbaDecision> handleInput(MvbaInput input) {
        byte[] value = ((MvbaInput.Propose) Objects.requireNonNull(input, "input")).value().toArray();
        if (proposed) {
            throw new IllegalStateException("validated agreement " + tag + " got a second proposal");
        }
        if (value.length > maxValueBytes) {
            throw new IllegalArgumentException("proposal of " + value.length + " bytes exceeds " + maxValueBytes);
        }
        Verdict v = q(value);
        if (!v.isValid()) {
            throw new IllegalArgumentException("proposal fails the predicate: " + v.reason());
        }
        proposed = true;
        Step.Builder<MvbaMessage, MvbaDecision> b = Step.builder();
        int self = ctx.self();
        onCbc(self, b.absorb(cbc[self].broadcast(value), m -> new CbcPart(self, m)));
        progress(b);
        return b.build();
    }

    @Override
    public Step<MvbaMessage, MvbaDecision> handleMessage(int sender, MvbaMessage message) {
        Step.Builder<MvbaMessage, MvbaDecision> b = Step.builder();
        if (!quorums.isServer(sender)) {
            return fault(b, sender, FaultKind.MALFORMED, "sender is not a server");
        }
        if (message instanceof CbcPart c) {
            // Served even after the decision: others may still need this server's payloads.
            if (!quorums.isServer(c.proposer())) {
                return fault(b, sender, FaultKind.MALFORMED, "c-broadcast of proposer " + c.proposer());
            }
            int p = c.proposer();
            onCbc(p, b.absorb(cbc[p].handleMessage(sender, c.message()), m -> new CbcPart(p, m)));
        } else if (decision != null) {
            return b.build();
        } else if (message instanceof CoinPart c) {
            onCoin(b.absorb(coin.handleMessage(sender, c.message()), CoinPart::new), b);
        } else if (message instanceof AbaPart a) {
            if (!quorums.isServer(a.candidate())) {
                return fault(b, sender, FaultKind.MALFORMED, "agreement on candidate " + a.candidate());
            }
            int c = a.candidate();
            b.absorb(aba(c).handleMessage(sender, a.message()), m -> new AbaPart(c, m)); // decision read in progress
        } else if (message instanceof VVote v) {
            onVote(sender, v, b);
        } else {
            return fault(b, sender, FaultKind.MALFORMED, "no message");
        }
        progress(b);
        return b.build();
    }

    private void onCbc(int proposer, List<Delivered> delivered) {
        for (Delivered d : delivered) {
            if (q(d.payload()).isValid()) {
                completed.add(proposer);
            }
        }
    }

    private void onCoin(List<CoinValue> values, Step.Builder<MvbaMessage, MvbaDecision> b) {
        if (values.isEmpty() || perm != null) {
            return;
        }
        perm = Permutation.fromSeed(values.get(0).seed(), ctx.n());
        tally = new VoteTally(ctx, tag, perm, this::cbcTag);
        iteration = 1;
        for (int l = 1; l <= ctx.n(); l++) {
            for (PendingBuffer.Pending<VVote> p : early.release(l)) {
                onVote(p.sender(), p.message(), b);
            }
        }
    }

    private void onVote(int sender, VVote v, Step.Builder<MvbaMessage, MvbaDecision> b) {
        if (perm == null) {
            if (v.l() < 1 || v.l() > ctx.n() || !quorums.isServer(v.candidate())) {
                fault(b, sender, FaultKind.MALFORMED, "v-vote for iteration " + v.l() + ", candidate " + v.candidate());
            } else if (!early.offer(v.l(), sender, v)) {
                fault(b, sender, FaultKind.FLOODING, "more v-votes than iterations before the permutation is known");
            }
            return;
        }
        VoteTally.Outcome o = tally.offer(sender, v);
        o.fault().ifPresent(b::fault);
        int a = v.candidate();
        if (o.counted() && v.one() && v.l() >= iteration && cbc[a].delivered().isEmpty()) {
            // A 1-vote proves a's proposal exists: fetch it (each such vote asks one more holder).
            onCbc(a, b.absorb(cbc[a].adopt(v.proof().get()), m -> new CbcPart(a, m)));
        }
    }

    private BinaryAgreement aba(int candidate) {
        return aba.computeIfAbsent(candidate, c -> BinaryAgreement.biased(ctx, abaTag(c), pi -> proofFor(c, pi)));
    }

    /**
     * The biased agreement's external validity for candidate c: π is a valid proof of c's c-broadcast.
     * The same π rides on most 1-votes of c's agreement, so the exact bytes of up to
     * {@code PROOFS_KEPT} valid ones per candidate are kept and not verified again (an invalid
     * one is never kept; a lookup compares the bytes themselves).
     */
    private Verdict proofFor(int candidate, byte[] pi) {
        List<byte[]> known = validProofs.computeIfAbsent(candidate, c -> new ArrayList<>(1));
        for (byte[] k : known) {
            if (Arrays.equals(k, pi)) {
                return Verdict.VALID;
            }
        }
        Verdict v = proofFor(ctx, cbcTag(candidate), pi);
        if (v.isValid() && known.size() < PROOFS_KEPT) {
            known.add(pi.clone());
        }
        return v;
    }

    private static Verdict proofFor(ServerContext ctx, Tag cbcTag, byte[] pi) {
        Decoded<CbcProof> p = CbcProof.decode(pi);
        return p.ok() ? CbcProof.verifyDigest(ctx, cbcTag, p.get()) : Verdict.invalid(p.error());
    }

    /** Takes every step this server can take now. */
    private void progress(Step.Builder<MvbaMessage, MvbaDecision> b) {
        while (decision == null && proposed) {
            if (perm == null) {
                // The coin is released only now that n - t proposals are fixed (see package-info).
                if (coin.tossed() || !quorums.isQuorum(completed)) {
                    return;
                }
                onCoin(b.absorb(coin.toss(), CoinPart::new), b);
                if (perm == null) {
                    return;
                }
            } else if (iteration > ctx.n()) {
                return; // impossible with at most t faulty servers: some candidate's agreement decides 1
            } else if (!step(perm.candidate(iteration), b)) {
                return;
            }
        }
    }

    /** One move in iteration l on candidate a; false if nothing can be done now. */
    private boolean step(int a, Step.Builder<MvbaMessage, MvbaDecision> b) {
        if (fetching) {
            Optional<Delivered> d = cbc[a].delivered();
            if (d.isEmpty()) {
                return false;
            }
            decision = new MvbaDecision(d.get().payload(), a, iteration);
            b.output(decision);
            return false;
        }
        if (!voted) {
            voted = true;
            Optional<CbcProof> mine = completed.contains(a) ? cbc[a].delivered().map(Delivered::proof) : Optional.empty();
            VVote v = mine.map(p -> VVote.one(iteration, a, p)).orElseGet(() -> VVote.zero(iteration, a));
            b.durable(new DurableRecord(tag, "v-vote/" + iteration,
                    ByteBuffer.allocate(5).putInt(a).put((byte) (v.one() ? 1 : 0)).array()));
            b.broadcast(v);
            return true;
        }
        BinaryAgreement agreement = aba(a);
        Optional<Decision> decided = agreement.decision();
        if (decided.isPresent()) {
            if (decided.get().value()) {
                fetching = true;
                if (cbc[a].delivered().isEmpty()) {
                    // Valid by the agreement's external validity: a's proposal exists and this fetches it.
                    CbcProof pi = CbcProof.decode(decided.get().proof().orElseThrow()).get();
                    onCbc(a, b.absorb(cbc[a].adopt(pi), m -> new CbcPart(a, m)));
                }
            } else {
                iteration++;
                voted = false;
                abaStarted = false;
            }
            return true;
        }
        if (!abaStarted && tally.isQuorum(iteration)) {
            abaStarted = true;
            Optional<CbcProof> pi = (completed.contains(a) ? cbc[a].delivered().map(Delivered::proof) : Optional.<CbcProof>empty())
                    .or(() -> tally.oneProof(iteration));
            Proposal p = pi.map(x -> Proposal.one(x.encode())).orElseGet(() -> Proposal.of(false));
            b.absorb(agreement.handleInput(p), m -> new AbaPart(a, m));
            return true;
        }
        return false;
    }

    private Step<MvbaMessage, MvbaDecision> fault(Step.Builder<MvbaMessage, MvbaDecision> b, int peer, FaultKind kind, String detail) {
        b.fault(new Fault(peer, tag, kind, detail));
        return b.build();
    }
}
