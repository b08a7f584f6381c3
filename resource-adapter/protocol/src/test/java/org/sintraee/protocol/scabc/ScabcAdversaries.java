package org.sintraee.protocol.scabc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.sintraee.protocol.core.Target;
import org.sintraee.protocol.crypto.Ciphertext;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.Share;
import org.sintraee.protocol.scabc.ScabcFixtures.Crypto;
import org.sintraee.protocol.scabc.ScabcFixtures.Workload;
import org.sintraee.protocol.sim.Adversary;
import org.sintraee.protocol.sim.AdversaryContext;
import org.sintraee.protocol.sim.InFlight;

/** Faulty servers' strategies against the SC-ABC decryption layer; they hold the faulty servers' keys. */
final class ScabcAdversaries {
    private ScabcAdversaries() {
    }

    /** Acts once per position, when a faulty server first sees an honest share for it. */
    abstract static class Reacting implements Adversary<ScabcMessage> {
        final Crypto crypto;
        final Workload work;
        final int shareBytes;
        private final Set<Long> reacted = new TreeSet<>();

        Reacting(Crypto crypto, Workload work) {
            this.crypto = crypto;
            this.work = work;
            this.shareBytes = crypto.headBytes() == 48 ? 32 : 97;
        }

        @Override
        public void onMessage(InFlight<ScabcMessage> m, AdversaryContext<ScabcMessage> ctx) {
            if (m.message() instanceof ScabcMessage.DecShare d && reacted.add(d.seq())) {
                react(d.seq(), ctx);
            }
        }

        abstract void react(long seq, AdversaryContext<ScabcMessage> ctx);

        /** Faulty server f's correct share of position seq, or null if its key refuses the ciphertext. */
        Share valid(int f, long seq) {
            Decoded<Ciphertext> c = Ciphertext.decode(work.entries().get((int) seq).encoded());
            return c.ok() ? crypto.key(f).decryptionShare(c.get()).orElse(null) : null;
        }

        Share garbage(int f, SplittableRandom rnd) {
            byte[] b = new byte[shareBytes];
            rnd.nextBytes(b);
            return new Share(f, b);
        }

        static List<Integer> honest(AdversaryContext<?> ctx) {
            List<Integer> h = new ArrayList<>();
            for (int id = 1; id <= ctx.n(); id++) {
                if (!ctx.faulty().contains(id)) {
                    h.add(id);
                }
            }
            return h;
        }
    }

    /**
     * Bad shares of every kind: random bytes (INVALID_PROOF), a correct share of another
     * position (INVALID_PROOF), another server's index (MALFORMED), shares for positions every
     * honest server skips (UNEXPECTED), and shares far in the future (dropped).
     */
    static final class InvalidShares extends Reacting {
        InvalidShares(Crypto crypto, Workload work) {
            super(crypto, work);
        }

        @Override
        public void start(AdversaryContext<ScabcMessage> ctx) {
            SplittableRandom rnd = ctx.random();
            for (int f : ctx.faulty()) {
                for (long seq = 0; seq < work.size(); seq++) {
                    if (!work.shared().contains(seq)) {
                        ctx.send(f, Target.all(), new ScabcMessage.DecShare(seq, garbage(f, rnd)));
                    }
                }
                int other = f % ctx.n() + 1;
                ctx.send(f, Target.all(), new ScabcMessage.DecShare(0, garbage(other, rnd)));
                ctx.send(f, Target.all(), new ScabcMessage.DecShare(1_000_000, garbage(f, rnd)));
            }
        }

        @Override
        void react(long seq, AdversaryContext<ScabcMessage> ctx) {
            for (int f : ctx.faulty()) {
                Share share = ctx.random().nextBoolean() ? garbage(f, ctx.random()) : wrongPosition(f, seq);
                ctx.send(f, Target.all(), new ScabcMessage.DecShare(seq, share == null ? garbage(f, ctx.random()) : share));
            }
        }

        private Share wrongPosition(int f, long seq) {
            for (long other : work.shared()) {
                if (other != seq) {
                    return valid(f, other);
                }
            }
            return null;
        }
    }

    /** Correct shares, but only to a random subset of the honest servers (possibly none). */
    static final class Withholding extends Reacting {
        Withholding(Crypto crypto, Workload work) {
            super(crypto, work);
        }

        @Override
        void react(long seq, AdversaryContext<ScabcMessage> ctx) {
            for (int f : ctx.faulty()) {
                Share share = valid(f, seq);
                for (int h : honest(ctx)) {
                    if (share != null && ctx.random().nextInt(3) == 0) {
                        ctx.send(f, Target.to(h), new ScabcMessage.DecShare(seq, share));
                    }
                }
            }
        }
    }

    /** Per honest server: the correct share, a different bad one, or both in either order. */
    static final class Equivocating extends Reacting {
        Equivocating(Crypto crypto, Workload work) {
            super(crypto, work);
        }

        @Override
        void react(long seq, AdversaryContext<ScabcMessage> ctx) {
            for (int f : ctx.faulty()) {
                Share good = valid(f, seq);
                for (int h : honest(ctx)) {
                    Share bad = garbage(f, ctx.random());
                    int choice = ctx.random().nextInt(4);
                    List<Share> send = switch (choice) {
                        case 0 -> List.of(bad);
                        case 1 -> List.of(bad, good);
                        case 2 -> List.of(good, bad);
                        default -> List.of(good);
                    };
                    for (Share s : send) {
                        ctx.send(f, Target.to(h), new ScabcMessage.DecShare(seq, s == null ? bad : s));
                    }
                }
            }
        }
    }

    /**
     * Wraps a strategy and checks input causality on everything a faulty server receives: an
     * honest decryption share only for a position some honest server has already been given
     * in order, and only for a position that is to be decrypted (never a splice, a relabelled
     * or invalid ciphertext, or a replay).
     */
    static final class CausalityWatch implements Adversary<ScabcMessage> {
        private final Adversary<ScabcMessage> inner;
        private final Workload work;
        /** One more than the highest position given to any honest server so far. */
        long orderedSomewhere;
        int honestSharesSeen;

        CausalityWatch(Adversary<ScabcMessage> inner, Workload work) {
            this.inner = inner;
            this.work = work;
        }

        @Override
        public void start(AdversaryContext<ScabcMessage> ctx) {
            inner.start(ctx);
        }

        @Override
        public void onMessage(InFlight<ScabcMessage> m, AdversaryContext<ScabcMessage> ctx) {
            if (!ctx.faulty().contains(m.from()) && m.message() instanceof ScabcMessage.DecShare d) {
                honestSharesSeen++;
                if (d.seq() >= orderedSomewhere) {
                    throw new AssertionError("causality: faulty server " + m.to() + " got honest server " + m.from()
                            + "'s share for seq " + d.seq() + " before any honest server had it ordered");
                }
                if (!work.shared().contains(d.seq())) {
                    throw new AssertionError("causality: honest server " + m.from() + " shared seq " + d.seq()
                            + ", a " + work.entries().get((int) d.seq()).kind() + " that must never be decrypted");
                }
            }
            inner.onMessage(m, ctx);
        }
    }
}
