package org.sintraee.protocol.cert;

import java.util.SplittableRandom;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.core.Target;
import org.sintraee.protocol.crypto.shoup.ShoupKeySet;
import org.sintraee.protocol.sim.Adversaries;
import org.sintraee.protocol.sim.Adversary;
import org.sintraee.protocol.sim.AdversaryContext;
import org.sintraee.protocol.sim.InFlight;

/** Byzantine strategies against the round certifier; faulty servers hold their own Shoup shares. */
final class CertAdversaries {
    enum Byz { SILENT, BAD_SHARES, EQUIVOCATE, FLOOD, WITHHOLD_THEN_SIGN }

    private CertAdversaries() {
    }

    static Adversary<CertMessage> of(Byz byz, ShoupKeySet keys, Tag tag, int rounds) {
        return switch (byz) {
            case SILENT -> Adversaries.silent();
            case BAD_SHARES -> badShares(keys, tag);
            case EQUIVOCATE -> equivocating(keys, tag);
            case FLOOD -> flooding(keys, tag, rounds);
            case WITHHOLD_THEN_SIGN -> honestButSelective(keys, tag);
        };
    }

    static byte[] validShare(ShoupKeySet keys, Tag tag, int server, long round) {
        return keys.share(server).sign(tag.child(round).encoded(), CertKeys.statement(round)).encode();
    }

    /** Junk bytes, mutated honest shares, and the faulty server's valid share of another statement. */
    static Adversary<CertMessage> badShares(ShoupKeySet keys, Tag tag) {
        return new Adversary<>() {
            @Override
            public void onMessage(InFlight<CertMessage> m, AdversaryContext<CertMessage> ctx) {
                if (ctx.faulty().contains(m.from())) {
                    return; // react to honest shares only, or faulty servers would feed each other forever
                }
                SplittableRandom rnd = ctx.random();
                long r = m.message().round();
                byte[] junk = new byte[rnd.nextInt(1, 80)];
                rnd.nextBytes(junk);
                byte[] mutated = ((CertMessage.SignShare) m.message()).share();
                mutated[4 + rnd.nextInt(mutated.length - 4)] ^= (byte) (1 << rnd.nextInt(8));
                byte[] otherRound = keys.share(m.to()).sign(tag.child(r).encoded(), CertKeys.statement(r + 1000))
                        .encode();
                byte[][] choices = {junk, mutated, otherRound};
                ctx.send(m.to(), Target.all(), new CertMessage.SignShare(r, choices[rnd.nextInt(3)]));
            }
        };
    }

    /** A valid share to some, a different (bad) one to others: whichever comes second is equivocation. */
    static Adversary<CertMessage> equivocating(ShoupKeySet keys, Tag tag) {
        return new Adversary<>() {
            @Override
            public void onMessage(InFlight<CertMessage> m, AdversaryContext<CertMessage> ctx) {
                if (ctx.faulty().contains(m.from())) {
                    return;
                }
                long r = m.message().round();
                byte[] good = validShare(keys, tag, m.to(), r);
                byte[] bad = good.clone();
                bad[bad.length - 1] ^= 1;
                ctx.send(m.to(), Target.all(), new CertMessage.SignShare(r, good));
                ctx.send(m.to(), Target.all(), new CertMessage.SignShare(r, bad));
            }
        };
    }

    /** Shares for rounds far ahead and for every round in the window, before anything is delivered. */
    static Adversary<CertMessage> flooding(ShoupKeySet keys, Tag tag, int rounds) {
        return new Adversary<>() {
            @Override
            public void start(AdversaryContext<CertMessage> ctx) {
                for (int f : ctx.faulty()) {
                    for (long r = 0; r < 200; r++) {
                        ctx.send(f, Target.all(), new CertMessage.SignShare(r, new byte[] {1, 2, 3}));
                    }
                    for (long r = 1_000_000; r < 1_000_050; r++) {
                        ctx.send(f, Target.all(), new CertMessage.SignShare(r, validShare(keys, tag, f, 0)));
                    }
                }
            }

            @Override
            public void onMessage(InFlight<CertMessage> m, AdversaryContext<CertMessage> ctx) {
                // floods only; never helps
            }
        };
    }

    /** Withholds its share until an honest one reached it, then sends the valid share only to server 1. */
    static Adversary<CertMessage> honestButSelective(ShoupKeySet keys, Tag tag) {
        return new Adversary<>() {
            @Override
            public void onMessage(InFlight<CertMessage> m, AdversaryContext<CertMessage> ctx) {
                if (!ctx.faulty().contains(1) && !ctx.faulty().contains(m.from())) {
                    ctx.send(m.to(), Target.to(1), new CertMessage.SignShare(m.message().round(),
                            validShare(keys, tag, m.to(), m.message().round())));
                }
            }
        };
    }
}
