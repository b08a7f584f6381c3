package org.sintraee.protocol.aba;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.sintraee.protocol.aba.AbaMessage.Coin;
import org.sintraee.protocol.aba.AbaMessage.Decide;
import org.sintraee.protocol.aba.AbaMessage.MainVote;
import org.sintraee.protocol.aba.AbaMessage.PreProcess;
import org.sintraee.protocol.aba.AbaMessage.PreVote;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.Fault;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.PendingBuffer;
import org.sintraee.protocol.core.Protocol;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.CoinValue;
import org.sintraee.protocol.crypto.QuorumCertificate;
import org.sintraee.protocol.crypto.Verdict;

/**
 * Binary Byzantine agreement [CKS00] §4, or its biased validated variant [CKPS01] §3
 * (see package-info). One instance per tag; input a {@link Proposal}, output one
 * {@link Decision}.
 *
 * <p>Local misuse (exceptions): a second input; in the biased variant an input of 1
 * without a valid external proof.
 */
public final class BinaryAgreement implements Protocol<Proposal, AbaMessage, Decision> {
    /** Rounds beyond {@code round + WINDOW} are buffered, not processed. */
    static final int WINDOW = 2;
    /** Buffered future messages per sender (three messages a round, a few rounds). */
    static final int FUTURE_PER_SENDER = 32;
    /** No external proof π: an input or vote that needs none carries the empty string. */
    static final byte[] NO_PROOF = new byte[0];

    private final ServerContext ctx;
    private final Tag tag;
    private final VoteChecker checker;
    private final TreeMap<Integer, PreProcess> preProcess = new TreeMap<>();
    private final TreeMap<Integer, RoundState> rounds = new TreeMap<>();
    private final PendingBuffer<Integer, AbaMessage> future = new PendingBuffer<>(FUTURE_PER_SENDER);
    private Proposal input;
    private byte[] proof = NO_PROOF;
    private int round = 1;
    /** How to pre-vote in {@code round > 1}: hard (a main-vote for a bit) or soft (all abstained). */
    private Justification plan;
    private boolean planValue;
    private Decision decision;
    /** The DECIDE this instance decided on (its own or one adopted): the transferable certificate. */
    private Decide decided;

