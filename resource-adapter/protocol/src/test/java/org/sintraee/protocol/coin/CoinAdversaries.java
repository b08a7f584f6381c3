package org.sintraee.protocol.coin;

import java.util.List;
import java.util.SplittableRandom;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.core.Target;
import org.sintraee.protocol.crypto.Share;
import org.sintraee.protocol.sim.Adversaries;
import org.sintraee.protocol.sim.Adversary;
import org.sintraee.protocol.sim.AdversaryContext;
import org.sintraee.protocol.sim.InFlight;

/** Byzantine strategies against one threshold coin; faulty servers hold only their own coin keys. */
final class CoinAdversaries {
    enum Byz { SILENT, GARBAGE, EQUIVOCATE, WITHHOLD, REPLAY }

    private CoinAdversaries() {
    }

    static Adversary<CoinMessage> of(Byz byz, List<ServerContext> ctxs, Tag tag) {
        return switch (byz) {
            case SILENT -> Adversaries.silent();
            case GARBAGE -> garbage();
            case EQUIVOCATE -> equivocating(ctxs, tag);
            case WITHHOLD -> withholding(ctxs, tag);
            case REPLAY -> replaying(ctxs, tag.child("other"));
        };
    }

    private static CoinMessage share(int index, byte[] data) {
        return new CoinMessage.CoinShare(new Share(index, data));
    }

    /**
     * Random shares, oversized shares, and mutated copies of honest shares seen in flight
     * (a flipped bit under the faulty server's own index, or the honest index kept).
     */
    static Adversary<CoinMessage> garbage() {
        return new Adversary<>() {
            @Override
            public void start(AdversaryContext<CoinMessage> ctx) {
                SplittableRandom rnd = ctx.random();
                for (int f : ctx.faulty()) {
                    byte[] junk = new byte[rnd.nextInt(1, 40)];
                    rnd.nextBytes(junk);
                    ctx.send(f, to(ctx), share(f, junk));
                    ctx.send(f, to(ctx), share(f, new byte[ThresholdCoinProtocol.MAX_SHARE_BYTES + 1]));
                }
            }

            @Override
            public void onMessage(InFlight<CoinMessage> m, AdversaryContext<CoinMessage> ctx) {
                if (ctx.faulty().contains(m.from())) {
                    return;
                }
                SplittableRandom rnd = ctx.random();
                Share s = ((CoinMessage.CoinShare) m.message()).share();
                byte[] flipped = s.data().clone();
                flipped[rnd.nextInt(flipped.length)] ^= (byte) (1 << rnd.nextInt(8));
                ctx.send(m.to(), to(ctx), share(rnd.nextBoolean() ? m.to() : s.index(), flipped));
            }
        };
    }

    /** The faulty server's valid share to some, a different (invalid) one to others, both to a few. */
    static Adversary<CoinMessage> equivocating(List<ServerContext> ctxs, Tag tag) {
        return new Adversary<>() {
            @Override
            public void start(AdversaryContext<CoinMessage> ctx) {
                for (int f : ctx.faulty()) {
                    Share good = ctxs.get(f - 1).coinKey().share(ThresholdCoinProtocol.coinName(tag));
                    byte[] other = good.data().clone();
                    other[0] ^= 1;
                    for (int h = 1; h <= ctx.n(); h++) {
                        int pick = ctx.random().nextInt(3);
                        if (pick != 1) {
                            ctx.send(f, Target.to(h), new CoinMessage.CoinShare(good));
                        }
                        if (pick != 0) {
                            ctx.send(f, Target.to(h), share(f, other));
                        }
                    }
                }
            }

            @Override
            public void onMessage(InFlight<CoinMessage> m, AdversaryContext<CoinMessage> ctx) {
            }
        };
    }

    /** Valid shares, released to a random few honest servers only (or to nobody). */
    static Adversary<CoinMessage> withholding(List<ServerContext> ctxs, Tag tag) {
        return new Adversary<>() {
            @Override
            public void start(AdversaryContext<CoinMessage> ctx) {
                for (int f : ctx.faulty()) {
                    Share good = ctxs.get(f - 1).coinKey().share(ThresholdCoinProtocol.coinName(tag));
                    for (int h = 1; h <= ctx.n(); h++) {
                        if (ctx.random().nextInt(3) == 0) {
                            ctx.send(f, Target.to(h), new CoinMessage.CoinShare(good));
                        }
                    }
                }
            }

            @Override
            public void onMessage(InFlight<CoinMessage> m, AdversaryContext<CoinMessage> ctx) {
            }
        };
    }

    /**
     * Replays of another coin ({@code other}): the faulty servers' own valid shares of it, and
     * honest servers' shares of it (seen there) re-sent as the faulty server's; and honest
     * shares of this coin re-sent by faulty servers.
     */
    static Adversary<CoinMessage> replaying(List<ServerContext> ctxs, Tag other) {
        return new Adversary<>() {
            @Override
            public void start(AdversaryContext<CoinMessage> ctx) {
                byte[] name = ThresholdCoinProtocol.coinName(other);
                for (int f : ctx.faulty()) {
                    ctx.send(f, Target.all(), new CoinMessage.CoinShare(ctxs.get(f - 1).coinKey().share(name)));
                    int h = ctx.random().nextInt(1, ctx.n() + 1);
                    ctx.send(f, Target.all(), new CoinMessage.CoinShare(ctxs.get(h - 1).coinKey().share(name)));
                }
            }

            @Override
            public void onMessage(InFlight<CoinMessage> m, AdversaryContext<CoinMessage> ctx) {
                if (!ctx.faulty().contains(m.from()) && ctx.random().nextBoolean()) {
                    ctx.send(m.to(), Target.all(), m.message());
                }
            }
        };
    }

    private static Target to(AdversaryContext<CoinMessage> ctx) {
        return ctx.random().nextBoolean() ? Target.all() : Target.to(ctx.random().nextInt(1, ctx.n() + 1));
    }
}
