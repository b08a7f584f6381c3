package org.sintraee.runtime.node;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sintraee.api.CheckpointCertificate;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.DurableRecord;

/**
 * Wraps a node's journal and remembers what is appended and what a sync covered, so that a
 * test can check, at each send and delivery, that everything appended so far was synced.
 * The node calls it on its loop thread only; readers synchronise on it.
 */
final class RecordingDurability extends ForwardingDurability {
    private final Set<String> appended = new HashSet<>();
    private final Set<String> synced = new HashSet<>();
    private long appendedCount;
    private long syncedCount;
    private long syncedDeliveries;
    private long appendedDeliveries;

    RecordingDurability(Durability inner) {
        super(inner);
    }

    static String key(DurableRecord r) {
        return r.tag() + " " + r.what();
    }

    @Override
    public synchronized void append(DurableRecord record) throws IOException {
        inner.append(record);
        appended.add(key(record));
        appendedCount++;
    }

    @Override
    public synchronized void appendDelivery(long seq, byte[] request) throws IOException {
        inner.appendDelivery(seq, request);
        appendedCount++;
        appendedDeliveries = seq + 1;
    }

    @Override
    public synchronized void sync() throws IOException {
        inner.sync();
        synced.addAll(appended);
        syncedCount = appendedCount;
        syncedDeliveries = appendedDeliveries;
    }

    @Override
    public synchronized long appendDecided(long round, long nextSeqAfter, byte[] proof) throws IOException {
        long at = inner.appendDecided(round, nextSeqAfter, proof);
        appended.add("decided " + round);
        appendedCount++;
        return at;
    }

    @Override
    public synchronized long appendCheckpoint(CheckpointCertificate certificate, List<Bytes> leaves)
            throws IOException {
        long at = inner.appendCheckpoint(certificate, leaves);
        appended.add("checkpoint " + certificate.round());
        appendedCount++;
        return at;
    }

    @Override
    public synchronized long appendDecidedWithoutProof(long round, long nextSeqAfter) throws IOException {
        long at = inner.appendDecidedWithoutProof(round, nextSeqAfter);
        appended.add("decided " + round);
        appendedCount++;
        return at;
    }

    /** True iff every record appended so far is covered by a sync. */
    synchronized boolean allSynced() {
        return syncedCount == appendedCount;
    }

    synchronized boolean synced(String key) {
        return synced.contains(key);
    }

    /** Deliveries 0 .. result-1 are durable. */
    synchronized long syncedDeliveries() {
        return syncedDeliveries;
    }
}
