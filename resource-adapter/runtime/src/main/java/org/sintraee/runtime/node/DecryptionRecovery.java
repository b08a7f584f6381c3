package org.sintraee.runtime.node;

import java.util.SortedMap;
import java.util.TreeMap;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.Tag;
import org.sintraee.runtime.journal.OpenedRecords;

/**
 * What the decryption layer learns from the journal on restart, gathered record by record as
 * {@link Recovery} streams it: where the layer resumes (the first encrypted delivery without
 * an {@code opened/<seq>} record), the ciphertexts it decrypted before that point (their replay
 * keys must stay known), and this server's most recent decryption shares (to answer late
 * peers). Memory: one ciphertext per encrypted delivery (the layer's replay keys grow the same
 * way, see {@code ScabcDecryption}), and at most {@link RecentShares#WINDOW} shares.
 */
final class DecryptionRecovery {
    private final Tag tag;
    private final String shareWhat;
    /** Encrypted deliveries whose opened record was not met yet, by seq: their ciphertexts. */
    private final TreeMap<Long, Bytes> unopened = new TreeMap<>();
    /** Encrypted deliveries met with a "decrypted" opened record: their ciphertexts. */
    private final TreeMap<Long, Bytes> decrypted = new TreeMap<>();
    private final TreeMap<Long, byte[]> ownShares = new TreeMap<>();

    DecryptionRecovery(Tag decTag, String shareWhat) {
        this.tag = decTag;
        this.shareWhat = shareWhat;
    }

    /** A journaled delivery, in seq order. */
    void delivery(long seq, byte[] request) {
        if (OpenedRecords.isEncrypted(request)) {
            unopened.put(seq, Bytes.of(OpenedRecords.unwrap(request)));
        }
    }

    /** A durable record; only the decryption layer's own matter here. */
    void durable(DurableRecord r) {
        if (!r.tag().equals(tag)) {
            return;
        }
        OpenedRecords.seqOf(r).ifPresent(seq -> {
            Bytes ciphertext = unopened.remove(seq); // an opened record follows its delivery
            if (ciphertext != null && OpenedRecords.isDecrypted(r)) {
                decrypted.put(seq, ciphertext);
            }
        });
        if (r.what().startsWith(shareWhat)) {
            ownShares.put(Long.parseLong(r.what().substring(shareWhat.length())), r.data());
            if (ownShares.size() > RecentShares.WINDOW) {
                ownShares.pollFirstEntry(); // peers that far behind are not answered anyway
            }
        }
    }

    /** The first journaled encrypted seq not opened, or {@code end} if every one was. */
    long resumeSeq(long end) {
        return unopened.isEmpty() ? end : unopened.firstKey();
    }

    /** The ciphertexts decrypted below {@code resume}, by seq. */
    SortedMap<Long, Bytes> decryptedBelow(long resume) {
        return decrypted.headMap(resume);
    }

    /** This server's kept shares below {@code resume}, by seq. */
    SortedMap<Long, byte[]> sharesBelow(long resume) {
        return ownShares.headMap(resume);
    }
}
