package org.sintraee.runtime.journal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.sintraee.api.CheckpointCertificate;
import org.sintraee.api.OrderHashes;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.Tag;

/** The record framing and bodies (see package-info). Package-private: tests craft raw frames with it. */
final class JournalFormat {
    /** Bytes before the type: length and CRC. */
    static final int HEADER = 8;
    /** Largest payload (durable data or request) a record may carry. */
    static final int MAX_DATA = 16 * 1024 * 1024;
    /** Largest value of the length field (type + body): the payload plus room for the fields. */
    static final int MAX_RECORD = MAX_DATA + 64 * 1024;
    /** Bound on the step name of a durable record (a short word such as "pre-vote/3"). */
    static final int MAX_WHAT = 1024;

    static final byte DURABLE = 1;
    static final byte DELIVERY = 2;
    /** A Decided marker with its proof inline: written by older versions, still read. */
    static final byte DECIDED = 3;
    static final byte CHECKPOINT = 4;
    /** A Decided marker whose proof lies in a proof segment (or that has none). */
    static final byte DECIDED_AT = 5;
    /** A round's proof, in a proof segment (never in the main file). */
    static final byte PROOF = 6;

    private JournalFormat() {
    }

    /** The frame of a legacy Decided record carrying its proof inline (tests craft old journals with it). */
    static ByteBuffer decidedFrame(long round, long nextSeqAfter, byte[] proof) {
        check(proof.length <= MAX_DATA, "proof longer than " + MAX_DATA + " bytes");
        byte[] body = ByteBuffer.allocate(8 + 8 + 4 + proof.length).putLong(round).putLong(nextSeqAfter)
                .putInt(proof.length).put(proof).array();
        return frame(DECIDED, body);
    }

    /**
     * The frame of a Decided marker whose proof is at {@code location} in its proof segment, or
     * {@link Journal#NO_PROOF}.
     */
    static ByteBuffer decidedAtFrame(long round, long nextSeqAfter, long location) {
        check(validLocation(location), "proof location " + location);
        return frame(DECIDED_AT, ByteBuffer.allocate(8 + 8 + 8).putLong(round).putLong(nextSeqAfter)
                .putLong(location).array());
    }

    /** The frame of round {@code round}'s proof, for a proof segment: {@code round u64 | proof bytes}. */
    static ByteBuffer proofFrame(long round, byte[] proof) {
        check(proof.length <= MAX_DATA, "proof longer than " + MAX_DATA + " bytes");
        return frame(PROOF, ByteBuffer.allocate(8 + proof.length).putLong(round).put(proof).array());
    }

    /** A type-5 marker's location: no proof, or an offset in a segment (never flagged inline). */
    private static boolean validLocation(long location) {
        return location == Journal.NO_PROOF || (location >= 0 && location < Journal.INLINE);
    }

    /** The whole frame of a record; IllegalArgumentException if it exceeds the bounds (local misuse). */
    static ByteBuffer frame(JournalRecord record) {
        byte[] body;
        byte type;
        if (record instanceof JournalRecord.Decided) {
            throw new IllegalArgumentException("a decided marker is framed with its location: decidedAtFrame");
        } else if (record instanceof JournalRecord.Checkpoint c) {
            type = CHECKPOINT;
            byte[] certificate = c.certificate().toBytes();
            ByteBuffer b = ByteBuffer.allocate(4 + certificate.length + 4 + c.leaves().size() * OrderHashes.HASH_BYTES)
                    .putInt(certificate.length).put(certificate).putInt(c.leaves().size());
            c.leaves().forEach(leaf -> b.put(leaf.toArray()));
            body = b.array();
        } else if (record instanceof JournalRecord.Durable d) {
            type = DURABLE;
            byte[] tag = d.record().tag().toString().getBytes(StandardCharsets.US_ASCII);
            byte[] what = d.record().what().getBytes(StandardCharsets.UTF_8);
            byte[] data = d.record().data();
            check(what.length <= MAX_WHAT, "step name longer than " + MAX_WHAT + " bytes");
            check(data.length <= MAX_DATA, "durable data longer than " + MAX_DATA + " bytes");
            body = ByteBuffer.allocate(2 + tag.length + 2 + what.length + 4 + data.length)
                    .putShort((short) tag.length).put(tag)
                    .putShort((short) what.length).put(what)
                    .putInt(data.length).put(data).array();
        } else {
            JournalRecord.Delivery r = (JournalRecord.Delivery) record;
            type = DELIVERY;
            byte[] request = r.request().toArray();
            check(request.length <= MAX_DATA, "request longer than " + MAX_DATA + " bytes");
            body = ByteBuffer.allocate(8 + 4 + request.length).putLong(r.seq()).putInt(request.length).put(request)
                    .array();
        }
        return frame(type, body);
    }

