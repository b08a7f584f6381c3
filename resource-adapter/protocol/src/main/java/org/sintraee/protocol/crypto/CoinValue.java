package org.sintraee.protocol.crypto;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The value of a tossed coin: a 256-bit seed. Binary agreement takes one bit of it,
 * validated agreement a seed for its candidate permutation.
 */
public final class CoinValue {
    public static final int SEED_BYTES = 32;
    private final byte[] seed;

    public CoinValue(byte[] seed) {
        if (seed.length != SEED_BYTES) {
            throw new IllegalArgumentException("coin seed must be " + SEED_BYTES + " bytes");
        }
        this.seed = seed.clone();
    }

    public boolean bit() {
        return (seed[0] & 1) == 1;
    }

    public byte[] seed() {
        return seed.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CoinValue c && Arrays.equals(c.seed, seed);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(seed);
    }

    @Override
    public String toString() {
        return "CoinValue[" + HexFormat.of().formatHex(seed) + "]";
    }
}
