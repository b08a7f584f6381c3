package org.sintraee.protocol.aba;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.sintraee.protocol.core.Outgoing;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Target;
import org.sintraee.protocol.sim.Adversary;
import org.sintraee.protocol.sim.AdversaryContext;
import org.sintraee.protocol.sim.InFlight;

/**
 * Replay attacks on binary agreement. The faulty servers run honest puppets (so they vote
 * correctly as well), and on top of that, for some of the honest messages they receive:
 * re-send a faulty server's own vote, coin share or decide of round r as round r + 1 (the
 * signature and coin name bind the round); re-send votes from another instance (another tag,
 * run to the end among all servers before this run: the faulty servers' own signed messages
 * there, and honest servers' messages there passed off as their own); re-send the honest
 * message just received as their own.
 */
final class Replay implements Adversary<AbaMessage> {
    private final Puppets honestPuppets;
    private final Map<Integer, List<AbaMessage>> otherInstance;   // sender -> what it sent under the other tag
    private final int budget;
    private int sent;

    /**
     * @param otherMake builds server id's instance of the other tag (every server, honest or not)
     */
    Replay(Puppets honestPuppets, int n, IntFunction<BinaryAgreement> otherMake, IntFunction<Proposal> otherInputs,
           long seed, int budget) {
        this.honestPuppets = honestPuppets;
        this.otherInstance = runElsewhere(n, otherMake, otherInputs, seed);
        this.budget = budget;
    }

    /** The other instance, all servers honest, random delivery order; what each server sent. */
    private static Map<Integer, List<AbaMessage>> runElsewhere(int n, IntFunction<BinaryAgreement> make,
                                                              IntFunction<Proposal> inputs, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        Map<Integer, BinaryAgreement> nodes = new TreeMap<>();
        Map<Integer, List<AbaMessage>> said = new TreeMap<>();
        List<Object[]> pending = new ArrayList<>();                 // {from, to, message}
        for (int id = 1; id <= n; id++) {
            nodes.put(id, make.apply(id));
            said.put(id, new ArrayList<>());
        }
        for (int id = 1; id <= n; id++) {
            queue(id, nodes.get(id).handleInput(inputs.apply(id)), n, pending, said);
        }
        for (int k = 0; k < 200_000 && !pending.isEmpty(); k++) {
            Object[] m = pending.remove(rnd.nextInt(pending.size()));
            int to = (Integer) m[1];
            queue(to, nodes.get(to).handleMessage((Integer) m[0], (AbaMessage) m[2]), n, pending, said);
        }
        return said;
    }

    private static void queue(int from, Step<AbaMessage, Decision> step, int n, List<Object[]> pending,
                              Map<Integer, List<AbaMessage>> said) {
        for (Outgoing<AbaMessage> o : step.messages()) {
            said.get(from).add(o.message());
            for (int to = 1; to <= n; to++) {
                if (o.target().includes(to)) {
                    pending.add(new Object[] {from, to, o.message()});
                }
            }
        }
    }

    /** {@code m} moved to round {@code r} (null for messages without a round). */
    static AbaMessage inRound(AbaMessage m, int r) {
        if (m instanceof AbaMessage.PreVote v) {
            return new AbaMessage.PreVote(r, v.value(), v.justification(), v.proof(), v.signature());
        } else if (m instanceof AbaMessage.MainVote v) {
            return new AbaMessage.MainVote(r, v.value(), v.justification(), v.proof(), v.signature());
        } else if (m instanceof AbaMessage.Coin c) {
            return new AbaMessage.Coin(r, c.message());
        } else if (m instanceof AbaMessage.Decide d) {
            return new AbaMessage.Decide(r, d.value(), d.certificate(), d.proof());
        }
        return null;
    }

    @Override
    public void start(AdversaryContext<AbaMessage> ctx) {
        honestPuppets.start(ctx);
    }

    @Override
    public void onMessage(InFlight<AbaMessage> m, AdversaryContext<AbaMessage> ctx) {
        honestPuppets.onMessage(m, ctx);
        if (ctx.faulty().contains(m.from()) || sent >= budget || ctx.random().nextInt(3) != 0) {
            return;
        }
        sent++;
        int f = m.to();
        SplittableRandom rnd = ctx.random();
        AbaMessage replay = switch (rnd.nextInt(4)) {
            case 0 -> ownShifted(f, ctx);
            case 1 -> pick(otherInstance.get(f), rnd);
            case 2 -> pick(otherInstance.get(1 + rnd.nextInt(ctx.n())), rnd);
            default -> m.message();
        };
        if (replay != null) {
            ctx.send(f, Target.all(), replay);
        }
    }

    /** One of f's own messages in flight (sent by its puppet), moved one round on. */
    private static AbaMessage ownShifted(int f, AdversaryContext<AbaMessage> ctx) {
        List<AbaMessage> own = new ArrayList<>();
        for (InFlight<AbaMessage> p : ctx.pending()) {
            if (p.from() == f && p.message().round() >= 1) {
                own.add(p.message());
            }
        }
        if (own.isEmpty()) {
            return null;
        }
        AbaMessage m = own.get(ctx.random().nextInt(own.size()));
        return inRound(m, m.round() + 1);
    }

    private static AbaMessage pick(List<AbaMessage> list, SplittableRandom rnd) {
        return list.isEmpty() ? null : list.get(rnd.nextInt(list.size()));
    }
}
