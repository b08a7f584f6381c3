package org.sintraee.runtime.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sintraee.api.CheckpointCertificate;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.DurableRecord;

/**
 * The append-only journal of one replica (see package-info for framing, recovery and the
 * durability contract). Local misuse (appending after close or after a failed write, a
 * delivery out of sequence, a record past the size bounds) throws IllegalStateException or
 * IllegalArgumentException.
 */
public final class Journal implements Closeable {
    /** The file inside the data directory. */
    public static final String FILE_NAME = "journal.log";
    /** The location of a round decided without its proof: {@link #readDecided} reads it as empty. */
    public static final long NO_PROOF = -1;
    /**
     * Flags a location as a legacy marker's own main-file offset, its proof inline (markers of
     * type 3, written by older versions); other locations are offsets in a proof segment.
     */
    public static final long INLINE = 1L << 62;
    private static final Logger LOG = Logger.getLogger(Journal.class.getName());

    private final Path file;
    private final FsyncPolicy policy;
    private final FileChannel channel;
    private final FileLock lock;
    private final ProofSegments proofs;
    /** Where the records read back on open end, and how many there are. */
    private final long recoveredEnd;
    private final long recoveredCount;
    private final long tailCut;
    private long end;
    private long lastSeq;
    private boolean hasSeq;
    private long lastDecided = -1;
    private long lastNextSeq;
    private long lastCheckpoint;
    private long lastCheckpointSeq;
    private boolean broken;
    private boolean closed;
    private DeliveryReader reader;

    private Journal(Path file, FsyncPolicy policy, FileChannel channel, FileLock lock, ProofSegments proofs,
            JournalScanner.Result result, long tailCut) {
        this.file = file;
        this.policy = policy;
        this.channel = channel;
        this.lock = lock;
        this.proofs = proofs;
        this.recoveredEnd = result.goodEnd();
        this.recoveredCount = result.records();
        this.tailCut = tailCut;
        this.end = result.goodEnd();
        this.hasSeq = result.lastSeq() >= 0;
        this.lastSeq = Math.max(0, result.lastSeq());
        this.lastDecided = result.lastDecided();
        this.lastNextSeq = result.lastNextSeq();
        this.lastCheckpoint = result.lastCheckpoint();
        this.lastCheckpointSeq = result.lastCheckpointSeq();
    }

