/**
 * Threshold cryptography for the protocol stack, on Bouncy Castle's low-level API.
 *
 * <p>Interfaces here are scheme-agnostic, so simulations can run on insecure mocks
 * and production on the real schemes: {@link org.sintraee.protocol.crypto.ThresholdCoin}
 * and {@link org.sintraee.protocol.crypto.CoinKey} (CKS00 §5), quorum certificates of
 * individual signatures ({@link org.sintraee.protocol.crypto.QuorumCertificate},
 * {@link org.sintraee.protocol.crypto.Signer},
 * {@link org.sintraee.protocol.crypto.SignatureVerifier}), threshold decryption (SG98).
 * Shoup's RSA threshold signatures (Sho00) give the service its one client-facing key.
 *
 * <p>Rules every scheme follows:
 * <ul>
 *   <li>Anything from a peer is checked by a method that returns a
 *       {@link org.sintraee.protocol.crypto.Verdict} or
 *       {@link org.sintraee.protocol.crypto.Decoded}; it never throws on bad input, so
 *       a protocol records a fault and carries on. Exceptions mean local misuse.</li>
 *   <li>Everything hashed, signed, tossed or encrypted is bound to a domain name and the
 *       caller's context (the instance tag), so nothing replays across instances or steps.</li>
 *   <li>No ambient randomness: the dealer and encrypting clients pass a
 *       {@code SecureRandom}; proof nonces are derived from the secret and the statement
 *       (RFC 6979 style), which keeps the core deterministic.</li>
 *   <li>Secrets never appear in {@code toString()} or exception messages.</li>
 * </ul>
 */
package org.sintraee.protocol.crypto;
