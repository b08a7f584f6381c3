package org.sintraee.runtime.client;

import java.util.Arrays;
import java.util.Optional;
import org.sintraee.api.OrderHashes;

/**
 * A running hash of the delivered sequence: {@code c_0 = 0^32}, {@code c_{k+1} = SHA-256(c_k ||
 * u64 k || request_k)} ({@link OrderHashes#chain}: the chain checkpoint certificates sign). Two
 * replicas with equal chains at the same count delivered the identical sequence, which lets
 * tests and operators compare replicas in 32 bytes. The
 * last {@code window} values are kept, so replicas at different counts can still be
 * compared at a common one. Not thread-safe: the node loop owns it.
 */
public final class DeliveryChain {
    private final byte[][] ring;
    private byte[] current = OrderHashes.chainStart();
    private long count;

    public DeliveryChain(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be positive");
        }
        this.ring = new byte[window][];
        ring[0] = current;
    }

    /** Appends delivery number {@code seq}, which must be the next one. */
    public void append(long seq, byte[] request) {
        if (seq != count) {
            throw new IllegalArgumentException("delivery " + seq + " out of sequence, expected " + count);
        }
        current = OrderHashes.chain(current, seq, request);
        count++;
        ring[(int) (count % ring.length)] = current;
    }

    /** How many deliveries the chain covers. */
    public long count() {
        return count;
    }

    /** The chain after all deliveries so far. */
    public byte[] current() {
        return current.clone();
    }

    /** The chain after the first {@code k} deliveries, if still in the window. */
    public Optional<byte[]> after(long k) {
        if (k < 0 || k > count || count - k >= ring.length) {
            return Optional.empty();
        }
        return Optional.of(ring[(int) (k % ring.length)].clone());
    }

    @Override
    public String toString() {
        return "DeliveryChain[" + count + " deliveries, " + Arrays.toString(Arrays.copyOf(current, 4)) + "...]";
    }
}
