package org.sintraee.protocol.aba;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.sintraee.protocol.core.Outgoing;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Target;
import org.sintraee.protocol.sim.Adversary;
import org.sintraee.protocol.sim.AdversaryContext;
import org.sintraee.protocol.sim.InFlight;

/**
 * Byzantine servers that run real protocol instances ("puppets") with their own keys, so
 * every vote they send is signed and justified, but: a server may run two puppets with
 * different inputs, each heard only by its half of the servers (equivocation that no
 * single honest server can see), may withhold some messages (coin shares), and may add junk.
 */
final class Puppets implements Adversary<AbaMessage> {

    /** One puppet: the faulty server it speaks for, its instance, its input, and who hears it. */
    record Puppet(int id, BinaryAgreement node, Proposal input, Set<Integer> audience) {
    }

    private final List<Puppet> puppets;
    private final Predicate<AbaMessage> withhold;
    private final Junk junk;

    Puppets(List<Puppet> puppets, Predicate<AbaMessage> withhold, Junk junk) {
        this.puppets = List.copyOf(puppets);
        this.withhold = withhold;
        this.junk = junk;
    }

    @Override
    public void start(AdversaryContext<AbaMessage> ctx) {
        for (Puppet p : puppets) {
            emit(ctx, p, p.node().handleInput(p.input()));
        }
    }

    @Override
    public void onMessage(InFlight<AbaMessage> m, AdversaryContext<AbaMessage> ctx) {
        for (Puppet p : puppets) {
            if (p.id() == m.to()) {
                emit(ctx, p, p.node().handleMessage(m.from(), m.message()));
            }
        }
        if (junk != null) {
            junk.maybeSend(m, ctx);
        }
    }

    private void emit(AdversaryContext<AbaMessage> ctx, Puppet p, Step<AbaMessage, Decision> first) {
        Deque<Step<AbaMessage, Decision>> steps = new ArrayDeque<>(List.of(first));
        while (!steps.isEmpty()) {
            List<AbaMessage> own = new ArrayList<>();
            for (Outgoing<AbaMessage> o : steps.poll().messages()) {
                if (withhold.test(o.message())) {
                    continue;
                }
                for (int to : p.audience()) {
                    if (!o.target().includes(to)) {
                        continue;
                    }
                    if (to == p.id()) {
                        own.add(o.message()); // a puppet hears itself at once
                    } else {
                        ctx.send(p.id(), Target.to(to), o.message());
                    }
                }
            }
            for (AbaMessage m : own) {
                steps.add(p.node().handleMessage(p.id(), m));
            }
        }
    }
}
