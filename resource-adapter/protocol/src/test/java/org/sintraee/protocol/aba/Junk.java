package org.sintraee.protocol.aba;

import org.sintraee.protocol.core.Bytes;
import java.util.List;
import org.sintraee.protocol.coin.CoinMessage;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.core.Target;
import org.sintraee.protocol.crypto.Share;
import org.sintraee.protocol.sim.AdversaryContext;
import org.sintraee.protocol.sim.InFlight;

/**
 * Forged and unjustified messages from a faulty server, signed with its own key where a
 * signature is needed so that the justification (not the signature) is what fails:
 * certificates of too few signers, invalid and misattributed coin shares, forged decides,
 * bad signatures, invalid external proofs.
 */
final class Junk {
    private final List<ServerContext> ctxs;
    private final Forge forge;
    private final int budget;
    private int sent;

    Junk(List<ServerContext> ctxs, Tag tag, int budget) {
        this.ctxs = ctxs;
        this.forge = new Forge(ctxs, tag);
        this.budget = budget;
    }

    void maybeSend(InFlight<AbaMessage> m, AdversaryContext<AbaMessage> ctx) {
        if (sent >= budget || ctx.random().nextInt(4) != 0) {
            return;
        }
        sent++;
        int f = m.to();
        int r = Math.max(1, m.message().round());
        boolean b = ctx.random().nextBoolean();
        int[] faulty = ctx.faulty().stream().mapToInt(Integer::intValue).toArray();
        byte[] junkPi = {9, 9};
        AbaMessage junk = switch (ctx.random().nextInt(8)) {
            case 0 -> forge.preVote(f, r, b, new Justification.Hard(forge.qc(forge.statements.preVote(r - 1, b), faulty)),
                    new byte[0]);
            case 1 -> forge.mainVote(f, r, VoteValue.of(b),
                    new Justification.PreVoted(forge.qc(forge.statements.preVote(r, b), faulty)), new byte[0]);
            case 2 -> new AbaMessage.Coin(r, new CoinMessage.CoinShare(new Share(f, new byte[] {1, 2, 3})));
            case 3 -> new AbaMessage.Coin(r, new CoinMessage.CoinShare(
                    ctxs.get(f % ctxs.size()).coinKey().share(new byte[] {4})));
            case 4 -> new AbaMessage.Decide(r, b, forge.qc(forge.statements.mainVote(r, VoteValue.of(b)), faulty), Bytes.EMPTY);
            case 5 -> new AbaMessage.PreVote(r, b, new Justification.Initial(), Bytes.EMPTY, Bytes.of(new byte[] {0}));
            case 6 -> forge.preVote(f, 1, true, new Justification.Initial(), junkPi);
            default -> forge.mainVote(f, r, VoteValue.ABSTAIN,
                    new Justification.Abstain(new Justification.Initial(), new Justification.Initial()), junkPi);
        };
        ctx.send(f, Target.all(), junk);
    }
}
