package org.sintraee.protocol.mvba;

import java.util.ArrayList;
import java.util.List;
import org.sintraee.protocol.crypto.Hashes;

/**
 * The candidate order Π of servers 1..n, derived deterministically from the permutation
 * coin's seed, so every honest server computes the same Π and nobody knows it before the
 * coin is out.
 *
 * <p>Derivation: Fisher–Yates over {@code [1..n]}, for i = n-1 down to 1 swapping position i
 * with a uniform j in 0..i. Each j comes from a fresh draw {@code SHA-256("sintra-ee/mvba/
 * permutation", seed, int32(counter))} (counter = 0, 1, ...), whose first 8 bytes, as a
 * non-negative 63-bit number x, give j = x mod (i+1); an x in the last, incomplete block of
 * the 63-bit range is rejected and redrawn, so j has no modulo bias.
 */
public final class Permutation {
    private static final String DOMAIN = "sintra-ee/mvba/permutation";
    private final int[] order;

    private Permutation(int[] order) {
        this.order = order;
    }

    /** Π for servers 1..n from the coin's seed. */
    public static Permutation fromSeed(byte[] seed, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be positive");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i + 1;
        }
        int[] counter = {0};
        for (int i = n - 1; i > 0; i--) {
            int j = draw(seed, counter, i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return new Permutation(order);
    }

    private static int draw(byte[] seed, int[] counter, int bound) {
        while (true) {
            byte[] h = Hashes.sha256(DOMAIN, seed, Hashes.int32(counter[0]++));
            long x = 0;
            for (int k = 0; k < 8; k++) {
                x = (x << 8) | (h[k] & 0xff);
            }
            x >>>= 1;
            long r = x % bound;
            if (x - r + (bound - 1) >= 0) { // overflow means x lies in the incomplete last block
                return (int) r;
            }
        }
    }

    /** Π(l), the candidate of iteration l (1..n). */
    public int candidate(int l) {
        return order[l - 1];
    }

    public int size() {
        return order.length;
    }

    /** Π(1), ..., Π(n). */
    public List<Integer> order() {
        List<Integer> out = new ArrayList<>(order.length);
        for (int c : order) {
            out.add(c);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Permutation" + order();
    }
}
