package org.sintraee.runtime.journal;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sintraee.protocol.core.Bytes;

/**
 * Reads a live journal's deliveries back by seq, for consumers that begin after the node's
 * listener showed them (the resource adapter's message endpoints resume at their own
 * position). Obtained from {@link Journal#deliveryReader()}, closed with the journal.
 *
 * <p>The caller bounds every read by the seqs the listener has shown ({@code toSeq}): those
 * deliveries, and every byte before them, are durable, so the reader never meets a frame the
 * node is still writing. Rounds come from the Decided markers after the deliveries (either kind:
 * the current one, whose proof lies in a proof segment, or an older journal's with its proof
 * inline), as in the node's replay; a delivery past the last marker gets the last marker's round + 1, a lower bound.
 *
 * <p>Memory is bounded: a sparse index of at most {@value #MAX_INDEX} positions (every
 * {@code stride}-th delivery, the stride doubling when it fills), a few resume hints, and one
 * batch of at most {@code max} deliveries and about {@value #BATCH_BYTES} bytes. It reads
 * through a {@link RandomAccessFile}, which an interrupt does not close (an interruptible
 * channel would be closed under a consumer's interrupted thread).
 */
public final class DeliveryReader implements Closeable {
    /** A journaled delivery with its round. */
    public record Entry(long seq, long round, Bytes request) {
        public Entry {
            Objects.requireNonNull(request, "request");
        }
    }

    static final int MAX_INDEX = 4096;
    static final int BATCH_BYTES = 4 * 1024 * 1024;
    private static final int HINTS = 16;

    /** Scanning from {@code offset}, the next delivery met is {@code seq}; {@code lastRound}: the last marker before, or -1. */
    private record Position(long seq, long offset, long lastRound) {
    }

