package org.sintraee.protocol.mvba;

import org.sintraee.protocol.core.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.sintraee.protocol.cbc.CbcMessage;
import org.sintraee.protocol.cbc.CbcProof;
import org.sintraee.protocol.core.Outgoing;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.core.Target;
import org.sintraee.protocol.crypto.QuorumCertificate;
import org.sintraee.protocol.crypto.Verdict;
import org.sintraee.protocol.mvba.MvbaMessage.AbaPart;
import org.sintraee.protocol.mvba.MvbaMessage.CbcPart;
import org.sintraee.protocol.mvba.MvbaMessage.CoinPart;
import org.sintraee.protocol.mvba.MvbaMessage.VVote;
import org.sintraee.protocol.sim.Adversaries;
import org.sintraee.protocol.sim.Adversary;
import org.sintraee.protocol.sim.AdversaryContext;
import org.sintraee.protocol.sim.InFlight;
import org.sintraee.protocol.sim.Twins;

/**
 * Byzantine strategies against validated agreement. Faulty servers run real instances
 * ("puppets") with their own keys, so what they send is well formed and signed, and then
 * lie on top: they propose values failing Q, equivocate in their own c-broadcast, send
 * v-votes with forged or mismatched proofs (and contradicting ones, and messages for
 * children out of range), or withhold their coin shares.
 */
final class MvbaAdversaries {
    enum Byz { SILENT, BAD_PROPOSAL, EQUIVOCATE_CBC, FORGED_VOTES, WITHHOLD_COIN, TWINS }

    /** Q of the simulations: a value is valid iff it starts with "ok:". */
    static final ExternalPredicate Q = v -> startsWithOk(v) ? Verdict.VALID : Verdict.invalid("not ok:");
    static final int MAX = 256;

    private MvbaAdversaries() {
    }

