package org.sintraee.runtime.wire;

import static org.sintraee.runtime.wire.WireLimits.MAX_PAYLOAD_BYTES;
import static org.sintraee.runtime.wire.WireLimits.MAX_SIGNATURE_BYTES;
import static org.sintraee.runtime.wire.WireLimits.MAX_SIGNERS;

import org.sintraee.protocol.abc.AbcMessage;
import org.sintraee.protocol.scabc.ScabcMessage;
import org.sintraee.protocol.scabc.ScabcStackMessage;

/** Atomic broadcast, the SC-ABC decryption layer, the SC-ABC stack and the runtime's catch-up. */
final class OrderingCodec {
    /** A batch digest (SHA-256). */
    private static final int DIGEST_BYTES = 32;
    /** A compact proposal vector: a count, then per server its id, digest and signature. */
    private static final int MAX_COMPACT_BYTES = 4 + MAX_SIGNERS * (8 + DIGEST_BYTES + MAX_SIGNATURE_BYTES);

    private OrderingCodec() {
    }

    static void abc(FrameWriter w, AbcMessage m) {
        if (m instanceof AbcMessage.Batch b) {
            w.u8(1).i64(b.round()).bytes(b.batch(), MAX_PAYLOAD_BYTES).bytes(b.signature(), MAX_SIGNATURE_BYTES);
        } else if (m instanceof AbcMessage.MvbaPart p) {
            AgreementCodec.mvba(w.u8(2).i64(p.round()), p.message());
        } else if (m instanceof AbcMessage.CompactSend c) {
            w.u8(3).i64(c.round()).bytes(c.compact(), MAX_COMPACT_BYTES);
        } else if (m instanceof AbcMessage.BatchRequest q) {
            w.u8(4).i64(q.round()).i32(q.server()).bytes(q.digest(), DIGEST_BYTES);
        } else if (m instanceof AbcMessage.BatchAnswer a) {
            w.u8(5).i64(a.round()).i32(a.server()).bytes(a.batch(), MAX_PAYLOAD_BYTES);
        } else {
            throw new IllegalArgumentException("unknown abc message " + m);
        }
    }

    static AbcMessage abc(FrameReader r) throws WireException {
        r.enter();
        int kind = r.u8();
        AbcMessage m = switch (kind) {
            case 1 -> new AbcMessage.Batch(r.i64(), r.value(MAX_PAYLOAD_BYTES, "batch"),
                    r.value(MAX_SIGNATURE_BYTES, "signature"));
            case 2 -> new AbcMessage.MvbaPart(r.i64(), AgreementCodec.mvba(r));
            case 3 -> new AbcMessage.CompactSend(r.i64(), r.value(MAX_COMPACT_BYTES, "compact vector"));
            case 4 -> new AbcMessage.BatchRequest(r.i64(), r.i32(), r.value(DIGEST_BYTES, "batch digest"));
            case 5 -> new AbcMessage.BatchAnswer(r.i64(), r.i32(), r.value(MAX_PAYLOAD_BYTES, "batch"));
            default -> throw new WireException("unknown abc kind " + kind);
        };
        r.leave();
        return m;
    }

    static void scabc(FrameWriter w, ScabcMessage m) {
        ScabcMessage.DecShare d = (ScabcMessage.DecShare) m; // the layer's only message
        BroadcastCodec.share(w.u8(1).i64(d.seq()), d.share());
    }

    static ScabcMessage scabc(FrameReader r) throws WireException {
        int kind = r.u8();
        if (kind != 1) {
            throw new WireException("unknown scabc kind " + kind);
        }
        return new ScabcMessage.DecShare(r.i64(), BroadcastCodec.share(r));
    }

    static void stack(FrameWriter w, ScabcStackMessage m) {
        if (m instanceof ScabcStackMessage.Order o) {
            abc(w.u8(1), o.message());
        } else if (m instanceof ScabcStackMessage.Decrypt d) {
            scabc(w.u8(2), d.message());
        } else {
            throw new IllegalArgumentException("unknown stack message " + m);
        }
    }

    static ScabcStackMessage stack(FrameReader r) throws WireException {
        r.enter();
        int kind = r.u8();
        ScabcStackMessage m = switch (kind) {
            case 1 -> new ScabcStackMessage.Order(abc(r));
            case 2 -> new ScabcStackMessage.Decrypt(scabc(r));
            default -> throw new WireException("unknown stack kind " + kind);
        };
        r.leave();
        return m;
    }

    static void catchUp(FrameWriter w, CatchUpMessage m) {
        if (m instanceof CatchUpMessage.Fetch f) {
            w.u8(1).i64(f.round());
        } else if (m instanceof CatchUpMessage.Proof p) {
            w.u8(2).i64(p.round()).bytes(p.proof(), WireLimits.MAX_PROOF_BYTES);
        } else {
            CatchUpMessage.Checkpointed c = (CatchUpMessage.Checkpointed) m;
            w.u8(3).i64(c.round()).bytes(c.state(), WireLimits.MAX_PROOF_BYTES);
        }
    }

    static CatchUpMessage catchUp(FrameReader r) throws WireException {
        int kind = r.u8();
        long round = r.i64();
        if (round < 0) {
            throw new WireException("catch-up round " + round);
        }
        return switch (kind) {
            case 1 -> new CatchUpMessage.Fetch(round);
            case 2 -> new CatchUpMessage.Proof(round, r.value(WireLimits.MAX_PROOF_BYTES, "proof"));
            case 3 -> new CatchUpMessage.Checkpointed(round, r.value(WireLimits.MAX_PROOF_BYTES, "checkpointed round"));
            default -> throw new WireException("unknown catch-up kind " + kind);
        };
    }
}
