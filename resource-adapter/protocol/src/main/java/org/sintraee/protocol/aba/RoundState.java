package org.sintraee.protocol.aba;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sintraee.protocol.coin.ThresholdCoinProtocol;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;

/**
 * One round's votes: at most one pre-vote and one main-vote per sender, counted only
 * once justified; votes whose soft justification waits for the previous round's coin are
 * parked (again one per sender); and the round's coin instance.
 */
final class RoundState {
    final int round;
    final TreeMap<Integer, AbaMessage.PreVote> preVotes = new TreeMap<>();
    final TreeMap<Integer, AbaMessage.MainVote> mainVotes = new TreeMap<>();
    final TreeMap<Integer, AbaMessage.PreVote> awaitingPreVotes = new TreeMap<>();
    final TreeMap<Integer, AbaMessage.MainVote> awaitingMainVotes = new TreeMap<>();
    final ThresholdCoinProtocol coin;
    Boolean coinBit;
    boolean preVoted;
    boolean mainVoted;

    RoundState(ServerContext ctx, Tag tag, int round) {
        this.round = round;
        this.coin = new ThresholdCoinProtocol(ctx, tag.child("coin").child(round));
    }

    Optional<Boolean> coinBit() {
        return Optional.ofNullable(coinBit);
    }

    /** The message already filling the sender's slot for this message's step, if any. */
    AbaMessage slot(int sender, AbaMessage m) {
        boolean pre = m instanceof AbaMessage.PreVote;
        Map<Integer, ? extends AbaMessage> counted = pre ? preVotes : mainVotes;
        Map<Integer, ? extends AbaMessage> parked = pre ? awaitingPreVotes : awaitingMainVotes;
        AbaMessage held = counted.get(sender);
        return held != null ? held : parked.get(sender);
    }
}
