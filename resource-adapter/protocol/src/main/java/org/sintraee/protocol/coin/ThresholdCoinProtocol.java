package org.sintraee.protocol.coin;

import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.Fault;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.Protocol;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Statement;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.CoinValue;
import org.sintraee.protocol.crypto.Share;
import org.sintraee.protocol.crypto.Verdict;

/**
 * One threshold coin, named by its tag ({@link #coinName}). Input {@link Toss#TOSS}
 * releases this server's share; the output is the coin's value (see package-info).
 *
 * <p>Local misuse: tossing twice throws {@link IllegalStateException}.
 */
public final class ThresholdCoinProtocol implements Protocol<ThresholdCoinProtocol.Toss, CoinMessage, CoinValue> {

    /** The only input: release this server's share. */
    public enum Toss { TOSS }

    /** Bound on a share's encoding we are willing to verify (real shares are about 130 bytes). */
    public static final int MAX_SHARE_BYTES = 1024;

    private final ServerContext ctx;
    private final Tag tag;
    private final byte[] name;
    /** Valid shares, one per sender. */
    private final TreeMap<Integer, Share> shares = new TreeMap<>();
    /** Senders whose share failed verification: their further shares are not verified again. */
    private final TreeSet<Integer> rejected = new TreeSet<>();
    private boolean tossed;
    private CoinValue value;

    public ThresholdCoinProtocol(ServerContext ctx, Tag tag) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.tag = Objects.requireNonNull(tag, "tag");
        this.name = coinName(tag);
    }

    /** The coin's name: the tag and the step, so no two instances share a coin. */
    public static byte[] coinName(Tag tag) {
        return Statement.of(tag, "coin");
    }

    @Override
    public Tag tag() {
        return tag;
    }

    /** Shorthand for {@code handleInput(Toss.TOSS)}. */
    public Step<CoinMessage, CoinValue> toss() {
        return handleInput(Toss.TOSS);
    }

    @Override
    public Step<CoinMessage, CoinValue> handleInput(Toss input) {
        Objects.requireNonNull(input, "input");
        if (tossed) {
            throw new IllegalStateException("coin " + tag + " tossed twice");
        }
        tossed = true;
        Share mine = ctx.coinKey().share(name);
        Step.Builder<CoinMessage, CoinValue> b = Step.builder();
        // Durable first: a restarted server must release the same share, never another.
        b.durable(new DurableRecord(tag, "coin-share", mine.data()));
        b.broadcast(new CoinMessage.CoinShare(mine));
        tryOutput(b);
        return b.build();
    }

    @Override
    public Step<CoinMessage, CoinValue> handleMessage(int sender, CoinMessage message) {
        if (!ctx.quorums().isServer(sender)) {
            return fault(sender, FaultKind.MALFORMED, "sender is not a server");
        }
        if (value != null || rejected.contains(sender)) {
            return Step.empty();
        }
        Share share = ((CoinMessage.CoinShare) message).share();
        Share previous = shares.get(sender);
        if (previous != null) {
            return previous.equals(share) ? Step.empty()
                    : fault(sender, FaultKind.EQUIVOCATION, "second, different coin share");
        }
        if (share.index() != sender) {
            rejected.add(sender);
            return fault(sender, FaultKind.INVALID_PROOF, "coin share claims index " + share.index());
        }
        if (share.length() > MAX_SHARE_BYTES) {
            rejected.add(sender);
            return fault(sender, FaultKind.MALFORMED, "coin share of " + share.length() + " bytes");
        }
        Verdict verdict = ctx.coin().verifyShare(name, share);
        if (!verdict.isValid()) {
            rejected.add(sender);
            return fault(sender, FaultKind.INVALID_PROOF, verdict.reason());
        }
        shares.put(sender, share);
        Step.Builder<CoinMessage, CoinValue> b = Step.builder();
        tryOutput(b);
        return b.build();
    }

    private void tryOutput(Step.Builder<CoinMessage, CoinValue> b) {
        if (tossed && value == null && ctx.quorums().containsHonest(shares.keySet())) {
            value = ctx.coin().combine(name, shares.values());
            b.output(value);
        }
    }

    private Step<CoinMessage, CoinValue> fault(int sender, FaultKind kind, String detail) {
        return Step.fault(new Fault(sender, tag, kind, detail));
    }

    /** The coin's value once output. */
    public Optional<CoinValue> value() {
        return Optional.ofNullable(value);
    }

    public boolean tossed() {
        return tossed;
    }

    @Override
    public boolean terminated() {
        return value != null;
    }
}
