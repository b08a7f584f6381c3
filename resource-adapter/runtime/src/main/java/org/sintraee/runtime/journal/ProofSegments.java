package org.sintraee.runtime.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The proof segments of one journal (see package-info): files in {@code proofs/}, each named by
 * the first round it may hold, holding that round up to (excluding) the next segment's first
 * round. Appends go to the current segment, created on the first proof after open or after a
 * {@link #roll}; an old segment is never appended to again, so its torn tail (a crash) is never
 * read. Journal-internal: the {@link Journal} synchronizes, checks order and marks itself broken
 * when a write here fails.
 */
final class ProofSegments implements Closeable {
    /** The directory inside the data directory. */
    static final String DIR = "proofs";
    private static final Pattern NAME = Pattern.compile("[0-9]{20}\\.log");
    private static final Logger LOG = Logger.getLogger(Journal.class.getName());

    private final Path dir;
    private final FsyncPolicy policy;
    /** First round -> file, of every segment on disk (the current one included). */
    private final TreeMap<Long, Path> segments;
    private FileChannel current;
    private long currentFirst = -1;
    private long currentEnd;
    /** Proof bytes written to the current segment since the last force. */
    private boolean dirty;
    /** Segments rolled away from with proofs not forced yet: forced (and closed) by the next {@link #force}. */
    private final List<FileChannel> retired = new ArrayList<>();
    /** A segment file was created since the directory was last forced. */
    private boolean created;

    private ProofSegments(Path dir, FsyncPolicy policy, TreeMap<Long, Path> segments) {
        this.dir = dir;
        this.policy = policy;
        this.segments = segments;
    }

    /** The segment file's name for a first round: zero-padded, so that names sort as rounds do. */
    static String name(long firstRound) {
        return String.format("%020d.log", firstRound);
    }

    /**
     * Lists (creating if needed) the segments of the journal in {@code journalDir}, whose main file
     * recovered markers through {@code lastDecided} (-1: none). A segment whose first round is
     * past that holds only proofs whose markers a crash lost, so it is deleted (WARNING); a
     * file whose name is no segment's is left alone (WARNING).
     */
    static ProofSegments open(Path journalDir, FsyncPolicy policy, long lastDecided) throws IOException {
        Path dir = journalDir.resolve(DIR);
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            if (policy == FsyncPolicy.ALWAYS) {
                Journal.syncDirectory(journalDir);
            }
        }
        TreeMap<Long, Path> segments = new TreeMap<>();
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Optional<Long> first = firstRoundOf(f);
                if (first.isEmpty()) {
                    LOG.log(Level.WARNING, "journal {0}: ignoring {1}, which is no proof segment", new Object[] {dir,
                            f.getFileName()});
                } else if (first.get() > lastDecided) {
                    stale.add(f);
                } else {
                    segments.put(first.get(), f);
                }
            }
        }
        for (Path f : stale) {
            LOG.log(Level.WARNING, "journal {0}: deleting proof segment {1}: it starts past the last decided round {2},"
                    + " so a crash lost its markers", new Object[] {dir, f.getFileName(), Long.toString(lastDecided)});
            Files.delete(f);
        }
        return new ProofSegments(dir, policy, segments);
    }

    private static Optional<Long> firstRoundOf(Path f) {
        String name = f.getFileName().toString();
        if (!NAME.matcher(name).matches() || !Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(name.substring(0, 20)));
        } catch (NumberFormatException e) {
            return Optional.empty(); // 20 digits past Long.MAX_VALUE
        }
    }

    /**
     * Appends round {@code round}'s proof frame to the current segment (creating it, named by
     * {@code round}, if there is none) and returns the frame's offset in it. A file of that name
     * left by a crash is truncated: it held only proofs whose markers were lost.
     */
    long append(long round, ByteBuffer frame) throws IOException {
        if (current == null) {
            Path f = dir.resolve(name(round));
            if (Files.exists(f)) {
                LOG.log(Level.WARNING, "journal {0}: truncating proof segment {1} left by a crash", new Object[] {dir,
                        f.getFileName()});
            }
            current = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ,
                    StandardOpenOption.TRUNCATE_EXISTING);
            currentFirst = round;
            currentEnd = 0;
            segments.put(round, f);
            created = true;
        }
        long at = currentEnd;
        long pos = at;
        while (frame.hasRemaining()) {
            pos += current.write(frame, pos);
        }
        currentEnd = pos;
        dirty = true;
        return at;
    }

    /**
     * Forces the proofs appended since the last force, in the current segment and in those rolled
     * away from, and any new segment's directory entry (policy ALWAYS).
     */
    void force() throws IOException {
        if (policy != FsyncPolicy.ALWAYS) {
            return;
        }
        while (!retired.isEmpty()) {
            FileChannel old = retired.get(0);
            old.force(true);
            retired.remove(0);
            old.close();
        }
        if (dirty) {
            current.force(true);
            dirty = false;
        }
        if (created) {
            Journal.syncDirectory(dir);
            created = false;
        }
    }

    /**
     * Leaves the current segment: the next proof starts a new one. Its unforced proofs are forced
     * by the next {@link #force} (one fsync per sync, even across a roll), not here.
     */
    void roll() throws IOException {
        if (current == null) {
            return;
        }
        if (dirty && policy == FsyncPolicy.ALWAYS) {
            retired.add(current);
        } else {
            current.close();
        }
        current = null;
        currentFirst = -1;
        dirty = false;
    }

    /**
     * Deletes the segments whose rounds all lie at or below {@code throughRound} (the next
     * segment's first round - 1 is), never the current one; returns how many.
     */
    int prune(long throughRound) throws IOException {
        List<Long> firsts = new ArrayList<>(segments.keySet());
        int count = 0;
        long lastPruned = -1;
        // segment i holds rounds firsts[i] .. firsts[i + 1] - 1; the last one's rounds are unbounded
        for (int i = 0; i + 1 < firsts.size() && firsts.get(i + 1) - 1 <= throughRound; i++) {
            long first = firsts.get(i);
            if (first != currentFirst) {
                Files.deleteIfExists(segments.get(first));
                segments.remove(first);
                count++;
                lastPruned = firsts.get(i + 1) - 1;
            }
        }
        if (count > 0) {
            LOG.log(Level.INFO, "journal {0}: pruned {1} proof segments through round {2} (asked: {3}); {4} left",
                    new Object[] {dir, count, Long.toString(lastPruned), Long.toString(throughRound), segments.size()});
        }
        return count;
    }

    /**
     * Round {@code round}'s proof at {@code location} in the segment that holds the round; empty
     * if that segment was pruned.
     *
     * @throws JournalCorruptException (the segment, location) if no intact proof of that round is there
     */
    Optional<byte[]> read(long round, long location) throws IOException {
        Map.Entry<Long, Path> segment = segments.floorEntry(round);
        if (segment == null) {
            return Optional.empty(); // below the oldest segment: pruned
        }
        Path f = segment.getValue();
        ByteBuffer typeAndBody;
        if (segment.getKey() == currentFirst) {
            typeAndBody = FrameReads.readFrame(current, f, location, currentEnd);
        } else {
            try (FileChannel in = FileChannel.open(f, StandardOpenOption.READ)) {
                typeAndBody = FrameReads.readFrame(in, f, location, in.size());
            } catch (NoSuchFileException e) {
                return Optional.empty(); // deleted behind the journal's back: no proof held
            }
        }
        JournalFormat.ProofBody proof = JournalFormat.decodeProof(typeAndBody)
                .orElseThrow(() -> new JournalCorruptException(f, location, "not a proof record"));
        if (proof.round() != round) {
            throw new JournalCorruptException(f, location, "the proof of round " + proof.round() + ", not " + round);
        }
        return Optional.of(proof.proof());
    }

    /** Closes the segment channels (the journal forced them first, unless it is broken). */
    @Override
    public void close() throws IOException {
        try {
            for (FileChannel old : retired) {
                old.close();
            }
            retired.clear();
        } finally {
            if (current != null) {
                current.close();
                current = null;
                currentFirst = -1;
            }
        }
    }
}
