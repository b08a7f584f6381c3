package org.sintraee.runtime.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sintraee.api.CheckpointCertificate;
import org.sintraee.api.OrderHashes;
import org.sintraee.protocol.abc.AbcRecords;
import org.sintraee.protocol.abc.AtomicBroadcast;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.Tag;
import org.sintraee.runtime.journal.FsyncPolicy;
import org.sintraee.runtime.journal.Journal;
import org.sintraee.runtime.journal.OpenedRecords;

/** A restart's journal scan: what it resumes from, and that it keeps only bounded state, not the log. */
class RecoveryTest {
    private static final Tag TAG = Tag.of("abc");

    @TempDir
    Path dir;

    private static byte[] request(long seq) {
        return ByteBuffer.allocate(8).putLong(seq).array();
    }

    private static Bytes digest(long seq) {
        return AbcRecords.requestDigest(Bytes.of(request(seq)));
    }

    @Test
    void theChainTheCurrentIntervalsLeavesAndTheCheckpointsAreRecovered() throws IOException {
        byte[][] chainAfter = new byte[6][];
        byte[] chain = OrderHashes.chainStart();
        try (Journal j = Journal.open(dir, FsyncPolicy.NEVER)) {
            for (int r = 0; r < 6; r++) { // one delivery per round; interval 4: rounds 0..3, then 4..5 so far
                j.appendDelivery(r, request(r));
                chain = OrderHashes.chain(chain, r, request(r));
                chainAfter[r] = chain;
                j.appendDecided(r, r + 1, new byte[] {9});
                if (r == 3) {
                    byte[] h = new byte[32];
                    CheckpointCertificate c = new CheckpointCertificate(3, 4, chainAfter[3], 0, h, new byte[8]);
                    j.appendCheckpoint(c, List.of(Bytes.of(h), Bytes.of(h), Bytes.of(h), Bytes.of(h)));
                }
            }
        }
        try (Journal j = Journal.open(dir, FsyncPolicy.NEVER)) {
            Recovery r = Recovery.of(j, TAG, Decryption.recoveryOf(TAG), 4);
            assertEquals(6, r.nextSeq);
            assertArrayEquals(chainAfter[5], r.chain);
            assertEquals(3, r.checkpoint.round());
            assertEquals(r.checkpoint, j.readCheckpoint(r.checkpoints.get(3L)).certificate(),
                    "the offset reads the record back");
            assertEquals(Set.of(4L, 5L), r.leaves.keySet(), "only the current interval's leaves");
            assertEquals(Bytes.of(OrderHashes.roundLeaf(5, 6, chainAfter[5])), r.leaves.get(5L));
        }
    }

    @Test
    void resumesAfterTheLastMarkerAndKeepsTheDeliveriesPastIt() throws IOException {
        try (Journal j = Journal.open(dir, FsyncPolicy.NEVER)) {
            j.append(new DurableRecord(TAG, "batch/0", new byte[] {1}));
            j.appendDelivery(0, request(0));
            j.appendDelivery(1, request(1));
            j.appendDecided(0, 2, new byte[] {9});
            j.append(new DurableRecord(TAG.child(1L).child("mvba"), "vote", new byte[] {2}));
            j.appendDelivery(2, request(2));
            j.appendDecided(1, 3, new byte[] {9});
            j.append(new DurableRecord(TAG.child(3L).child("mvba"), "echo", new byte[] {3})); // spoke in round 3
            j.appendDelivery(3, request(3)); // round 2's deliveries, its marker lost in the crash
            j.appendDelivery(4, request(4));
        }
        try (Journal j = Journal.open(dir, FsyncPolicy.NEVER)) {
            Recovery r = Recovery.of(j, TAG, Decryption.recoveryOf(TAG), 64);
            assertEquals(2, r.round);
            assertEquals(3, r.nextSeq);
            assertEquals(5, r.end());
            assertEquals(3, r.silentThrough);
            assertEquals(List.of(digest(0), digest(1), digest(2)), r.deliveredDigests);
            assertEquals(Bytes.of(request(3)), r.journaled(3));
            assertEquals(Bytes.of(request(4)), r.journaled(4));
            assertThrows(IllegalArgumentException.class, () -> r.journaled(2), "decided: only its digest is kept");
            assertThrows(IllegalArgumentException.class, () -> r.journaled(5));
            assertEquals(1, r.index.roundOf(2));
        }
    }

    @Test
    void keepsOnlyTheLastDedupWindowOfDigests() throws IOException {
        int total = AtomicBroadcast.DEDUP_WINDOW + 2_500; // the last marker covers more than the window
        try (Journal j = Journal.open(dir, FsyncPolicy.NEVER)) {
            for (int s = 0; s < total; s++) {
                j.appendDelivery(s, request(s));
                if (s % 1000 == 999) {
                    j.appendDecided(s / 1000, s + 1, new byte[0]);
                }
            }
        }
        try (Journal j = Journal.open(dir, FsyncPolicy.NEVER)) {
            Recovery r = Recovery.of(j, TAG, Decryption.recoveryOf(TAG), 64);
            long next = (total / 1000) * 1000L;
            assertEquals(next, r.nextSeq);
            assertEquals(total, r.end());
            assertEquals(AtomicBroadcast.DEDUP_WINDOW, r.deliveredDigests.size());
            assertEquals(digest(next - AtomicBroadcast.DEDUP_WINDOW), r.deliveredDigests.get(0));
            assertEquals(digest(next - 1), r.deliveredDigests.get(AtomicBroadcast.DEDUP_WINDOW - 1));
            assertEquals(Bytes.of(request(total - 1)), r.journaled(total - 1));
        }
    }

    @Test
    void decryptionResumesAtTheFirstEncryptedDeliveryNotOpened() throws IOException {
        Tag dec = Decryption.tagOf(TAG);
        byte[] sealed1 = OpenedRecords.wrap(new byte[] {1, 1});
        byte[] sealed3 = OpenedRecords.wrap(new byte[] {3, 3});
        byte[] sealed4 = OpenedRecords.wrap(new byte[] {4, 4});
        try (Journal j = Journal.open(dir, FsyncPolicy.NEVER)) {
            j.appendDelivery(0, request(0));
            j.appendDelivery(1, sealed1);
            j.appendDelivery(2, request(2));
            j.appendDelivery(3, sealed3);
            j.appendDelivery(4, sealed4);
            j.appendDecided(0, 5, new byte[0]);
            j.append(new DurableRecord(dec, "dec-share/1", new byte[] {7}));
            j.append(OpenedRecords.decrypted(dec, 1, new byte[] {42}));
            j.append(new DurableRecord(dec, "dec-share/3", new byte[] {8}));
            j.append(OpenedRecords.skipped(dec, 4, "not decryptable")); // opened out of order: 3 still waits
        }
        try (Journal j = Journal.open(dir, FsyncPolicy.NEVER)) {
            DecryptionRecovery d = Decryption.recoveryOf(TAG);
            Recovery.of(j, TAG, d, 64);
            assertEquals(3, d.resumeSeq(5));
            assertEquals(List.of(1L), new ArrayList<>(d.decryptedBelow(3).keySet()));
            assertEquals(Bytes.of(OpenedRecords.unwrap(sealed1)), d.decryptedBelow(3).get(1L));
            assertEquals(List.of(1L), new ArrayList<>(d.sharesBelow(3).keySet()));
            assertTrue(d.sharesBelow(5).containsKey(3L));
        }
    }
}
