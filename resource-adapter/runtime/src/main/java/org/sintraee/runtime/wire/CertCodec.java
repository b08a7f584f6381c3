package org.sintraee.runtime.wire;

import org.sintraee.protocol.cert.CertMessage;

/** The round certifier's one message: {@code kind 1 | i64 round | share (at most MAX_SHARE_BYTES)}. */
final class CertCodec {
    private CertCodec() {
    }

    static void cert(FrameWriter w, CertMessage m) {
        CertMessage.SignShare s = (CertMessage.SignShare) m; // the protocol's only message
        w.u8(1).i64(s.round()).bytes(s.share(), WireLimits.MAX_SHARE_BYTES);
    }

    static CertMessage cert(FrameReader r) throws WireException {
        int kind = r.u8();
        if (kind != 1) {
            throw new WireException("unknown cert kind " + kind);
        }
        long round = r.i64();
        if (round < 0) {
            throw new WireException("cert round " + round);
        }
        return new CertMessage.SignShare(round, r.value(WireLimits.MAX_SHARE_BYTES, "share").toArray());
    }
}
