package org.sintraee.protocol.rbc;

import org.sintraee.protocol.core.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.core.Target;
import org.sintraee.protocol.rbc.RbcMessage.Answer;
import org.sintraee.protocol.rbc.RbcMessage.Echo;
import org.sintraee.protocol.rbc.RbcMessage.Ready;
import org.sintraee.protocol.rbc.RbcMessage.Request;
import org.sintraee.protocol.rbc.RbcMessage.Send;
import org.sintraee.protocol.sim.Adversary;
import org.sintraee.protocol.sim.AdversaryContext;
import org.sintraee.protocol.sim.InFlight;

/** Byzantine strategies against reliable broadcast. */
final class RbcAdversaries {
    private RbcAdversaries() {
    }

    /**
     * A faulty sender sends m1 to {@code sideA} and m2 to everyone else, and every faulty
     * server echoes and readies m1's digest to side A and m2's to the rest: two-faced.
     */
    static Adversary<RbcMessage> equivocatingSender(Tag tag, int sender, byte[] m1, byte[] m2, Set<Integer> sideA) {
        return new Adversary<>() {
            @Override
            public void start(AdversaryContext<RbcMessage> ctx) {
                byte[] h1 = ReliableBroadcast.digest(tag, m1);
                byte[] h2 = ReliableBroadcast.digest(tag, m2);
                for (int to = 1; to <= ctx.n(); to++) {
                    boolean a = sideA.contains(to);
                    ctx.send(sender, Target.to(to), new Send(Bytes.of(a ? m1 : m2)));
                    for (int f : ctx.faulty()) {
                        ctx.send(f, Target.to(to), new Echo(Bytes.of(a ? h1 : h2)));
                        ctx.send(f, Target.to(to), new Ready(Bytes.of(a ? h1 : h2)));
                    }
                }
            }

            @Override
            public void onMessage(InFlight<RbcMessage> m, AdversaryContext<RbcMessage> ctx) {
                // Answers whatever is asked with the payload of the asker's side, right or wrong.
                if (m.message() instanceof Request && !ctx.faulty().contains(m.from())) {
                    ctx.send(m.to(), Target.to(m.from()), new Answer(Bytes.of(sideA.contains(m.from()) ? m1 : m2)));
                }
            }
        };
    }

    /**
     * A faulty sender sends m to {@code receivers} only; every faulty server then echoes and
     * readies m's digest to all, so honest servers may deliver m without its SEND and must fetch it.
     * They never answer a request.
     */
    static Adversary<RbcMessage> partialSender(Tag tag, int sender, byte[] m, Set<Integer> receivers) {
        return new Adversary<>() {
            @Override
            public void start(AdversaryContext<RbcMessage> ctx) {
                for (int to : receivers) {
                    ctx.send(sender, Target.to(to), new Send(Bytes.of(m)));
                }
                byte[] h = ReliableBroadcast.digest(tag, m);
                for (int f : ctx.faulty()) {
                    ctx.send(f, Target.all(), new Echo(Bytes.of(h)));
                    ctx.send(f, Target.all(), new Ready(Bytes.of(h)));
                }
            }

            @Override
            public void onMessage(InFlight<RbcMessage> m, AdversaryContext<RbcMessage> ctx) {
            }
        };
    }

    /**
     * Faulty servers answer every message from an honest server with mutated copies: flipped
     * bytes, truncated or wrong digests, forged and oversized SENDs, two-faced echoes, stray
     * requests and unsolicited or junk answers.
     */
    static Adversary<RbcMessage> mutating(int maxPayloadBytes) {
        return (m, ctx) -> {
            if (ctx.faulty().contains(m.from())) {
                return;                                   // react to honest traffic only: the run stays finite
            }
            SplittableRandom rnd = ctx.random();
            int f = m.to();
            for (RbcMessage bad : mutations(m.message(), maxPayloadBytes, rnd)) {
                ctx.send(f, rnd.nextBoolean() ? Target.all() : Target.to(1 + rnd.nextInt(ctx.n())), bad);
            }
        };
    }

    /** Faulty servers replay what servers of another instance (tag {@code other}) said about the same payload. */
    static Adversary<RbcMessage> replaying(Tag other, byte[] m) {
        return new Adversary<>() {
            @Override
            public void start(AdversaryContext<RbcMessage> ctx) {
                byte[] h = ReliableBroadcast.digest(other, m);
                for (int f : ctx.faulty()) {
                    ctx.send(f, Target.all(), new Echo(Bytes.of(h)));
                    ctx.send(f, Target.all(), new Ready(Bytes.of(h)));
                    ctx.send(f, Target.all(), new Request(Bytes.of(h)));
                }
            }

            @Override
            public void onMessage(InFlight<RbcMessage> msg, AdversaryContext<RbcMessage> ctx) {
            }
        };
    }

    private static List<RbcMessage> mutations(RbcMessage msg, int maxPayloadBytes, SplittableRandom rnd) {
        List<RbcMessage> out = new ArrayList<>();
        if (msg instanceof Send s) {
            out.add(new Send(Bytes.of(flip(s.payload().toArray(), rnd))));
            out.add(new Send(Bytes.of(new byte[maxPayloadBytes + 1])));
            out.add(new Answer(Bytes.of(flip(s.payload().toArray(), rnd))));
        } else if (msg instanceof Echo e) {
            out.add(rnd.nextBoolean() ? new Echo(e.digest()) : new Echo(Bytes.of(flip(e.digest().toArray(), rnd))));
            out.add(new Echo(Bytes.of(flip(e.digest().toArray(), rnd))));
            out.add(new Echo(Bytes.of(truncate(e.digest().toArray(), rnd))));
            out.add(new Request(e.digest()));
        } else if (msg instanceof Ready r) {
            out.add(new Ready(Bytes.of(flip(r.digest().toArray(), rnd))));
            out.add(new Ready(Bytes.of(truncate(r.digest().toArray(), rnd))));
            out.add(new Request(Bytes.of(truncate(r.digest().toArray(), rnd))));
        } else if (msg instanceof Request q) {
            out.add(new Answer(q.digest())); // junk that cannot hash to what was asked
        } else if (msg instanceof Answer a) {
            out.add(new Answer(Bytes.of(flip(a.payload().toArray(), rnd))));
        }
        return out;
    }

    private static byte[] flip(byte[] b, SplittableRandom rnd) {
        if (b.length == 0) {
            return new byte[] {1};
        }
        byte[] c = b.clone();
        c[rnd.nextInt(c.length)] ^= (byte) (1 << rnd.nextInt(8));
        return c;
    }

    private static byte[] truncate(byte[] b, SplittableRandom rnd) {
        return java.util.Arrays.copyOf(b, rnd.nextInt(b.length));
    }

    static Set<Integer> randomSubset(int n, int size, Set<Integer> exclude, SplittableRandom rnd) {
        List<Integer> pool = new ArrayList<>();
        for (int id = 1; id <= n; id++) {
            if (!exclude.contains(id)) {
                pool.add(id);
            }
        }
        Set<Integer> out = new TreeSet<>();
        while (out.size() < size && !pool.isEmpty()) {
            out.add(pool.remove(rnd.nextInt(pool.size())));
        }
        return out;
    }
}
