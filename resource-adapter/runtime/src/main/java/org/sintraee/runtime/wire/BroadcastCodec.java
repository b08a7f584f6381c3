package org.sintraee.runtime.wire;

import static org.sintraee.runtime.wire.WireLimits.MAX_CERTIFICATE_BYTES;
import static org.sintraee.runtime.wire.WireLimits.MAX_PAYLOAD_BYTES;
import static org.sintraee.runtime.wire.WireLimits.MAX_SHARE_BYTES;
import static org.sintraee.runtime.wire.WireLimits.MAX_SIGNATURE_BYTES;

import org.sintraee.protocol.cbc.CbcMessage;
import org.sintraee.protocol.cbc.CbcProof;
import org.sintraee.protocol.coin.CoinMessage;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.QuorumCertificate;
import org.sintraee.protocol.crypto.Share;
import org.sintraee.protocol.rbc.RbcMessage;

/** Reliable and consistent broadcast, the coin, and their shared parts (shares, certificates, proofs). */
final class BroadcastCodec {
    private BroadcastCodec() {
    }

    static void rbc(FrameWriter w, RbcMessage m) {
        if (m instanceof RbcMessage.Send s) {
            w.u8(1).bytes(s.payload(), MAX_PAYLOAD_BYTES);
        } else if (m instanceof RbcMessage.Echo e) {
            w.u8(2).bytes(e.digest(), MAX_SIGNATURE_BYTES);
        } else if (m instanceof RbcMessage.Ready r) {
            w.u8(3).bytes(r.digest(), MAX_SIGNATURE_BYTES);
        } else if (m instanceof RbcMessage.Request r) {
            w.u8(4).bytes(r.digest(), MAX_SIGNATURE_BYTES);
        } else if (m instanceof RbcMessage.Answer a) {
            w.u8(5).bytes(a.payload(), MAX_PAYLOAD_BYTES);
        } else {
            throw new IllegalArgumentException("unknown rbc message " + m);
        }
    }

    static RbcMessage rbc(FrameReader r) throws WireException {
        int kind = r.u8();
        return switch (kind) {
            case 1 -> new RbcMessage.Send(r.value(MAX_PAYLOAD_BYTES, "payload"));
            case 2 -> new RbcMessage.Echo(r.value(MAX_SIGNATURE_BYTES, "digest"));
            case 3 -> new RbcMessage.Ready(r.value(MAX_SIGNATURE_BYTES, "digest"));
            case 4 -> new RbcMessage.Request(r.value(MAX_SIGNATURE_BYTES, "digest"));
            case 5 -> new RbcMessage.Answer(r.value(MAX_PAYLOAD_BYTES, "payload"));
            default -> throw new WireException("unknown rbc kind " + kind);
        };
    }

    static void cbc(FrameWriter w, CbcMessage m) {
        if (m instanceof CbcMessage.CSend s) {
            w.u8(1).bytes(s.payload(), MAX_PAYLOAD_BYTES);
        } else if (m instanceof CbcMessage.CEcho e) {
            w.u8(2).bytes(e.signature(), MAX_SIGNATURE_BYTES);
        } else if (m instanceof CbcMessage.CFinal f) {
            certificate(w.u8(3).bytes(f.digest(), MAX_SIGNATURE_BYTES), f.sigma());
        } else if (m instanceof CbcMessage.CRequest q) {
            w.u8(4).bytes(q.digest(), MAX_SIGNATURE_BYTES);
        } else if (m instanceof CbcMessage.CAnswer a) {
            w.u8(5).bytes(a.payload(), MAX_PAYLOAD_BYTES);
        } else {
            throw new IllegalArgumentException("unknown cbc message " + m);
        }
    }

    static CbcMessage cbc(FrameReader r) throws WireException {
        int kind = r.u8();
        return switch (kind) {
            case 1 -> new CbcMessage.CSend(r.value(MAX_PAYLOAD_BYTES, "payload"));
            case 2 -> new CbcMessage.CEcho(r.value(MAX_SIGNATURE_BYTES, "signature"));
            case 3 -> new CbcMessage.CFinal(r.value(MAX_SIGNATURE_BYTES, "digest"), certificate(r));
            case 4 -> new CbcMessage.CRequest(r.value(MAX_SIGNATURE_BYTES, "digest"));
            case 5 -> new CbcMessage.CAnswer(r.value(MAX_PAYLOAD_BYTES, "payload"));
            default -> throw new WireException("unknown cbc kind " + kind);
        };
    }

    static void coin(FrameWriter w, CoinMessage m) {
        share(w.u8(1), ((CoinMessage.CoinShare) m).share()); // the coin's only message
    }

    static CoinMessage coin(FrameReader r) throws WireException {
        int kind = r.u8();
        if (kind != 1) {
            throw new WireException("unknown coin kind " + kind);
        }
        return new CoinMessage.CoinShare(share(r));
    }

    static void share(FrameWriter w, Share s) {
        w.i32(s.index()).bytes(s.data(), MAX_SHARE_BYTES);
    }

    static Share share(FrameReader r) throws WireException {
        int index = r.i32();
        return new Share(index, r.bytes(MAX_SHARE_BYTES, "share"));
    }

    /** The certificate's own canonical encoding, length-prefixed and bounded. */
    static FrameWriter certificate(FrameWriter w, QuorumCertificate c) {
        return w.bytes(c.encode(), MAX_CERTIFICATE_BYTES);
    }

    static QuorumCertificate certificate(FrameReader r) throws WireException {
        Decoded<QuorumCertificate> c = QuorumCertificate.decode(r.bytes(MAX_CERTIFICATE_BYTES, "certificate"));
        if (!c.ok()) {
            throw new WireException(c.error());
        }
        return c.get();
    }

    static void proof(FrameWriter w, CbcProof p) {
        w.bytes(p.encode(), CbcProof.MAX_ENCODED_BYTES);
    }

    static CbcProof proof(FrameReader r) throws WireException {
        Decoded<CbcProof> p = CbcProof.decode(r.bytes(CbcProof.MAX_ENCODED_BYTES, "cbc proof"));
        if (!p.ok()) {
            throw new WireException(p.error());
        }
        return p.get();
    }
}
