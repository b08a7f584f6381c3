package org.sintraee.runtime.node;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sintraee.api.CheckpointCertificate;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.runtime.journal.DeliveryReader;
import org.sintraee.runtime.journal.Journal;
import org.sintraee.runtime.journal.JournalRecord;

/**
 * What the loop needs of the journal; package-private so tests can watch the order of
 * appends, syncs and sends around the real journal. Each method is the {@link Journal} one.
 */
interface Durability {
    void append(DurableRecord record) throws IOException;

    void appendDelivery(long seq, byte[] request) throws IOException;

    void sync() throws IOException;

    /** Returns where the proof is, for {@link #readDecided}. */
    long appendDecided(long round, long nextSeqAfter, byte[] proof) throws IOException;

    /** A round taken without its proof (state transfer): returns a location that reads back empty. */
    long appendDecidedWithoutProof(long round, long nextSeqAfter) throws IOException;

    /** The round's proof, or empty if none is held (never had, or pruned). */
    Optional<byte[]> readDecided(long round, long location) throws IOException;

    /** Returns the record's offset, for {@link #readCheckpoint}. */
    long appendCheckpoint(CheckpointCertificate certificate, List<Bytes> leaves) throws IOException;

    JournalRecord.Checkpoint readCheckpoint(long offset) throws IOException;

    /** Drops the proofs of rounds up to {@code throughRound} (whole segments only); returns segments dropped. */
    int pruneProofs(long throughRound) throws IOException;

    /** Starts a new proof segment with the next proof. */
    void rollProofs() throws IOException;

    /** The requests ordered at seqs {@code fromSeq .. toSeq - 1}, as journaled (all durable). */
    List<Bytes> ordered(long fromSeq, long toSeq) throws IOException;

    static Durability of(Journal journal) {
        return new Durability() {
            @Override
            public void append(DurableRecord record) throws IOException {
                journal.append(record);
            }

            @Override
            public void appendDelivery(long seq, byte[] request) throws IOException {
                journal.appendDelivery(seq, request);
            }

            @Override
            public void sync() throws IOException {
                journal.sync();
            }

            @Override
            public long appendDecided(long round, long nextSeqAfter, byte[] proof) throws IOException {
                return journal.appendDecided(round, nextSeqAfter, proof);
            }

            @Override
            public long appendDecidedWithoutProof(long round, long nextSeqAfter) throws IOException {
                return journal.appendDecidedWithoutProof(round, nextSeqAfter);
            }

            @Override
            public Optional<byte[]> readDecided(long round, long location) throws IOException {
                return journal.readDecided(round, location);
            }

            @Override
            public long appendCheckpoint(CheckpointCertificate certificate, List<Bytes> leaves) throws IOException {
                return journal.appendCheckpoint(certificate, leaves);
            }

            @Override
            public JournalRecord.Checkpoint readCheckpoint(long offset) throws IOException {
                return journal.readCheckpoint(offset);
            }

            @Override
            public int pruneProofs(long throughRound) throws IOException {
                return journal.pruneProofs(throughRound);
            }

            @Override
            public void rollProofs() throws IOException {
                journal.rollProofs();
            }

            @Override
            public List<Bytes> ordered(long fromSeq, long toSeq) throws IOException {
                List<Bytes> out = new ArrayList<>();
                for (long s = fromSeq; s < toSeq; s = fromSeq + out.size()) {
                    List<DeliveryReader.Entry> got = journal.deliveryReader().ordered(s, toSeq, 4096);
                    if (got.isEmpty()) {
                        throw new IllegalStateException("the journal holds no delivery " + s + " below " + toSeq);
                    }
                    got.forEach(e -> out.add(e.request()));
                }
                return out;
            }
        };
    }
}
