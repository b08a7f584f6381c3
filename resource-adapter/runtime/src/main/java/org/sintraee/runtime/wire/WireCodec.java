package org.sintraee.runtime.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.sintraee.protocol.aba.AbaMessage;
import org.sintraee.protocol.abc.AbcMessage;
import org.sintraee.protocol.cbc.CbcMessage;
import org.sintraee.protocol.cert.CertMessage;
import org.sintraee.protocol.coin.CoinMessage;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.mvba.MvbaMessage;
import org.sintraee.protocol.rbc.RbcMessage;
import org.sintraee.protocol.scabc.ScabcMessage;
import org.sintraee.protocol.scabc.ScabcStackMessage;

/**
 * The node loop's one entry point: {@code encode(tag, message)} and {@code decode(frame)}.
 * Layout: {@code 'S' 'W' version | u16 tag length, tag ASCII | family | kind... | fields}.
 * Decoding never throws: any malformed, oversized, non-canonical or unknown input is a
 * {@code Decoded.error} with the reason.
 */
public final class WireCodec {
    static final int MAGIC_0 = 'S';
    static final int MAGIC_1 = 'W';
    public static final int VERSION = 1;

    /** A decoded frame: the instance the message belongs to and the message (one of the protocols' message types). */
    public record Frame(Tag tag, Object message) {
        public Frame {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Families: the first kind byte, naming the protocol whose message type follows. */
    enum Family { RBC, CBC, COIN, ABA, MVBA, ABC, SCABC, STACK, CATCHUP, CERT }

    private WireCodec() {
    }

    /**
     * Encodes one message of any protocol for instance {@code tag}.
     *
     * @throws IllegalArgumentException if the message is of no known type or exceeds a bound
     *                                  (a local bug: we never send what peers would reject)
     */
    public static byte[] encode(Tag tag, Object message) {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(message, "message");
        byte[] text = tag.toString().getBytes(StandardCharsets.US_ASCII);
        FrameWriter w = new FrameWriter().u8(MAGIC_0).u8(MAGIC_1).u8(VERSION).u16(text.length).raw(text);
        if (message instanceof RbcMessage m) {
            BroadcastCodec.rbc(w.u8(Family.RBC.ordinal()), m);
        } else if (message instanceof CbcMessage m) {
            BroadcastCodec.cbc(w.u8(Family.CBC.ordinal()), m);
        } else if (message instanceof CoinMessage m) {
            BroadcastCodec.coin(w.u8(Family.COIN.ordinal()), m);
        } else if (message instanceof AbaMessage m) {
            AgreementCodec.aba(w.u8(Family.ABA.ordinal()), m);
        } else if (message instanceof MvbaMessage m) {
            AgreementCodec.mvba(w.u8(Family.MVBA.ordinal()), m);
        } else if (message instanceof AbcMessage m) {
            OrderingCodec.abc(w.u8(Family.ABC.ordinal()), m);
        } else if (message instanceof ScabcMessage m) {
            OrderingCodec.scabc(w.u8(Family.SCABC.ordinal()), m);
        } else if (message instanceof ScabcStackMessage m) {
            OrderingCodec.stack(w.u8(Family.STACK.ordinal()), m);
        } else if (message instanceof CatchUpMessage m) {
            OrderingCodec.catchUp(w.u8(Family.CATCHUP.ordinal()), m);
        } else if (message instanceof CertMessage m) {
            CertCodec.cert(w.u8(Family.CERT.ordinal()), m);
        } else {
            throw new IllegalArgumentException("no wire encoding for " + message.getClass().getName());
        }
        byte[] frame = w.toByteArray();
        if (frame.length > WireLimits.MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("frame of " + frame.length + " bytes exceeds " + WireLimits.MAX_FRAME_BYTES);
        }
        return frame;
    }

    /** Decodes untrusted bytes; bounded before allocation, canonical, never throws. */
    public static Decoded<Frame> decode(byte[] frame) {
        if (frame == null) {
            return Decoded.error("no frame");
        }
        if (frame.length > WireLimits.MAX_FRAME_BYTES) {
            return Decoded.error("frame of " + frame.length + " bytes exceeds " + WireLimits.MAX_FRAME_BYTES);
        }
        try {
            Frame f = read(new FrameReader(frame));
            // Canonical: the one encoding of this message must be exactly the input.
            if (!Arrays.equals(encode(f.tag(), f.message()), frame)) {
                return Decoded.error("non-canonical encoding");
            }
            return Decoded.of(f);
        } catch (WireException e) {
            return Decoded.error(e.getMessage());
        } catch (RuntimeException e) {
            // A record's own validation refused a decoded field; still the peer's fault, not ours.
            return Decoded.error("rejected: " + e);
        }
    }

    private static Frame read(FrameReader r) throws WireException {
        if (r.u8() != MAGIC_0 || r.u8() != MAGIC_1) {
            throw new WireException("bad magic");
        }
        int version = r.u8();
        if (version != VERSION) {
            throw new WireException("unsupported version " + version);
        }
        int len = r.u16();
        if (len > WireLimits.MAX_TAG_CHARS) {
            throw new WireException("tag of " + len + " characters exceeds " + WireLimits.MAX_TAG_CHARS);
        }
        String text = new String(r.raw(len), StandardCharsets.US_ASCII);
        Optional<Tag> tag = Tag.parse(text);
        if (tag.isEmpty()) {
            throw new WireException("invalid tag");
        }
        int family = r.u8();
        Object message = switch (family) {
            case 0 -> BroadcastCodec.rbc(r);
            case 1 -> BroadcastCodec.cbc(r);
            case 2 -> BroadcastCodec.coin(r);
            case 3 -> AgreementCodec.aba(r);
            case 4 -> AgreementCodec.mvba(r);
            case 5 -> OrderingCodec.abc(r);
            case 6 -> OrderingCodec.scabc(r);
            case 7 -> OrderingCodec.stack(r);
            case 8 -> OrderingCodec.catchUp(r);
            case 9 -> CertCodec.cert(r);
            default -> throw new WireException("unknown family " + family);
        };
        if (r.remaining() != 0) {
            throw new WireException(r.remaining() + " trailing bytes");
        }
        return new Frame(tag.get(), message);
    }
}
