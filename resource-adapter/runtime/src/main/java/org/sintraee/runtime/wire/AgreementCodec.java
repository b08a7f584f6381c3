package org.sintraee.runtime.wire;

import static org.sintraee.runtime.wire.WireLimits.MAX_PAYLOAD_BYTES;
import static org.sintraee.runtime.wire.WireLimits.MAX_SIGNATURE_BYTES;

import java.util.Optional;
import org.sintraee.protocol.aba.AbaMessage;
import org.sintraee.protocol.aba.Justification;
import org.sintraee.protocol.aba.VoteValue;
import org.sintraee.protocol.mvba.MvbaMessage;

/** Binary agreement (with its justifications) and validated agreement. */
final class AgreementCodec {
    private static final VoteValue[] VOTES = VoteValue.values();

    private AgreementCodec() {
    }

    static void aba(FrameWriter w, AbaMessage m) {
        if (m instanceof AbaMessage.PreProcess p) {
            w.u8(1).bool(p.value()).bytes(p.signature(), MAX_SIGNATURE_BYTES);
        } else if (m instanceof AbaMessage.PreVote v) {
            justification(w.u8(2).i32(v.round()).bool(v.value()), v.justification());
            w.bytes(v.proof(), MAX_PAYLOAD_BYTES).bytes(v.signature(), MAX_SIGNATURE_BYTES);
        } else if (m instanceof AbaMessage.MainVote v) {
            justification(w.u8(3).i32(v.round()).u8(v.value().ordinal()), v.justification());
            w.bytes(v.proof(), MAX_PAYLOAD_BYTES).bytes(v.signature(), MAX_SIGNATURE_BYTES);
        } else if (m instanceof AbaMessage.Decide d) {
            BroadcastCodec.certificate(w.u8(4).i32(d.round()).bool(d.value()), d.certificate())
                    .bytes(d.proof(), MAX_PAYLOAD_BYTES);
        } else if (m instanceof AbaMessage.Coin c) {
            BroadcastCodec.coin(w.u8(5).i32(c.round()), c.message());
        } else {
            throw new IllegalArgumentException("unknown aba message " + m);
        }
    }

    static AbaMessage aba(FrameReader r) throws WireException {
        int kind = r.u8();
        return switch (kind) {
            case 1 -> new AbaMessage.PreProcess(r.bool(), r.value(MAX_SIGNATURE_BYTES, "signature"));
            case 2 -> new AbaMessage.PreVote(r.i32(), r.bool(), justification(r),
                    r.value(MAX_PAYLOAD_BYTES, "proof"), r.value(MAX_SIGNATURE_BYTES, "signature"));
            case 3 -> new AbaMessage.MainVote(r.i32(), vote(r), justification(r),
                    r.value(MAX_PAYLOAD_BYTES, "proof"), r.value(MAX_SIGNATURE_BYTES, "signature"));
            case 4 -> new AbaMessage.Decide(r.i32(), r.bool(), BroadcastCodec.certificate(r),
                    r.value(MAX_PAYLOAD_BYTES, "proof"));
            case 5 -> new AbaMessage.Coin(r.i32(), BroadcastCodec.coin(r));
            default -> throw new WireException("unknown aba kind " + kind);
        };
    }

    private static VoteValue vote(FrameReader r) throws WireException {
        int v = r.u8();
        if (v >= VOTES.length) {
            throw new WireException("vote value " + v);
        }
        return VOTES[v];
    }

    static void justification(FrameWriter w, Justification j) {
        if (j instanceof Justification.Initial) {
            w.u8(1);
        } else if (j instanceof Justification.PreProcessed p) {
            BroadcastCodec.certificate(w.u8(2), p.certificate());
        } else if (j instanceof Justification.Hard h) {
            BroadcastCodec.certificate(w.u8(3), h.certificate());
        } else if (j instanceof Justification.Soft s) {
            BroadcastCodec.certificate(w.u8(4), s.certificate());
        } else if (j instanceof Justification.PreVoted p) {
            BroadcastCodec.certificate(w.u8(5), p.certificate());
        } else if (j instanceof Justification.Abstain a) {
            justification(w.u8(6), a.forZero());
            justification(w, a.forOne());
        } else {
            throw new IllegalArgumentException("unknown justification " + j);
        }
    }

    static Justification justification(FrameReader r) throws WireException {
        r.enter();
        int kind = r.u8();
        Justification j = switch (kind) {
            case 1 -> new Justification.Initial();
            case 2 -> new Justification.PreProcessed(BroadcastCodec.certificate(r));
            case 3 -> new Justification.Hard(BroadcastCodec.certificate(r));
            case 4 -> new Justification.Soft(BroadcastCodec.certificate(r));
            case 5 -> new Justification.PreVoted(BroadcastCodec.certificate(r));
            case 6 -> new Justification.Abstain(justification(r), justification(r));
            default -> throw new WireException("unknown justification kind " + kind);
        };
        r.leave();
        return j;
    }

    static void mvba(FrameWriter w, MvbaMessage m) {
        if (m instanceof MvbaMessage.CbcPart c) {
            BroadcastCodec.cbc(w.u8(1).i32(c.proposer()), c.message());
        } else if (m instanceof MvbaMessage.CoinPart c) {
            BroadcastCodec.coin(w.u8(2), c.message());
        } else if (m instanceof MvbaMessage.AbaPart a) {
            aba(w.u8(3).i32(a.candidate()), a.message());
        } else if (m instanceof MvbaMessage.VVote v) {
            w.u8(4).i32(v.l()).i32(v.candidate()).bool(v.one()).bool(v.proof().isPresent());
            v.proof().ifPresent(p -> BroadcastCodec.proof(w, p));
        } else {
            throw new IllegalArgumentException("unknown mvba message " + m);
        }
    }

    static MvbaMessage mvba(FrameReader r) throws WireException {
        r.enter();
        int kind = r.u8();
        MvbaMessage m = switch (kind) {
            case 1 -> new MvbaMessage.CbcPart(r.i32(), BroadcastCodec.cbc(r));
            case 2 -> new MvbaMessage.CoinPart(BroadcastCodec.coin(r));
            case 3 -> new MvbaMessage.AbaPart(r.i32(), aba(r));
            case 4 -> new MvbaMessage.VVote(r.i32(), r.i32(), r.bool(),
                    r.bool() ? Optional.of(BroadcastCodec.proof(r)) : Optional.empty());
            default -> throw new WireException("unknown mvba kind " + kind);
        };
        r.leave();
        return m;
    }
}