    private BinaryAgreement(ServerContext ctx, Tag tag, ExternalValidity validity) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.tag = Objects.requireNonNull(tag, "tag");
        this.checker = new VoteChecker(ctx, tag, validity);
    }

    /** CKS00 binary agreement, with pre-processing. */
    public static BinaryAgreement standard(ServerContext ctx, Tag tag) {
        return new BinaryAgreement(ctx, tag, null);
    }

    /** CKPS01's biased validated agreement: a 1 needs an external proof that {@code validity} accepts. */
    public static BinaryAgreement biased(ServerContext ctx, Tag tag, ExternalValidity validity) {
        return new BinaryAgreement(ctx, tag, Objects.requireNonNull(validity, "validity"));
    }

    @Override
    public Tag tag() {
        return tag;
    }

    @Override
    public boolean terminated() {
        return decision != null;
    }

    public Optional<Decision> decision() {
        return Optional.ofNullable(decision);
    }

    /** The DECIDE message behind the decision: n - t main-vote signatures (and π for a biased 1), for catch-up. */
    public Optional<Decide> decideMessage() {
        return Optional.ofNullable(decided);
    }

    /**
     * Checks a DECIDE of instance {@code tag} exactly as a running instance does when one
     * arrives ({@code validity == null} for the standard variant), for a server that never ran it.
     */
    public static Verdict verifyDecide(ServerContext ctx, Tag tag, ExternalValidity validity, Decide d) {
        if (d == null || d.round() < 1) {
            return Verdict.invalid("decide of round " + (d == null ? "none" : d.round()));
        }
        Check c = new VoteChecker(ctx, tag, validity).decide(d.round(), d.value(), d.certificate(), d.proof().toArray());
        return c.valid() ? Verdict.VALID : Verdict.invalid(c.reason());
    }

    /** The round this server is in (for tests and monitoring). */
    public int round() {
        return round;
    }

    @Override
    public Step<AbaMessage, Decision> handleInput(Proposal proposal) {
        Objects.requireNonNull(proposal, "proposal");
        if (input != null) {
            throw new IllegalStateException("binary agreement " + tag + " got a second input");
        }
        if (checker.biased() && proposal.value()) {
            Check c = checker.proof(proposal.proof().orElse(NO_PROOF));
            if (!c.valid()) {
                throw new IllegalArgumentException("input 1 needs a valid external proof: " + c.reason());
            }
            proof = proposal.proof().get();
        }
        input = proposal;
        Step.Builder<AbaMessage, Decision> b = Step.builder();
        if (decision == null && !checker.biased()) {
            PreProcess mine = new PreProcess(proposal.value(), Bytes.of(ctx.signer().sign(checker.preProcess(proposal.value()))));
            b.durable(new DurableRecord(tag, "pre-process", new byte[] {VoteValue.of(proposal.value()).code()}));
            b.broadcast(mine);
        }
        progress(b);
        return b.build();
    }

    @Override
    public Step<AbaMessage, Decision> handleMessage(int sender, AbaMessage message) {
        if (!ctx.quorums().isServer(sender)) {
            return fault(sender, FaultKind.MALFORMED, "sender is not a server");
        }
        if (decision != null) {
            return Step.empty();
        }
        Step.Builder<AbaMessage, Decision> b = Step.builder();
        if (message instanceof PreProcess p) {
            onPreProcess(sender, p, b);
        } else if (message instanceof Decide d) {
            onDecide(sender, d, b);
        } else if (message.round() < 1) {
            b.fault(new Fault(sender, tag, FaultKind.MALFORMED, "round " + message.round()));
        } else if (message.round() > round + WINDOW) {
            if (!future.offer(message.round(), sender, message)) {
                b.fault(new Fault(sender, tag, FaultKind.FLOODING, "too many messages for rounds ahead of " + round));
            }
        } else {
            onRoundMessage(sender, message, b);
        }
        progress(b);
        return b.build();
    }

    private void onPreProcess(int sender, PreProcess p, Step.Builder<AbaMessage, Decision> b) {
        if (checker.biased()) {
            b.fault(new Fault(sender, tag, FaultKind.UNEXPECTED, "pre-process in biased agreement"));
            return;
        }
        PreProcess held = preProcess.get(sender);
        if (held != null) {
            if (!held.equals(p)) {
                b.fault(new Fault(sender, tag, FaultKind.EQUIVOCATION, "second, different pre-process"));
            }
            return;
        }
        Check c = checker.signature(sender, checker.preProcess(p.value()), p.signature().toArray());
        if (!c.valid()) {
            b.fault(new Fault(sender, tag, c.fault(), "pre-process: " + c.reason()));
            return;
        }
        preProcess.put(sender, p);
    }

    private void onDecide(int sender, Decide d, Step.Builder<AbaMessage, Decision> b) {
        Check c = d.round() < 1 ? Check.fault(FaultKind.MALFORMED, "round " + d.round())
                : checker.decide(d.round(), d.value(), d.certificate(), d.proof().toArray());
        if (!c.valid()) {
            b.fault(new Fault(sender, tag, c.fault(), "decide: " + c.reason()));
            return;
        }
        decide(d, b);
    }

    /** Messages of rounds {@code round - 1 .. round + WINDOW}; older ones are obsolete. */
    private void onRoundMessage(int sender, AbaMessage m, Step.Builder<AbaMessage, Decision> b) {
        if (m.round() < round - 1) {
            return;
        }
        RoundState rs = roundState(m.round());
        if (m instanceof Coin c) {
            if (checker.biased() && c.round() == 1) {
                b.fault(new Fault(sender, tag, FaultKind.UNEXPECTED, "the biased round-1 coin is never tossed"));
                return;
            }
            List<CoinValue> out = b.absorb(rs.coin.handleMessage(sender, c.message()), cm -> new Coin(rs.round, cm));
            out.forEach(v -> coinKnown(rs, v, b));
            return;
        }
        AbaMessage held = rs.slot(sender, m);
        if (held != null) {
            if (!held.equals(m)) {
                b.fault(new Fault(sender, tag, FaultKind.EQUIVOCATION, "second, different " + kind(m) + " in round " + m.round()));
            }
            return;
        }
        Check sig = m instanceof PreVote pv ? checker.signature(sender, checker.preVote(pv.round(), pv.value()), pv.signature().toArray())
                : checker.signature(sender, checker.mainVote(m.round(), ((MainVote) m).value()), ((MainVote) m).signature().toArray());
        if (!sig.valid()) {
            b.fault(new Fault(sender, tag, sig.fault(), kind(m) + " in round " + m.round() + ": " + sig.reason()));
            return;
        }
        countIfJustified(rs, sender, m, b);
    }

    /** Counts a signed vote once its justification checks; parks it if that needs an unknown coin. */
    private void countIfJustified(RoundState rs, int sender, AbaMessage m, Step.Builder<AbaMessage, Decision> b) {
        Check c;
        byte[] pi;
        if (m instanceof PreVote pv) {
            c = checker.preVote(pv.round(), pv.value(), pv.justification(), pv.proof().toArray(), this::coinBit);
            pi = pv.proof().toArray();
        } else {
            MainVote mv = (MainVote) m;
            c = checker.mainVote(mv.round(), mv.value(), mv.justification(), mv.proof().toArray(), this::coinBit);
            pi = mv.proof().toArray();
        }
        if (c.needsCoin()) {
            if (m instanceof PreVote pv) {
                rs.awaitingPreVotes.put(sender, pv);
            } else {
                rs.awaitingMainVotes.put(sender, (MainVote) m);
            }
            return;
        }
        if (!c.valid()) {
            b.fault(new Fault(sender, tag, c.fault(), kind(m) + " in round " + m.round() + ": " + c.reason()));
            return;
        }
        if (m instanceof PreVote pv) {
            rs.preVotes.put(sender, pv);
        } else {
            rs.mainVotes.put(sender, (MainVote) m);
        }
        if (proof.length == 0 && pi.length > 0) {
            proof = pi; // checked above: whoever may vote 1 (or decide 1) now holds π
        }
    }

    private void coinKnown(RoundState rs, CoinValue value, Step.Builder<AbaMessage, Decision> b) {
        rs.coinBit = value.bit();
        RoundState next = rounds.get(rs.round + 1);
        if (next == null) {
            return;
        }
        // Votes that waited for this coin can be judged now.
        Map<Integer, PreVote> pre = new TreeMap<>(next.awaitingPreVotes);
        Map<Integer, MainVote> main = new TreeMap<>(next.awaitingMainVotes);
        next.awaitingPreVotes.clear();
        next.awaitingMainVotes.clear();
        pre.forEach((s, m) -> countIfJustified(next, s, m, b));
        main.forEach((s, m) -> countIfJustified(next, s, m, b));
    }

    private Optional<Boolean> coinBit(int r) {
        if (checker.biased() && r == 1) {
            return Optional.of(true); // [CKPS01]: the biased round-1 coin is fixed to 1
        }
        RoundState rs = rounds.get(r);
        return rs == null ? Optional.empty() : rs.coinBit();
    }

    private RoundState roundState(int r) {
        return rounds.computeIfAbsent(r, k -> new RoundState(ctx, tag, k));
    }

    /** Takes every step this server can take now: pre-vote, main-vote, end the round. */
    private void progress(Step.Builder<AbaMessage, Decision> b) {
        while (decision == null && input != null) {
            RoundState rs = roundState(round);
            if (!rs.preVoted) {
                Optional<PreVote> pv = Votes.preVote(this, rs);
                if (pv.isEmpty()) {
                    return;
                }
                rs.preVoted = true;
                b.durable(new DurableRecord(tag, "pre-vote/" + round, new byte[] {VoteValue.of(pv.get().value()).code()}));
                b.broadcast(pv.get());
            } else if (!rs.mainVoted) {
                if (!ctx.quorums().isQuorum(rs.preVotes.keySet())) {
                    return;
                }
                MainVote mv = Votes.mainVote(this, rs);
                rs.mainVoted = true;
                b.durable(new DurableRecord(tag, "main-vote/" + round, new byte[] {mv.value().code()}));
                b.broadcast(mv);
            } else if (ctx.quorums().isQuorum(rs.mainVotes.keySet())) {
                endRound(rs, b);
            } else {
                return;
            }
        }
    }

    /** n - t justified main-votes: decide, or toss the coin and plan the next pre-vote. */
    private void endRound(RoundState rs, Step.Builder<AbaMessage, Decision> b) {
        for (VoteValue v : List.of(VoteValue.ZERO, VoteValue.ONE)) {
            Map<Integer, byte[]> sigs = Votes.mainVoteSignatures(rs, v);
            if (ctx.quorums().isQuorum(sigs.keySet())) {
                boolean bit = v == VoteValue.ONE;
                decide(new Decide(rs.round, bit, new QuorumCertificate(sigs), Bytes.of(bit ? proof : NO_PROOF)), b);
                return;
            }
        }
        Optional<MainVote> hard = rs.mainVotes.values().stream().filter(m -> m.value() != VoteValue.ABSTAIN).findFirst();
        if (hard.isPresent()) {
            plan = new Justification.Hard(((Justification.PreVoted) hard.get().justification()).certificate());
            planValue = hard.get().value() == VoteValue.ONE;
        } else {
            plan = new Justification.Soft(new QuorumCertificate(Votes.mainVoteSignatures(rs, VoteValue.ABSTAIN)));
        }
        if (!(checker.biased() && rs.round == 1)) {
            List<CoinValue> out = b.absorb(rs.coin.toss(), cm -> new Coin(rs.round, cm));
            out.forEach(v -> coinKnown(rs, v, b));
        }
        round++;
        rounds.headMap(round - 1).clear(); // only the previous round's coin is still needed
        for (PendingBuffer.Pending<AbaMessage> p : future.release(round + WINDOW)) {
            onRoundMessage(p.sender(), p.message(), b);
        }
    }

    private void decide(Decide d, Step.Builder<AbaMessage, Decision> b) {
        decided = d;
        decision = new Decision(d.value(), d.value() && checker.biased() ? Optional.of(d.proof().toArray()) : Optional.empty(), d.round());
        b.output(decision);
        b.broadcast(d); // forwarded once: whoever lags adopts it
        rounds.clear();
        future.discardIf(k -> true);
        preProcess.clear();
    }

    private static String kind(AbaMessage m) {
        return m instanceof PreVote ? "pre-vote" : "main-vote";
    }

    private Step<AbaMessage, Decision> fault(int sender, FaultKind kind, String detail) {
        return Step.fault(new Fault(sender, tag, kind, detail));
    }

    // Accessors for Votes (same package): what this server knows when it casts a vote.
    ServerContext ctx() {
        return ctx;
    }

    VoteChecker checker() {
        return checker;
    }

    Proposal input() {
        return input;
    }

    byte[] proof() {
        return proof;
    }

    TreeMap<Integer, PreProcess> preProcesses() {
        return preProcess;
    }

    Justification plan() {
        return plan;
    }

    boolean planValue() {
        return planValue;
    }

    Optional<Boolean> coinOf(int r) {
        return coinBit(r);
    }

    /** Justified votes counted in round r (tests: a rejected vote must not count). */
    int counted(int r, boolean preVotes) {
        RoundState rs = rounds.get(r);
        return rs == null ? 0 : preVotes ? rs.preVotes.size() : rs.mainVotes.size();
    }

    List<Integer> roundsHeld() {
        return new ArrayList<>(rounds.keySet());
    }
}
