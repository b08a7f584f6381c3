package org.sintraee.runtime.node;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.sintraee.api.CheckpointCertificate;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.runtime.journal.JournalRecord;

/** A journal wrapper for tests: forwards everything; subclasses override what they watch or break. */
class ForwardingDurability implements Durability {
    final Durability inner;

    ForwardingDurability(Durability inner) {
        this.inner = inner;
    }

    @Override
    public void append(DurableRecord record) throws IOException {
        inner.append(record);
    }

    @Override
    public void appendDelivery(long seq, byte[] request) throws IOException {
        inner.appendDelivery(seq, request);
    }

    @Override
    public void sync() throws IOException {
        inner.sync();
    }

    @Override
    public long appendDecided(long round, long nextSeqAfter, byte[] proof) throws IOException {
        return inner.appendDecided(round, nextSeqAfter, proof);
    }

    @Override
    public long appendDecidedWithoutProof(long round, long nextSeqAfter) throws IOException {
        return inner.appendDecidedWithoutProof(round, nextSeqAfter);
    }

    @Override
    public Optional<byte[]> readDecided(long round, long location) throws IOException {
        return inner.readDecided(round, location);
    }

    @Override
    public long appendCheckpoint(CheckpointCertificate certificate, List<Bytes> leaves) throws IOException {
        return inner.appendCheckpoint(certificate, leaves);
    }

    @Override
    public JournalRecord.Checkpoint readCheckpoint(long offset) throws IOException {
        return inner.readCheckpoint(offset);
    }

    @Override
    public int pruneProofs(long throughRound) throws IOException {
        return inner.pruneProofs(throughRound);
    }

    @Override
    public void rollProofs() throws IOException {
        inner.rollProofs();
    }

    @Override
    public List<Bytes> ordered(long fromSeq, long toSeq) throws IOException {
        return inner.ordered(fromSeq, toSeq);
    }
}
