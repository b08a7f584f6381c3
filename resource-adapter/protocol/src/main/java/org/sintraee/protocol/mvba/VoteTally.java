package org.sintraee.protocol.mvba;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.sintraee.protocol.cbc.CbcProof;
import org.sintraee.protocol.core.Fault;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.Verdict;
import org.sintraee.protocol.mvba.MvbaMessage.VVote;

/**
 * The v-votes of every iteration, once Π is known: one slot per (iteration, sender). A vote
 * counts only if it names Π(l), is well formed and, for a 1-vote, its proof verifies against
 * the candidate's c-broadcast instance; a second, different vote for a filled slot is
 * equivocation (the first is kept). A sender whose vote for l was rejected is not checked
 * again for l, so verification work per sender is bounded by n.
 */
final class VoteTally {

    /** What {@link #offer} did: {@code counted} if the vote is new and valid; the fault, if any. */
    record Outcome(boolean counted, Optional<Fault> fault) {
        static final Outcome IGNORED = new Outcome(false, Optional.empty());
        static final Outcome COUNTED = new Outcome(true, Optional.empty());
    }

    private final ServerContext ctx;
    private final Tag tag;
    private final Permutation perm;
    private final IntFunction<Tag> cbcTag;
    private final Map<Integer, TreeMap<Integer, VVote>> votes = new TreeMap<>();
    private final Map<Integer, TreeSet<Integer>> rejected = new TreeMap<>();

    /**
     * @param tag    the MVBA instance's tag (faults are reported under it)
     * @param cbcTag the c-broadcast instance tag of each proposer
     */
    VoteTally(ServerContext ctx, Tag tag, Permutation perm, IntFunction<Tag> cbcTag) {
        this.ctx = ctx;
        this.tag = tag;
        this.perm = perm;
        this.cbcTag = cbcTag;
    }

    /** Checks and records one v-vote from {@code sender} (a server id). */
    Outcome offer(int sender, VVote v) {
        int n = ctx.n();
        if (v.l() < 1 || v.l() > n || !ctx.quorums().isServer(v.candidate())) {
            return fault(sender, FaultKind.MALFORMED, "v-vote for iteration " + v.l() + ", candidate " + v.candidate());
        }
        if (v.candidate() != perm.candidate(v.l())) {
            return fault(sender, FaultKind.MALFORMED,
                    "v-vote for candidate " + v.candidate() + " in iteration " + v.l() + ", where Π(l) = " + perm.candidate(v.l()));
        }
        if (v.one() != v.proof().isPresent()) {
            return fault(sender, FaultKind.MALFORMED, "v-vote " + (v.one() ? "1 without" : "0 with") + " a proof");
        }
        TreeMap<Integer, VVote> slot = votes.computeIfAbsent(v.l(), k -> new TreeMap<>());
        VVote held = slot.get(sender);
        if (held != null) {
            return held.equals(v) ? Outcome.IGNORED
                    : fault(sender, FaultKind.EQUIVOCATION, "a second, different v-vote for iteration " + v.l());
        }
        TreeSet<Integer> bad = rejected.computeIfAbsent(v.l(), k -> new TreeSet<>());
        if (bad.contains(sender)) {
            return Outcome.IGNORED;
        }
        if (v.one()) {
            Verdict ok = CbcProof.verifyDigest(ctx, cbcTag.apply(v.candidate()), v.proof().get());
            if (!ok.isValid()) {
                bad.add(sender);
                return fault(sender, FaultKind.INVALID_PROOF, "v-vote 1 for candidate " + v.candidate() + ": " + ok.reason());
            }
        }
        slot.put(sender, v);
        return Outcome.COUNTED;
    }

    /** True iff n - t valid v-votes for iteration l are in. */
    boolean isQuorum(int l) {
        TreeMap<Integer, VVote> slot = votes.get(l);
        return slot != null && ctx.quorums().isQuorum(slot.keySet());
    }

    /** The proof of the first valid 1-vote for iteration l (lowest sender id), if any. */
    Optional<CbcProof> oneProof(int l) {
        TreeMap<Integer, VVote> slot = votes.get(l);
        if (slot == null) {
            return Optional.empty();
        }
        return slot.values().stream().filter(VVote::one).findFirst().flatMap(VVote::proof);
    }

    /** How many valid votes for iteration l are in (for tests). */
    int count(int l) {
        TreeMap<Integer, VVote> slot = votes.get(l);
        return slot == null ? 0 : slot.size();
    }

    private Outcome fault(int sender, FaultKind kind, String detail) {
        return new Outcome(false, Optional.of(new Fault(sender, tag, kind, detail)));
    }
}
