package org.sintraee.protocol.cert;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.sintraee.protocol.core.Fault;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.Protocol;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.Verdict;
import org.sintraee.protocol.crypto.shoup.ShoupKeyShare;
import org.sintraee.protocol.crypto.shoup.ShoupPublicKey;
import org.sintraee.protocol.crypto.shoup.SignatureShare;
import org.sintraee.protocol.core.Tag;

/**
 * Threshold-signs delivered rounds' statements (see package-info): one long-lived instance
 * per server, all rounds inside a sliding window. Local misuse throws: {@code Sign} for a
 * round not {@link #knows known}, or {@code Delivered} twice for a round with different
 * statements.
 */
public final class RoundCertifier implements Protocol<CertInput, CertMessage, Certified> {

    /** What this server holds of one delivered round. */
    private static final class RoundState {
        final byte[] statement;
        /** The first share bytes each sender sent: a second, different one is equivocation. */
        final TreeMap<Integer, byte[]> seen = new TreeMap<>();
        final TreeMap<Integer, SignatureShare> valid = new TreeMap<>();
        boolean signed;
        byte[] signature;

        RoundState(byte[] statement) {
            this.statement = statement;
        }
    }

    private final ServerContext ctx;
    private final Tag tag;
    private final ShoupKeyShare share;
    private final ShoupPublicKey key;
    private final int window;
    private final TreeMap<Long, RoundState> rounds = new TreeMap<>();
    /** Shares for rounds not delivered here yet: at most one per (round, sender). */
    private final TreeMap<Long, TreeMap<Integer, byte[]>> early = new TreeMap<>();
    private long highest = -1;

    /**
     * @param window rounds kept below the highest delivered one, and accepted (buffered) above it
     * @throws IllegalArgumentException if the key does not fit the server set (k must be honestOne())
     */
    public RoundCertifier(ServerContext ctx, Tag tag, ShoupKeyShare share, int window) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.tag = Objects.requireNonNull(tag, "tag");
        this.share = Objects.requireNonNull(share, "share");
        this.key = share.publicKey();
        if (key.n() != ctx.n() || key.k() != ctx.quorums().honestOne() || share.index() != ctx.self()) {
            throw new IllegalArgumentException("service key for n=" + key.n() + ", k=" + key.k() + ", share "
                    + share.index() + " does not fit server " + ctx.self() + " of n=" + ctx.n() + " with honestOne="
                    + ctx.quorums().honestOne());
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        this.window = window;
    }

    @Override
    public Tag tag() {
        return tag;
    }

    @Override
    public boolean terminated() {
        return false; // long-lived: rounds come and go through the window
    }

    /** True iff this server holds round {@code round}'s statement (delivered, not yet forgotten). */
    public boolean knows(long round) {
        return rounds.containsKey(round);
    }

    /** The round's signature, once certified and while held. */
    public Optional<byte[]> signature(long round) {
        RoundState s = rounds.get(round);
        return s == null || s.signature == null ? Optional.empty() : Optional.of(s.signature.clone());
    }

    /** Rounds held (for bounds checks). */
    public int heldRounds() {
        return rounds.size();
    }

    /** Shares buffered for rounds not delivered yet (for bounds checks). */
    public int bufferedShares() {
        int count = 0;
        for (TreeMap<Integer, byte[]> m : early.values()) {
            count += m.size();
        }
        return count;
    }

    @Override
    public Step<CertMessage, Certified> handleInput(CertInput input) {
        Objects.requireNonNull(input, "input");
        Step.Builder<CertMessage, Certified> b = Step.builder();
        if (input instanceof CertInput.Delivered d) {
            delivered(d.round(), d.statement(), b);
        } else {
            long r = input.round();
            RoundState s = rounds.get(r);
            if (s == null) {
                throw new IllegalStateException("round " + r + " is not delivered here, or no longer held");
            }
            if (s.signature != null) {
                b.output(new Certified(r, s.statement, s.signature)); // asked again: answer from memory
            } else {
                sign(r, s, b);
            }
        }
        return b.build();
    }

