package org.sintraee.runtime.node;

import java.io.IOException;
import org.sintraee.api.CheckpointCertificate;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.runtime.journal.Journal;

/**
 * What the loop needs of the journal; package-private so tests can watch the order of
 * appends, syncs and sends around the real journal.
 */
interface Durability {
    void append(DurableRecord record) throws IOException;

    void appendDelivery(long seq, byte[] request) throws IOException;

    void sync() throws IOException;

    /** {@link Journal#appendDecided}: returns the record's offset. */
    long appendDecided(long round, long nextSeqAfter, byte[] proof) throws IOException;

    /** {@link Journal#readDecided}. */
    byte[] readDecided(long offset) throws IOException;

    /** {@link Journal#appendCheckpoint}. */
    void appendCheckpoint(CheckpointCertificate certificate) throws IOException;

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
            public byte[] readDecided(long offset) throws IOException {
                return journal.readDecided(offset);
            }

            @Override
            public void appendCheckpoint(CheckpointCertificate certificate) throws IOException {
                journal.appendCheckpoint(certificate);
            }
        };
    }
}
