package org.sintraee.protocol.scabc;

import java.util.Map;
import java.util.TreeMap;
import org.sintraee.protocol.crypto.Ciphertext;
import org.sintraee.protocol.crypto.Share;

/**
 * One a-delivered position that is not output yet: its ciphertext (null if it is skipped
 * without decryption), the first share each server sent for it, the valid ones among
 * them, and the result once decided. At most one share per server is kept.
 */
final class Slot {
    final long seq;
    /** The ciphertext to decrypt; null when the position is skipped before any share is released. */
    final Ciphertext ciphertext;
    /** The first share each server sent (valid or not): a later, different one is equivocation. */
    final Map<Integer, Share> seen = new TreeMap<>();
    /** Shares that verified against {@link #ciphertext}. */
    final Map<Integer, Share> valid = new TreeMap<>();
    /** Decrypted or skipped; null while shares are still needed. */
    ScabcDelivery result;

    private Slot(long seq, Ciphertext ciphertext, ScabcDelivery result) {
        this.seq = seq;
        this.ciphertext = ciphertext;
        this.result = result;
    }

    static Slot toDecrypt(long seq, Ciphertext ciphertext) {
        return new Slot(seq, ciphertext, null);
    }

    static Slot skipped(long seq, String reason) {
        return new Slot(seq, null, new ScabcDelivery.Skipped(seq, reason));
    }

    boolean skippedOnArrival() {
        return ciphertext == null;
    }
}
