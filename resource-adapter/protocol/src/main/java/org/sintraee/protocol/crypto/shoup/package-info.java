/**
 * Shoup's practical threshold RSA signatures (V. Shoup, "Practical Threshold Signatures",
 * EUROCRYPT 2000, LNCS 1807; the scheme is section 2, its security analysis section 3).
 *
 * <p><b>What it gives.</b> A dealer ({@link org.sintraee.protocol.crypto.shoup.ShoupDealer})
 * splits one service RSA key (N, e) among n servers. Any k of them produce signature shares
 * ({@link org.sintraee.protocol.crypto.shoup.ShoupKeyShare#sign}) that anyone combines
 * ({@link org.sintraee.protocol.crypto.shoup.ShoupPublicKey#combine}) into an ordinary RSA
 * signature under (N, e); fewer than k learn nothing that helps forge. Each share carries a
 * non-interactive proof (z, c) that it was made with the share s_i behind the public
 * verification key v_i, so a receiver rejects bad shares
 * ({@link org.sintraee.protocol.crypto.shoup.ShoupPublicKey#verifyShare}) and combining
 * k verified shares always succeeds: corrupt servers cannot stop signing (robustness).
 * The proof nonce is derived deterministically from s_i and the statement (RFC 6979 style),
 * so signing needs no randomness and the same request always yields the same bytes.
 *
 * <p><b>Message encoding.</b> The value signed is x = EMSA-PKCS1-v1_5(SHA-256(message))
 * (RFC 8017), so the combined signature is exactly what {@code SHA256withRSA} in the JDK, or
 * any standard RSA verifier, accepts under (N, e). Shoup's security proof is in the random
 * oracle model and assumes a full-domain hash onto Z_N^*; PKCS#1 v1.5 is not a full-domain
 * hash, so this choice buys interoperability with standard verifiers but falls outside that
 * proof (as does every deployed PKCS#1 v1.5 signature). The proofs of correctness of the
 * shares are unaffected.
 *
 * <p><b>Jacobi symbol.</b> The scheme computes in the squares mod N (hence x_i = x^{2 Delta s_i}
 * and the proof about x_i^2); the analysis wants the signed value to have Jacobi symbol +1.
 * The dealer publishes u with Jacobi symbol (u|N) = -1. When (x|N) = -1 the servers sign
 * x̂ = x u^e instead of x, which has symbol +1, and the combiner divides the result by u:
 * if y^e = x̂ then (y/u)^e = x. So the output always passes the standard check y^e = x mod N.
 *
 * <p><b>Context.</b> Every share proof is bound to a caller-supplied context (the protocol
 * instance tag): a share made for one context fails verification in another. The combined
 * RSA signature covers the message only; put the tag into the message if the final
 * signature must be bound to it.
 *
 * <p>Everything here is a pure function of its inputs; randomness comes only from the
 * dealer's caller-supplied {@link java.security.SecureRandom}.
 */
package org.sintraee.protocol.crypto.shoup;