    static boolean startsWithOk(byte[] v) {
        return v.length >= 3 && v[0] == 'o' && v[1] == 'k' && v[2] == ':';
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** What faulty server f proposes (its c-broadcast input) under {@code byz}. */
    static byte[] faultyValue(Byz byz, int f, long seed) {
        return bytes((byz == Byz.BAD_PROPOSAL ? "bad:" : "ok:") + f + ":" + seed);
    }

    /** The other value an equivocating proposer sends to part of the servers. */
    static byte[] altValue(int f, long seed) {
        return bytes("ok:" + f + ":alt:" + seed);
    }

    static Adversary<MvbaMessage> of(Byz byz, List<ServerContext> ctxs, Tag tag, Set<Integer> faulty, long seed) {
        if (byz == Byz.SILENT) {
            return Adversaries.silent();
        }
        if (byz == Byz.TWINS) {
            // Every faulty server is two real instances proposing different valid values, each heard by a half.
            List<Set<Integer>> halves = Twins.halves(ctxs.size(), faulty, new SplittableRandom(seed * 17 + 3));
            List<Twins.Twin<MvbaInput, MvbaMessage>> twins = new ArrayList<>();
            for (int f : faulty) {
                for (int world = 0; world < 2; world++) {
                    byte[] value = world == 0 ? faultyValue(byz, f, seed) : altValue(f, seed);
                    twins.add(new Twins.Twin<>(f, world, new ValidatedAgreement(ctxs.get(f - 1), tag, MAX, Q),
                            new MvbaInput.Propose(value), halves.get(world)));
                }
            }
            return new Twins<>(twins);
        }
        return new Puppets(byz, ctxs, tag, faulty, seed);
    }

    static final class Puppets implements Adversary<MvbaMessage> {
        private final Byz byz;
        private final int n;
        private final long seed;
        private final Map<Integer, ValidatedAgreement> nodes = new TreeMap<>();
        private final Map<Integer, CbcProof> sniffed = new TreeMap<>();   // proposer -> a proof seen in flight

        Puppets(Byz byz, List<ServerContext> ctxs, Tag tag, Set<Integer> faulty, long seed) {
            this.byz = byz;
            this.n = ctxs.size();
            this.seed = seed;
            // A bad proposer's own instance accepts anything, so it can propose a value failing Q.
            ExternalPredicate q = byz == Byz.BAD_PROPOSAL ? v -> Verdict.VALID : Q;
            for (int f : faulty) {
                nodes.put(f, new ValidatedAgreement(ctxs.get(f - 1), tag, MAX, q));
            }
        }

        @Override
        public void start(AdversaryContext<MvbaMessage> ctx) {
            for (int f : nodes.keySet()) {
                if (byz == Byz.EQUIVOCATE_CBC) {
                    for (int h = 1; h <= n / 2; h++) {
                        if (!nodes.containsKey(h)) {
                            ctx.send(f, Target.to(h), new CbcPart(f, new CbcMessage.CSend(Bytes.of(altValue(f, seed)))));
                        }
                    }
                }
                emit(ctx, f, nodes.get(f).handleInput(new MvbaInput.Propose(faultyValue(byz, f, seed))));
            }
        }

        @Override
        public void onMessage(InFlight<MvbaMessage> m, AdversaryContext<MvbaMessage> ctx) {
            if (m.message() instanceof CbcPart c && c.message() instanceof CbcMessage.CFinal fin) {
                sniffed.putIfAbsent(c.proposer(), new CbcProof(fin.digest().toArray(), fin.sigma()));
            }
            ValidatedAgreement node = nodes.get(m.to());
            if (node != null) {
                emit(ctx, m.to(), node.handleMessage(m.from(), m.message()));
            }
        }

        private void emit(AdversaryContext<MvbaMessage> ctx, int f, Step<MvbaMessage, MvbaDecision> first) {
            Deque<Step<MvbaMessage, MvbaDecision>> steps = new ArrayDeque<>(List.of(first));
            while (!steps.isEmpty()) {
                List<MvbaMessage> own = new ArrayList<>();
                for (Outgoing<MvbaMessage> o : steps.poll().messages()) {
                    if (o.target().includes(f)) {
                        own.add(o.message()); // a puppet hears itself at once, truthfully
                    }
                    for (MvbaMessage lie : lies(o.message(), ctx.random())) {
                        for (int to = 1; to <= n; to++) {
                            if (to != f && o.target().includes(to)) {
                                ctx.send(f, Target.to(to), lie);
                            }
                        }
                    }
                }
                for (MvbaMessage m : own) {
                    steps.add(nodes.get(f).handleMessage(f, m));
                }
            }
        }

        /** What a puppet sends instead of {@code m}. */
        private List<MvbaMessage> lies(MvbaMessage m, SplittableRandom rnd) {
            if (byz == Byz.WITHHOLD_COIN && m instanceof CoinPart) {
                return List.of();
            }
            if (byz != Byz.FORGED_VOTES) {
                return List.of(m);
            }
            if (m instanceof VVote v) {
                // The truth, a contradicting vote (equivocation), and a vote with a bad proof.
                VVote flipped = v.one() ? VVote.zero(v.l(), v.candidate()) : VVote.one(v.l(), v.candidate(), badProof(v.candidate(), rnd));
                VVote wrongCandidate = VVote.zero(v.l(), v.candidate() % n + 1);
                return rnd.nextBoolean() ? List.of(v, flipped, wrongCandidate)
                        : List.of(VVote.one(v.l(), v.candidate(), badProof(v.candidate(), rnd)), v);
            }
            if (m instanceof AbaPart a && rnd.nextInt(8) == 0) {
                return List.of(m, new AbaPart(rnd.nextBoolean() ? 0 : n + 1, a.message()));
            }
            if (m instanceof CbcPart c && rnd.nextInt(8) == 0) {
                return List.of(m, new CbcPart(-c.proposer(), c.message()));
            }
            return List.of(m);
        }

        /** A proof of another proposer's instance (mismatched), or a forged one. */
        private CbcProof badProof(int candidate, SplittableRandom rnd) {
            Optional<CbcProof> other = sniffed.entrySet().stream().filter(e -> e.getKey() != candidate)
                    .map(Map.Entry::getValue).findFirst();
            if (other.isPresent() && rnd.nextBoolean()) {
                return other.get();
            }
            byte[] digest = new byte[CbcProof.DIGEST_BYTES];
            rnd.nextBytes(digest);
            Map<Integer, byte[]> sigs = new TreeMap<>();
            for (int s = 1; s <= n; s++) {
                byte[] sig = new byte[16];
                rnd.nextBytes(sig);
                sigs.put(s, sig);
            }
            return new CbcProof(digest, new QuorumCertificate(sigs));
        }
    }
}
