package org.sintraee.runtime.node;

import java.util.Arrays;

/**
 * Per decided round from 0: where the journal holds its proof (to serve catch-up) and
 * the next delivery seq after it (to name the round of a replayed delivery). Two longs per
 * round, never the proofs themselves. Rounds are added in order without gaps. Loop thread only.
 */
final class DecidedIndex {
    /** Where the journal holds each round's proof ({@code Journal.readDecided}); -1: none. */
    private long[] offsets = new long[64];
    private long[] nextSeqs = new long[64];
    private int size;

    /** Rounds held: 0 .. size() - 1. */
    long size() {
        return size;
    }

    void add(long round, long nextSeqAfter, long offset) {
        if (round != size) {
            throw new IllegalStateException("decided round " + round + " recorded after " + (size - 1)
                    + ": rounds are persisted in order without gaps");
        }
        if (size == offsets.length) {
            if (size > Integer.MAX_VALUE / 2) {
                throw new IllegalStateException("more decided rounds than an index holds; compaction is future work");
            }
            offsets = Arrays.copyOf(offsets, size * 2);
            nextSeqs = Arrays.copyOf(nextSeqs, size * 2);
        }
        offsets[size] = offset;
        nextSeqs[size] = nextSeqAfter;
        size++;
    }

    /** Where the journal holds round r's proof ({@code Journal.readDecided}), or -1 if not held. */
    long offset(long round) {
        return round >= 0 && round < size ? offsets[(int) round] : -1;
    }

    /** The next seq after round r (where round r + 1's deliveries begin), or -1 if r is not held. */
    long nextSeqAfter(long round) {
        return round >= 0 && round < size ? nextSeqs[(int) round] : -1;
    }

    /** The round that delivered {@code seq}: the first whose next seq passes it, or -1 if none does. */
    long roundOf(long seq) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (nextSeqs[mid] > seq) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo < size ? lo : -1;
    }
}
