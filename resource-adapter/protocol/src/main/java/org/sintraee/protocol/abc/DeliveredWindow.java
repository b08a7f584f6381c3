package org.sintraee.protocol.abc;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.sintraee.protocol.core.Bytes;

/**
 * The digests of the last {@code capacity} delivered requests, in delivery (seq) order: what
 * atomic broadcast deduplicates against. Why a window: a set of every digest ever delivered
 * grows with the log until the heap runs out; this one holds at most {@code capacity}
 * entries, about 130 bytes each on the heap (a 32-byte digest in a {@link Bytes}, its hash-set
 * node and its deque slot). Eviction is by seq, the oldest first, and every honest server
 * delivers the same sequence, so every honest server holds the same window after the same
 * seq and takes the same dedup decisions: the total order stays identical.
 *
 * <p>Pure and deterministic: the hash set answers membership only and is never iterated;
 * order lives in the deque. Not thread-safe (a protocol instance runs on one thread).
 */
public final class DeliveredWindow {
    private final int capacity;
    private final Set<Bytes> members = new HashSet<>();
    private final ArrayDeque<Bytes> order = new ArrayDeque<>();

    /** An empty window of {@code capacity >= 1} digests; else {@link IllegalArgumentException}. */
    public DeliveredWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * The window after the given deliveries, in seq order: their last {@code capacity}. The
     * input is replayed through {@link #add}, so it may be a whole delivery log, where a digest
     * recurs once it had left the window (delivered again, as a new request); a digest that
     * recurs within {@code capacity} deliveries could not have been delivered again, so the input
     * is not a delivery log: {@link IllegalArgumentException} naming its position.
     */
    public static DeliveredWindow of(int capacity, Collection<Bytes> digestsInSeqOrder) {
        Objects.requireNonNull(digestsInSeqOrder, "digestsInSeqOrder");
        DeliveredWindow w = new DeliveredWindow(capacity);
        long position = 0;
        for (Bytes d : digestsInSeqOrder) {
            if (!w.add(Objects.requireNonNull(d, "digestsInSeqOrder[" + position + "]"))) {
                throw new IllegalArgumentException("digestsInSeqOrder[" + position + "] repeats a digest within the last "
                        + capacity + ": not a delivery log");
            }
            position++;
        }
        return w;
    }

    /**
     * Records a delivery: false (and no change) if {@code digest} is in the window; else
     * appends it and evicts the oldest ones while more than {@code capacity} are held.
     */
    public boolean add(Bytes digest) {
        Objects.requireNonNull(digest, "digest");
        if (!members.add(digest)) {
            return false;
        }
        order.addLast(digest);
        while (order.size() > capacity) {
            members.remove(order.removeFirst());
        }
        return true;
    }

    /** Whether {@code digest} is among the last {@code capacity} deliveries. */
    public boolean contains(Bytes digest) {
        return members.contains(digest);
    }

    /** True iff every digest is in the window. */
    boolean containsAll(Collection<Bytes> digests) {
        for (Bytes d : digests) {
            if (!contains(d)) {
                return false;
            }
        }
        return true;
    }

    /** How many digests are held: at most {@link #capacity()}. */
    public int size() {
        return order.size();
    }

    public int capacity() {
        return capacity;
    }

    @Override
    public String toString() {
        return "DeliveredWindow[" + order.size() + "/" + capacity + "]";
    }
}