    private static ByteBuffer frame(byte type, byte[] body) {
        int length = 1 + body.length;
        ByteBuffer frame = ByteBuffer.allocate(HEADER + length);
        frame.putInt(length).putInt(0).put(type).put(body).flip();
        frame.putInt(4, crc(frame.duplicate().position(0).limit(4), frame.duplicate().position(HEADER)));
        return frame;
    }

    /** CRC32C over the length field and the type + body. */
    static int crc(ByteBuffer lengthField, ByteBuffer typeAndBody) {
        CRC32C crc = new CRC32C();
        crc.update(lengthField);
        crc.update(typeAndBody);
        return (int) crc.getValue();
    }

    /** A Decided body: round, next seq, the proof. */
    record DecidedBody(long round, long nextSeqAfter, byte[] proof) {
    }

    /** Decodes the type + body of a Decided frame whose CRC matched; empty if it is another type or does not parse. */
    static Optional<DecidedBody> decodeDecided(ByteBuffer typeAndBody) {
        try {
            if (typeAndBody.get() != DECIDED) {
                return Optional.empty();
            }
            long round = typeAndBody.getLong();
            long next = typeAndBody.getLong();
            byte[] proof = bytes(typeAndBody, typeAndBody.getInt());
            if (round < 0 || next < 0 || typeAndBody.hasRemaining()) {
                return Optional.empty();
            }
            return Optional.of(new DecidedBody(round, next, proof));
        } catch (BufferUnderflowException e) {
            return Optional.empty();
        }
    }

    /** A proof frame's body: the round and its proof. */
    record ProofBody(long round, byte[] proof) {
    }

    /** Decodes the type + body of a proof frame whose CRC matched; empty if it is another type or does not parse. */
    static Optional<ProofBody> decodeProof(ByteBuffer typeAndBody) {
        try {
            if (typeAndBody.get() != PROOF) {
                return Optional.empty();
            }
            long round = typeAndBody.getLong();
            return round < 0 ? Optional.empty() : Optional.of(new ProofBody(round, bytes(typeAndBody,
                    typeAndBody.remaining())));
        } catch (BufferUnderflowException e) {
            return Optional.empty();
        }
    }

    /** Whether a frame of this type is a Decided marker (either kind). */
    static boolean isMarker(byte type) {
        return type == DECIDED || type == DECIDED_AT;
    }

    /**
     * Decodes type + body of a main-file frame whose CRC matched, found at byte {@code offset};
     * empty if they do not parse exactly. A Decided marker comes back without its proof: a
     * legacy one (type 3) with its own offset flagged {@link Journal#INLINE} as the location.
     */
    static Optional<JournalRecord> decode(ByteBuffer typeAndBody, long offset) {
        if (typeAndBody.get(typeAndBody.position()) == DECIDED) {
            return decodeDecided(typeAndBody)
                    .map(d -> new JournalRecord.Decided(d.round(), d.nextSeqAfter(), offset | Journal.INLINE));
        }
        try {
            byte type = typeAndBody.get();
            JournalRecord record;
            if (type == DECIDED_AT) {
                long round = typeAndBody.getLong();
                long next = typeAndBody.getLong();
                long location = typeAndBody.getLong();
                if (round < 0 || next < 0 || !validLocation(location)) {
                    return Optional.empty();
                }
                record = new JournalRecord.Decided(round, next, location);
            } else if (type == DURABLE) {
                Optional<Tag> tag = Tag.parse(ascii(typeAndBody, typeAndBody.getShort() & 0xFFFF));
                int whatLength = typeAndBody.getShort() & 0xFFFF;
                if (tag.isEmpty() || whatLength > MAX_WHAT) {
                    return Optional.empty();
                }
                byte[] what = bytes(typeAndBody, whatLength);
                byte[] data = bytes(typeAndBody, typeAndBody.getInt());
                record = new JournalRecord.Durable(
                        new DurableRecord(tag.get(), new String(what, StandardCharsets.UTF_8), data));
            } else if (type == DELIVERY) {
                long seq = typeAndBody.getLong();
                record = new JournalRecord.Delivery(seq, bytes(typeAndBody, typeAndBody.getInt()));
            } else if (type == CHECKPOINT) {
                CheckpointCertificate certificate = CheckpointCertificate.fromBytes(
                        bytes(typeAndBody, typeAndBody.getInt()));
                int count = typeAndBody.getInt();
                if (count != certificate.rounds()) {
                    return Optional.empty();
                }
                List<Bytes> leaves = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    leaves.add(Bytes.of(bytes(typeAndBody, OrderHashes.HASH_BYTES)));
                }
                record = new JournalRecord.Checkpoint(certificate, leaves, offset);
            } else {
                return Optional.empty();
            }
            return typeAndBody.hasRemaining() ? Optional.empty() : Optional.of(record);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String ascii(ByteBuffer in, int length) {
        return new String(bytes(in, length), StandardCharsets.US_ASCII);
    }

    /** Reads length bytes, checked against what is left before allocating. */
    private static byte[] bytes(ByteBuffer in, int length) {
        if (length < 0 || length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] out = new byte[length];
        in.get(out);
        return out;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
