/**
 * The trusted dealer and its command line ({@link org.sintraee.runtime.dealer.DealerCommand}).
 *
 * <p>SINTRA assumes a dealer that generates all threshold keys once, on a trusted machine,
 * and hands each server its own shares (CKS00 section 2). Thresholds are t+1 throughout: the
 * coin and TDH2 need t+1 shares so that the t corrupted servers alone learn nothing, and
 * t+1 Shoup signature shares always include an honest server's. The dealer deals from a
 * caller-supplied {@link java.security.SecureRandom}, so tests replay a dealing from a seed.
 */
package org.sintraee.runtime.dealer;