    @Override
    public Step<CertMessage, Certified> handleMessage(int sender, CertMessage message) {
        if (!ctx.quorums().isServer(sender)) {
            return Step.fault(new Fault(sender, tag, FaultKind.MALFORMED, "sender is not a server"));
        }
        CertMessage.SignShare m = (CertMessage.SignShare) message;
        long r = m.round();
        if (r <= highest - window) {
            return Step.empty(); // late: the round was certified or abandoned and forgotten
        }
        RoundState s = rounds.get(r);
        Step.Builder<CertMessage, Certified> b = Step.builder();
        if (s != null) {
            share(sender, r, s, m.share(), b);
        } else if (r <= highest + window) {
            byte[] first = early.computeIfAbsent(r, x -> new TreeMap<>()).putIfAbsent(sender, m.share());
            if (first != null && !Arrays.equals(first, m.share())) {
                b.fault(new Fault(sender, tag.child(r), FaultKind.EQUIVOCATION, "a second, different share"));
            }
        } // else: too far ahead to buffer; dropped (see package-info)
        return b.build();
    }

    private void delivered(long r, byte[] statement, Step.Builder<CertMessage, Certified> b) {
        if (r <= highest - window) {
            return; // older than anything kept: nobody can ask this server for it
        }
        RoundState existing = rounds.get(r);
        if (existing != null) {
            if (!Arrays.equals(existing.statement, statement)) {
                throw new IllegalStateException("round " + r + " delivered twice with different statements");
            }
            return;
        }
        RoundState s = new RoundState(statement);
        rounds.put(r, s);
        if (r > highest) {
            highest = r;
            rounds.headMap(highest - window, true).clear();
            early.headMap(highest - window, true).clear();
        }
        TreeMap<Integer, byte[]> waiting = early.remove(r);
        if (waiting != null) {
            for (Map.Entry<Integer, byte[]> e : waiting.entrySet()) {
                share(e.getKey(), r, s, e.getValue(), b);
            }
        }
    }

    private void share(int sender, long r, RoundState s, byte[] bytes, Step.Builder<CertMessage, Certified> b) {
        byte[] first = s.seen.putIfAbsent(sender, bytes);
        if (first != null) {
            if (!Arrays.equals(first, bytes)) {
                b.fault(new Fault(sender, tag.child(r), FaultKind.EQUIVOCATION, "a second, different share"));
            }
            return;
        }
        if (s.signature != null) {
            return; // certified already: later shares add nothing
        }
        Decoded<SignatureShare> d = key.decodeShare(bytes);
        if (!d.ok()) {
            b.fault(new Fault(sender, tag.child(r), FaultKind.MALFORMED, d.error()));
            return;
        }
        Verdict v = key.verifyShare(context(r), s.statement, d.get(), sender);
        if (!v.isValid()) {
            b.fault(new Fault(sender, tag.child(r), FaultKind.INVALID_PROOF, v.reason()));
            return;
        }
        s.valid.put(sender, d.get());
        if (!s.signed) {
            sign(r, s, b); // a peer's valid share shows the round needs a certificate: join (one share per round)
        }
        if (ctx.quorums().containsHonest(s.valid.keySet())) {
            s.signature = key.combine(context(r), s.statement, s.valid.values());
            s.valid.clear();
            b.output(new Certified(r, s.statement, s.signature));
        }
    }

    private void sign(long r, RoundState s, Step.Builder<CertMessage, Certified> b) {
        if (s.signed) {
            return;
        }
        s.signed = true;
        b.broadcast(new CertMessage.SignShare(r, share.sign(context(r), s.statement).encode()));
    }

    /** The share proofs' context: binds them to this instance and round. */
    private byte[] context(long r) {
        return tag.child(r).encoded();
    }
}
