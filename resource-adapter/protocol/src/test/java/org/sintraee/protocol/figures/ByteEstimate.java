package org.sintraee.protocol.figures;

import org.sintraee.protocol.aba.AbaMessage;
import org.sintraee.protocol.aba.Justification;
import org.sintraee.protocol.abc.AbcMessage;
import org.sintraee.protocol.cbc.CbcMessage;
import org.sintraee.protocol.coin.CoinMessage;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.crypto.QuorumCertificate;
import org.sintraee.protocol.mvba.MvbaMessage;

/**
 * An ESTIMATE of a message's size on the wire, until the versioned binary codec exists (a
 * later issue replaces this with measured frame sizes): {@link #HEADER} bytes per message
 * (type, round/index fields, lengths) plus every variable-length byte field: payloads,
 * digests, signatures, shares, certificates as {@link QuorumCertificate#encode()}, proofs as
 * their {@code encode()}. Wrappers that only route a child's message (round, proposer,
 * candidate) add nothing: those fields are covered by the one header. The instance's routing
 * tag is not counted: the link's instance routing implies it.
 */
final class ByteEstimate {
    /** Fixed per-message estimate: type, round/index fields, field lengths. */
    static final int HEADER = 16;

    private ByteEstimate() {
    }

    /** The estimated size of one transmission of {@code message}. */
    static long of(Object message) {
        return HEADER + fields(message);
    }

    /** The variable-length fields of a message of any protocol of the stack. */
    static long fields(Object m) {
        if (m instanceof AbcMessage.Batch b) {
            return len(b.batch()) + len(b.signature());
        } else if (m instanceof AbcMessage.MvbaPart p) {
            return fields(p.message());
        } else if (m instanceof AbcMessage.CompactSend c) {
            return len(c.compact());
        } else if (m instanceof AbcMessage.BatchRequest q) {
            return len(q.digest());
        } else if (m instanceof AbcMessage.BatchAnswer a) {
            return len(a.batch());
        } else if (m instanceof MvbaMessage.CbcPart p) {
            return fields(p.message());
        } else if (m instanceof MvbaMessage.CoinPart p) {
            return fields(p.message());
        } else if (m instanceof MvbaMessage.AbaPart p) {
            return fields(p.message());
        } else if (m instanceof MvbaMessage.VVote v) {
            return v.proof().map(p -> (long) p.encode().length).orElse(0L);
        } else if (m instanceof CbcMessage.CSend s) {
            return len(s.payload());
        } else if (m instanceof CbcMessage.CEcho e) {
            return len(e.signature());
        } else if (m instanceof CbcMessage.CFinal f) {
            return len(f.digest()) + cert(f.sigma());
        } else if (m instanceof CbcMessage.CRequest r) {
            return len(r.digest());
        } else if (m instanceof CbcMessage.CAnswer a) {
            return len(a.payload());
        } else if (m instanceof CoinMessage.CoinShare s) {
            return s.share().length();
        } else if (m instanceof AbaMessage.PreProcess p) {
            return len(p.signature());
        } else if (m instanceof AbaMessage.PreVote p) {
            return justification(p.justification()) + len(p.proof()) + len(p.signature());
        } else if (m instanceof AbaMessage.MainVote p) {
            return justification(p.justification()) + len(p.proof()) + len(p.signature());
        } else if (m instanceof AbaMessage.Decide d) {
            return cert(d.certificate()) + len(d.proof());
        } else if (m instanceof AbaMessage.Coin c) {
            return fields(c.message());
        }
        throw new IllegalArgumentException("no size estimate for " + (m == null ? "null" : m.getClass()));
    }

    /** A justification: its certificates (its kind is in the header). */
    static long justification(Justification j) {
        if (j instanceof Justification.PreProcessed p) {
            return cert(p.certificate());
        } else if (j instanceof Justification.Hard h) {
            return cert(h.certificate());
        } else if (j instanceof Justification.Soft s) {
            return cert(s.certificate());
        } else if (j instanceof Justification.PreVoted p) {
            return cert(p.certificate());
        } else if (j instanceof Justification.Abstain a) {
            return justification(a.forZero()) + justification(a.forOne());
        }
        return 0; // Initial: nothing but its kind
    }

    private static long cert(QuorumCertificate c) {
        return c.encode().length;
    }

    private static long len(Bytes b) {
        return b.length();
    }
}
