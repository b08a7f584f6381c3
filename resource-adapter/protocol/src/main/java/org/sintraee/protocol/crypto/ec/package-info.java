/**
 * Discrete-log schemes over secp256k1 (prime order, cofactor 1).
 *
 * <ul>
 *   <li>{@link org.sintraee.protocol.crypto.ec.Secp256k1}: the group, validated decoding,
 *       hashing onto the group by try-and-increment, constant-time secret multiplication.</li>
 *   <li>{@link org.sintraee.protocol.crypto.ec.Dleq}: non-interactive Chaum–Pedersen proofs
 *       of equal discrete logs, the robustness proof of coin and decryption shares.</li>
 *   <li>{@link org.sintraee.protocol.crypto.ec.DhThresholdCoin}: the Diffie–Hellman threshold
 *       coin of CKS00 §5; any k = t+1 valid shares give the coin, t cannot predict it.</li>
 *   <li>TDH2 (SG98): labelled, publicly verifiable, CCA-secure threshold encryption with a
 *       hybrid AES-GCM payload bound into the proof.</li>
 * </ul>
 *
 * <p>Keys are dealt by {@link org.sintraee.protocol.crypto.ec.DlogSharing}: Shamir
 * sharing of the secret exponent with verification keys {@code g^{x_i}}.
 */
package org.sintraee.protocol.crypto.ec;
