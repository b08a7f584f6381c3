package org.sintraee.protocol.crypto;

import java.util.Collection;

/**
 * The public side of a threshold coin (CKS00 §5): anyone can check a coin share and
 * combine {@link #threshold()} valid shares of one coin name into the coin's value,
 * which no coalition smaller than the threshold can predict.
 */
public interface ThresholdCoin {

    /** n: the number of share holders; share indices are 1..n. */
    int servers();

    /** k: how many valid shares give the coin. */
    int threshold();

    /** Checks one share of coin {@code name}; never throws on bad input. */
    Verdict verifyShare(byte[] name, Share share);

    /**
     * Combines shares that {@link #verifyShare} accepted. Uses the {@code threshold()}
     * lowest distinct indices, so every caller with the same shares gets the same result.
     *
     * @throws IllegalArgumentException if fewer than {@code threshold()} distinct shares are given
     */
    CoinValue combine(byte[] name, Collection<Share> validShares);
}