    /**
     * Opens (creating if needed) the journal in dir and recovers it: a torn tail is cut with a
     * WARNING, any other damage is a {@link JournalCorruptException}; proof segments that start
     * past the last recovered marker (a crash lost their markers) are deleted with a WARNING.
     */
    public static Journal open(Path dir, FsyncPolicy policy) throws IOException {
        Objects.requireNonNull(policy, "policy");
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE_NAME);
        boolean created = !Files.exists(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = lockOf(channel, file);
            if (created && policy == FsyncPolicy.ALWAYS) {
                syncDirectory(dir); // the new file's directory entry must survive a crash too
            }
            JournalScanner.Result result = new JournalScanner(channel, file).scan(r -> { }); // checks only: nothing held
            long cut = channel.size() - result.goodEnd();
            if (cut > 0) {
                // offsets and sizes only: records may hold client requests and key shares
                LOG.log(Level.WARNING, "journal {0}: {1} at byte offset {2}; cutting {3} bytes of torn tail",
                        new Object[] {file, result.damage(), Long.toString(result.goodEnd()), Long.toString(cut)});
                channel.truncate(result.goodEnd());
                if (policy == FsyncPolicy.ALWAYS) {
                    channel.force(true);
                }
            }
            ProofSegments proofs = ProofSegments.open(dir, policy, result.lastDecided());
            return new Journal(file, policy, channel, lock, proofs, result, cut);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static FileLock lockOf(FileChannel channel, Path file) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new IOException("journal " + file + " is in use by another process or journal");
        }
        return lock;
    }

    static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some platforms cannot open or force a directory; the file's own force still holds
            LOG.log(Level.FINE, "cannot force directory " + dir, e);
        }
    }

    /** Whether the journal held records when it was opened (a restart rather than a new server). */
    public synchronized boolean hadRecords() {
        return recoveredCount > 0;
    }

    /**
     * Reads the records found on open again, in append order, handing each to {@code visitor}
     * (one record in memory at a time, however long the journal). The file was checked on open;
     * damage found now (the file changed under the journal) is a {@link JournalCorruptException}.
     */
    public synchronized void replay(Consumer<JournalRecord> visitor) throws IOException {
        Objects.requireNonNull(visitor, "visitor");
        if (closed) {
            throw new IllegalStateException("journal " + file + " is closed");
        }
        JournalScanner.Result again = new JournalScanner(channel, file, recoveredEnd).scan(visitor);
        if (again.goodEnd() != recoveredEnd) {
            throw new JournalCorruptException(file, again.goodEnd(), "the journal changed since it was opened: "
                    + again.damage());
        }
    }

    /** The records read back on open, in append order, all in memory: for tests and tools (a node uses {@link #replay}). */
    public List<JournalRecord> recovered() throws IOException {
        List<JournalRecord> out = new ArrayList<>();
        replay(out::add);
        return out;
    }

    /** Bytes of torn tail cut on open (0 if the file was clean). */
    public long tailCut() {
        return tailCut;
    }

    /** The last delivered sequence number, recovered or appended. */
    public synchronized OptionalLong lastDeliverySeq() {
        return hasSeq ? OptionalLong.of(lastSeq) : OptionalLong.empty();
    }

    public FsyncPolicy policy() {
        return policy;
    }

    /** Appends a step's durable record; durable only after {@link #sync()}. */
    public synchronized void append(DurableRecord record) throws IOException {
        write(new JournalRecord.Durable(record));
    }

    /**
     * Appends a delivery. The first may carry any non-negative number; each later one must be
     * the previous plus one.
     */
    public synchronized void appendDelivery(long seq, byte[] request) throws IOException {
        if (seq < 0 || (hasSeq && seq != lastSeq + 1)) {
            throw new IllegalArgumentException("delivery " + seq + " out of sequence after "
                    + (hasSeq ? Long.toString(lastSeq) : "none"));
        }
        write(new JournalRecord.Delivery(seq, request));
        lastSeq = seq;
        hasSeq = true;
    }

    /**
     * Appends "round {@code round} is decided, the next delivery after it is {@code nextSeqAfter}"
     * after the round's deliveries: the round's proof to the current proof segment, then the
     * marker to the main file. Rounds must grow, next seqs must not shrink nor pass the
     * deliveries appended. Returns the proof's location for {@link #readDecided}.
     */
    public synchronized long appendDecided(long round, long nextSeqAfter, byte[] proof) throws IOException {
        Objects.requireNonNull(proof, "proof");
        checkDecidedOrder(round, nextSeqAfter);
        checkOpen();
        ByteBuffer frame = JournalFormat.proofFrame(round, proof); // bounds checked before anything is written
        long location;
        try {
            location = proofs.append(round, frame);
        } catch (IOException e) {
            broken = true; // a partial proof may be on disk: only recovery may continue from here
            throw e;
        }
        writeMarker(round, nextSeqAfter, location);
        return location;
    }

    /**
     * Appends "round {@code round} is decided, the next delivery after it is {@code nextSeqAfter}"
     * for a round taken without its proof (state transfer from a checkpoint); the same order
     * rules as {@link #appendDecided}. Returns {@link #NO_PROOF}, which {@link #readDecided} reads
     * as empty.
     */
    public synchronized long appendDecidedWithoutProof(long round, long nextSeqAfter) throws IOException {
        checkDecidedOrder(round, nextSeqAfter);
        checkOpen();
        writeMarker(round, nextSeqAfter, NO_PROOF);
        return NO_PROOF;
    }

    private void checkDecidedOrder(long round, long nextSeqAfter) {
        long held = hasSeq ? lastSeq + 1 : 0;
        if (round <= lastDecided || nextSeqAfter < lastNextSeq || nextSeqAfter > held) {
            throw new IllegalArgumentException("decided round " + round + " (next seq " + nextSeqAfter
                    + ") after round " + lastDecided + " (next seq " + lastNextSeq + "), deliveries up to " + (held - 1));
        }
    }

    private void writeMarker(long round, long nextSeqAfter, long location) throws IOException {
        writeFrame(JournalFormat.decidedAtFrame(round, nextSeqAfter, location));
        lastDecided = round;
        lastNextSeq = nextSeqAfter;
    }

    /**
     * Appends a certified checkpoint with its interval's round leaves, after its last round's
     * Decided record: rounds must grow, next seqs must not shrink, and both must be covered by
     * the Decided records appended. Returns the record's offset for {@link #readCheckpoint}.
     */
    public synchronized long appendCheckpoint(CheckpointCertificate certificate, List<Bytes> leaves)
            throws IOException {
        long round = certificate.round();
        long next = certificate.nextSeq();
        if (round <= lastCheckpoint || next < lastCheckpointSeq || round > lastDecided || next > lastNextSeq) {
            throw new IllegalArgumentException("checkpoint of round " + round + " (next seq " + next + ") after"
                    + " checkpoint round " + lastCheckpoint + ", decided through round " + lastDecided + " (next seq "
                    + lastNextSeq + ")");
        }
        JournalRecord.Checkpoint record = new JournalRecord.Checkpoint(certificate, leaves, -1);
        long at = end;
        write(record);
        lastCheckpoint = round;
        lastCheckpointSeq = next;
        return at;
    }

    /**
     * Reads back the Checkpoint record at {@code offset} (from {@link #appendCheckpoint} or a
     * recovered one), checking its CRC.
     *
     * @throws JournalCorruptException if no intact Checkpoint record starts there
     */
    public synchronized JournalRecord.Checkpoint readCheckpoint(long offset) throws IOException {
        ByteBuffer typeAndBody = readFrame(offset);
        if (typeAndBody.get(typeAndBody.position()) == JournalFormat.CHECKPOINT) {
            Optional<JournalRecord> r = JournalFormat.decode(typeAndBody, offset);
            if (r.isPresent() && r.get() instanceof JournalRecord.Checkpoint c) {
                return c;
            }
        }
        throw new JournalCorruptException(file, offset, "not a checkpoint record");
    }

    /**
     * Starts a new proof segment with the next proof appended, so that the rounds before it can
     * be pruned as one file. The current segment's proofs are still forced by the next {@link #sync}.
     */
    public synchronized void rollProofs() throws IOException {
        checkOpen();
        proofs.roll();
    }

    /**
     * Deletes every proof segment all of whose rounds are at or below {@code throughRound} (the
     * next segment's first round - 1 is), never the one being written; returns how many. Their
     * Decided markers, the deliveries and the checkpoints stay in the main file, and
     * {@link #readDecided} reads those rounds as empty from then on.
     */
    public synchronized int pruneProofs(long throughRound) throws IOException {
        checkOpen();
        return proofs.prune(throughRound);
    }

    /**
     * Reads back round {@code round}'s proof at {@code location} (from {@link #appendDecided} or a
     * recovered {@link JournalRecord.Decided}), checking its CRC and round. May be called before
     * the proof is synced (it is read from the file, through the page cache). Empty if no proof is
     * held for the round: taken without one ({@link #NO_PROOF}), or its segment was pruned.
     *
     * @throws JournalCorruptException (the segment or main file, the offset) if no intact proof of
     *                                 that round is at the location
     */
    public synchronized Optional<byte[]> readDecided(long round, long location) throws IOException {
        if (closed) {
            throw new IllegalStateException("journal " + file + " is closed");
        }
        if (location == NO_PROOF) {
            return Optional.empty();
        }
        if (location < 0) {
            throw new IllegalArgumentException("proof location " + location);
        }
        if ((location & INLINE) == 0) {
            return proofs.read(round, location);
        }
        long offset = location & ~INLINE; // a legacy marker with its proof inline, in the main file
        JournalFormat.DecidedBody d = JournalFormat.decodeDecided(readFrame(offset)).orElseThrow(
                () -> new JournalCorruptException(file, offset, "not a decided record"));
        if (d.round() != round) {
            throw new JournalCorruptException(file, offset, "the decided record of round " + d.round() + ", not " + round);
        }
        return Optional.of(d.proof());
    }

    /** Type and body of the intact main-file record at offset, CRC checked. */
    private ByteBuffer readFrame(long offset) throws IOException {
        if (closed) {
            throw new IllegalStateException("journal " + file + " is closed");
        }
        return FrameReads.readFrame(channel, file, offset, end);
    }

    /**
     * The reader of this journal's deliveries by seq (one per journal, opened on first use, closed
     * with the journal). Its own file handle is closed only after the journal's, because on some
     * systems closing any handle of a file drops the process's lock on it.
     */
    public synchronized DeliveryReader deliveryReader() throws IOException {
        if (closed) {
            throw new IllegalStateException("journal " + file + " is closed");
        }
        if (reader == null) {
            reader = DeliveryReader.open(file);
        }
        return reader;
    }

    /**
     * Makes everything appended so far durable per the policy; call before the step's messages
     * leave. Proofs are forced before the main file, so a synced marker never points at a lost proof.
     */
    public synchronized void sync() throws IOException {
        checkOpen();
        if (policy == FsyncPolicy.ALWAYS) {
            try {
                proofs.force();
                channel.force(true);
            } catch (IOException e) {
                broken = true; // after a failed fsync the page cache state is unknown: stop
                throw e;
            }
        }
    }

    private void write(JournalRecord record) throws IOException {
        checkOpen();
        writeFrame(JournalFormat.frame(record));
    }

    private void writeFrame(ByteBuffer frame) throws IOException {
        checkOpen();
        try {
            long at = end;
            while (frame.hasRemaining()) {
                at += channel.write(frame, at);
            }
            end = at;
        } catch (IOException e) {
            broken = true; // a partial frame may be on disk: only recovery may continue from here
            throw e;
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("journal " + file + " is closed");
        }
        if (broken) {
            throw new IllegalStateException("journal " + file + " failed a write; reopen to recover");
        }
    }

    /** Syncs (per the policy, unless a write failed) and releases the file. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (!broken) {
                sync();
            }
        } finally {
            closed = true;
            try {
                lock.release();
            } finally {
                try {
                    channel.close();
                } finally {
                    try {
                        proofs.close();
                    } finally {
                        if (reader != null) {
                            reader.close();
                        }
                    }
                }
            }
        }
    }
}
