package org.sintraee.protocol.abc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sintraee.protocol.abc.BatchCodec.Requests;
import org.sintraee.protocol.core.Bytes;

/**
 * A decided round taken from the requests it delivered instead of from its proof
 * ({@link AtomicBroadcast#adoptDelivered}): state transfer past a certified checkpoint, up to
 * which peers pruned their round proofs. The runtime checked the requests against the
 * checkpoint, so they are what every honest server delivered in the round; here they are only
 * checked for local misuse and entered into the dedup window.
 */
final class CertifiedRound {
    private CertifiedRound() {
    }

    /**
     * The requests, in order, with their digests. A null list or request is local misuse
     * ({@link NullPointerException}), and so is a request longer than {@code maxRequestBytes}
     * ({@link IllegalArgumentException}): no server could have batched it.
     */
    static Requests of(List<Bytes> requests, int maxRequestBytes) {
        List<Bytes> copy = List.copyOf(Objects.requireNonNull(requests, "requests")); // a null request throws too
        List<Bytes> digests = new ArrayList<>(copy.size());
        for (int k = 0; k < copy.size(); k++) {
            if (copy.get(k).length() > maxRequestBytes) {
                throw new IllegalArgumentException("request " + k + " of " + copy.get(k).length() + " bytes exceeds "
                        + maxRequestBytes);
            }
            digests.add(BatchCodec.digest(copy.get(k)));
        }
        return new Requests(copy, List.copyOf(digests));
    }

    /**
     * Records the delivery at {@code seq} of the request with {@code digest} in the dedup window,
     * one entry per seq, so that eviction stays by seq. A request already in the window is
     * delivered all the same (the certified order wins; an honest server with this server's
     * prefix never delivers one, so it only shows a diverged prefix): it keeps its earlier
     * entry, leaving the window when that seq does, and this seq's entry is a stand-in that
     * matches no request (the seq's 8 bytes; request digests have 32, and seqs never repeat).
     */
    static void enter(DeliveredWindow window, Bytes digest, long seq) {
        if (!window.add(digest)) {
            window.add(Bytes.of(BatchCodec.int64(seq)));
        }
    }
}