    private final Path file;
    private final RandomAccessFile in;
    private final List<Position> index = new ArrayList<>();
    private final int maxIndex;
    private long stride;
    private final Map<Long, Position> hints = new LinkedHashMap<>(HINTS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Position> eldest) {
            return size() > HINTS;
        }
    };
    private boolean closed;

    private DeliveryReader(Path file, RandomAccessFile in, int maxIndex, long stride) {
        this.file = file;
        this.in = in;
        this.maxIndex = maxIndex;
        this.stride = stride;
    }

    static DeliveryReader open(Path file) throws IOException {
        return open(file, MAX_INDEX, 64);
    }

    /** Test seam: a small index shows its thinning. */
    static DeliveryReader open(Path file, int maxIndex, long stride) throws IOException {
        return new DeliveryReader(file, new RandomAccessFile(file.toFile(), "r"), maxIndex, stride);
    }

    /** Positions held by the sparse index (at most the configured maximum). */
    synchronized int indexSize() {
        return index.size();
    }

    /**
     * Up to {@code max} consecutive deliveries from {@code fromSeq}, all below {@code toSeq}
     * (fewer if their bytes pass about {@value #BATCH_BYTES}, but at least one if {@code fromSeq < toSeq}).
     *
     * @param toSeq one past the last seq the caller knows durable (the listener showed {@code toSeq - 1})
     * @throws JournalCorruptException if the deliveries below {@code toSeq} are not in the file, in order
     * @throws IOException             if reading fails or the reader is closed
     */
    public synchronized List<Entry> deliveries(long fromSeq, long toSeq, int max) throws IOException {
        return read(fromSeq, toSeq, max, true);
    }

    /**
     * As {@link #deliveries}, but each request as it was ordered: an encrypted one stays the
     * ciphertext the broadcast delivered (a restarted node feeds these to its decryption layer).
     */
    public synchronized List<Entry> ordered(long fromSeq, long toSeq, int max) throws IOException {
        return read(fromSeq, toSeq, max, false);
    }

    private List<Entry> read(long fromSeq, long toSeq, int max, boolean shown) throws IOException {
        if (fromSeq < 0 || toSeq < fromSeq || max < 1) {
            throw new IllegalArgumentException("fromSeq " + fromSeq + ", toSeq " + toSeq + ", max " + max
                    + ": need 0 <= fromSeq <= toSeq and max >= 1");
        }
        if (closed) {
            throw new IOException("the delivery reader of journal " + file + " is closed");
        }
        List<Entry> out = new ArrayList<>();
        if (fromSeq == toSeq) {
            return out;
        }
        Scan scan = new Scan(startFor(fromSeq), fromSeq);
        long bytes = 0;
        while (out.size() < max && scan.expect < toSeq && bytes < BATCH_BYTES) {
            Optional<Entry> d = scan.next();
            if (d.isPresent() && d.get().seq() >= fromSeq) {
                out.add(d.get());
                bytes += d.get().request().length();
            }
        }
        hints.put(scan.expect, new Position(scan.expect, scan.pos, scan.lastRound));
        scan.assignRounds(out);
        if (shown) {
            scan.showOpened(out);
        }
        return out;
    }

    private Position startFor(long seq) {
        Position hint = hints.get(seq);
        if (hint != null) {
            return hint;
        }
        Position best = new Position(0, 0, -1); // a node's journal starts at seq 0 (Recovery enforces it)
        int lo = 0;
        int hi = index.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (index.get(mid).seq() <= seq) {
                best = index.get(mid);
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    private void indexed(Position p) {
        long last = index.isEmpty() ? 0 : index.get(index.size() - 1).seq();
        if (p.seq() <= last || p.seq() % stride != 0) {
            return;
        }
        while (index.size() >= maxIndex) { // thin out: keep every other position, double the stride
            stride *= 2;
            index.removeIf(e -> e.seq() % stride != 0);
        }
        if (p.seq() % stride == 0) {
            index.add(p);
        }
    }

    /** One forward scan: a cursor over frames, the next expected seq and the last marker seen. */
    private final class Scan {
        long pos;
        long expect;
        long lastRound;
        private final long fromSeq;
        /** Next seq after -> round, of the markers met that cover seqs from fromSeq on, in file order. */
        private final Map<Long, Long> rounds = new LinkedHashMap<>();
        /** Encrypted deliveries of this batch whose opened record was not met yet. */
        private final java.util.Set<Long> awaiting = new java.util.HashSet<>();
        /** What the opened records met show for them (see {@link OpenedRecords}). */
        private final Map<Long, byte[]> opened = new java.util.HashMap<>();

        Scan(Position start, long fromSeq) {
            pos = start.offset();
            expect = start.seq();
            lastRound = start.lastRound();
            this.fromSeq = fromSeq;
        }

        /**
         * Steps over one frame that must be whole (it lies before a durable delivery); returns it
         * if it is a delivery. Markers update the round of the deliveries scanned so far.
         */
        Optional<Entry> next() throws IOException {
            long size = in.length();
            if (size - pos < JournalFormat.HEADER + 1) {
                throw new JournalCorruptException(file, pos, "delivery " + expect + " is not in the file");
            }
            ByteBuffer header = read(pos, JournalFormat.HEADER + 1);
            int length = header.getInt(0);
            if (length < 1 || length > JournalFormat.MAX_RECORD || length > size - pos - JournalFormat.HEADER) {
                throw new JournalCorruptException(file, pos, "impossible length " + length + " while reading deliveries");
            }
            long frame = pos;
            byte type = header.get(JournalFormat.HEADER);
            pos += JournalFormat.HEADER + length;
            if (type == JournalFormat.DELIVERY) {
                JournalRecord.Delivery d = delivery(frame, header, length);
                if (d.seq() != expect) {
                    throw new JournalCorruptException(file, frame, "delivery " + d.seq() + " where " + expect + " was due");
                }
                indexed(new Position(expect, frame, lastRound));
                expect++;
                if (d.seq() >= fromSeq && encrypted(d.request())) {
                    awaiting.add(d.seq());
                }
                return Optional.of(new Entry(d.seq(), -1, d.request()));
            } else if (JournalFormat.isMarker(type)) {
                JournalRecord.Decided m = decided(frame, header, length).orElseThrow(
                        () -> new JournalCorruptException(file, frame, "damaged decided record"));
                marker(m);
            } else if (type == JournalFormat.DURABLE && !awaiting.isEmpty()) {
                openedRecord(frame, header, length);
            }
            return Optional.empty();
        }

        private void marker(JournalRecord.Decided m) {
            lastRound = m.round();
            if (m.nextSeqAfter() > fromSeq) { // earlier markers only matter as lastRound
                rounds.putIfAbsent(m.nextSeqAfter(), m.round()); // a later empty round repeats the next seq
            }
        }

        /**
         * Gives each entry its round: from the markers met so far, else scanning on (past toSeq,
         * so only frames already whole) to the next marker; past the file's last one, lastRound + 1.
         */
        void assignRounds(List<Entry> out) throws IOException {
            if (out.isEmpty()) {
                return;
            }
            long lastSeq = out.get(out.size() - 1).seq();
            while (markerCovering(lastSeq) < 0 && lookAhead()) {
                // each step reads one more whole frame
            }
            for (int i = 0; i < out.size(); i++) {
                Entry e = out.get(i);
                long round = markerCovering(e.seq());
                out.set(i, new Entry(e.seq(), round >= 0 ? round : lastRound + 1, e.request()));
            }
        }

        /** The round of the first marker met whose next seq passes {@code seq}, or -1. */
        private long markerCovering(long seq) {
            for (Map.Entry<Long, Long> m : rounds.entrySet()) {
                if (m.getKey() > seq) {
                    return m.getValue();
                }
            }
            return -1;
        }

        /** Reads one more frame if it is whole (the node may be writing the tail); false at the end. */
        private boolean lookAhead() throws IOException {
            long size = in.length();
            if (size - pos < JournalFormat.HEADER + 1) {
                return false;
            }
            ByteBuffer header = read(pos, JournalFormat.HEADER + 1);
            int length = header.getInt(0);
            if (length < 1 || length > JournalFormat.MAX_RECORD || length > size - pos - JournalFormat.HEADER) {
                return false;
            }
            if (JournalFormat.isMarker(header.get(JournalFormat.HEADER))) {
                Optional<JournalRecord.Decided> m = decided(pos, header, length);
                if (m.isEmpty()) {
                    return false; // still being written
                }
                marker(m.get());
            } else if (header.get(JournalFormat.HEADER) == JournalFormat.DURABLE && !awaiting.isEmpty()
                    && !openedRecord(pos, header, length)) {
                return false; // still being written
            }
            pos += JournalFormat.HEADER + length;
            return true;
        }

        /**
         * Shows each encrypted delivery of the batch as its opened record says (scanning on, over
         * whole frames only: the record is durable before the listener shows its seq). One without
         * a record (a node without a decryption key releases them unopened) stays as ordered.
         */
        void showOpened(List<Entry> out) throws IOException {
            while (!awaiting.isEmpty() && lookAhead()) {
                // each step reads one more whole frame
            }
            for (int i = 0; i < out.size(); i++) {
                Entry e = out.get(i);
                byte[] shown = opened.get(e.seq());
                if (shown != null) {
                    out.set(i, new Entry(e.seq(), e.round(), Bytes.of(shown)));
                }
            }
        }

        /** Notes the frame if it is an awaited opened record; false if its checksum does not match. */
        private boolean openedRecord(long frame, ByteBuffer header, int length) throws IOException {
            Optional<ByteBuffer> body = checked(frame, header, length);
            if (body.isEmpty()) {
                return false;
            }
            Optional<JournalRecord> r = JournalFormat.decode(body.get(), frame);
            if (r.isPresent() && r.get() instanceof JournalRecord.Durable d) {
                OpenedRecords.seqOf(d.record()).filter(awaiting::remove)
                        .ifPresent(seq -> opened.put(seq, OpenedRecords.shown(d.record())));
            }
            return true;
        }
    }

    private static boolean encrypted(Bytes request) {
        ByteBuffer b = request.asReadOnlyBuffer();
        byte[] head = new byte[Math.min(OpenedRecords.MARKER.length, b.remaining())];
        b.get(head);
        return OpenedRecords.isEncrypted(head);
    }

    private JournalRecord.Delivery delivery(long frame, ByteBuffer header, int length) throws IOException {
        ByteBuffer typeAndBody = checked(frame, header, length)
                .orElseThrow(() -> new JournalCorruptException(file, frame, "checksum mismatch in a delivery"));
        return JournalFormat.decode(typeAndBody, frame)
                .filter(JournalRecord.Delivery.class::isInstance)
                .map(JournalRecord.Delivery.class::cast)
                .orElseThrow(() -> new JournalCorruptException(file, frame, "delivery record does not decode"));
    }

    /** The Decided marker (either kind: proof inline, or elsewhere) at {@code frame}, if whole and intact. */
    private Optional<JournalRecord.Decided> decided(long frame, ByteBuffer header, int length) throws IOException {
        return checked(frame, header, length).flatMap(b -> JournalFormat.decode(b, frame))
                .filter(JournalRecord.Decided.class::isInstance).map(JournalRecord.Decided.class::cast);
    }

    /** Type and body of the frame at {@code frame} if its CRC matches. */
    private Optional<ByteBuffer> checked(long frame, ByteBuffer header, int length) throws IOException {
        ByteBuffer typeAndBody = read(frame + JournalFormat.HEADER, length);
        int crc = JournalFormat.crc(header.duplicate().position(0).limit(4), typeAndBody.duplicate());
        return crc == header.getInt(4) ? Optional.of(typeAndBody) : Optional.empty();
    }

    private ByteBuffer read(long at, int length) throws IOException {
        byte[] bytes = new byte[length];
        in.seek(at);
        in.readFully(bytes);
        return ByteBuffer.wrap(bytes);
    }

    /** Closes the file; later reads fail. Called by the journal after it released its lock. */
    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            in.close();
        }
    }
}
