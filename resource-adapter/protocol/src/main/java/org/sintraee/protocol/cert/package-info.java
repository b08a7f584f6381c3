/**
 * Order certificates: the service's ONE threshold RSA signature (Shoup, "Practical Threshold
 * Signatures", Eurocrypt 2000, section 2; the combined value is a standard PKCS#1 v1.5
 * SHA-256 signature) on each delivered round's statement, as a protocol instance
 * ({@link org.sintraee.protocol.cert.RoundCertifier}). This follows SINTRA's use of threshold
 * signatures for a service's replies (Cachin and Poritz, DSN 2002, section 3): clients check
 * one public key and never learn the individual servers.
 *
 * <p>Flow: the runtime gives {@code Delivered(round, statement)} for each round it delivered
 * (the statement is a deterministic function of the total order, so every honest server
 * derives the same bytes) and {@code Sign(round)} when a local client asks for the round's
 * certificate. A server signs a round at most once and broadcasts its share
 * ({@code SIGN-SHARE}); it also signs when a VALID share from a peer arrives for a round it
 * delivered, so one server's request suffices for every honest server to join. The cost a
 * peer can impose is therefore one share (one exponentiation and proof) per delivered round
 * plus verifying at most one share per (round, sender): bounded by the window below.
 *
 * <p>Thresholds: the key's k must equal {@code honestOne() = t + 1}. Output once t + 1 valid
 * shares are held: with at most t corrupted servers, t shares reveal nothing and cannot
 * produce a signature (unforgeability), and any t + 1 valid shares combine to the same
 * signature (the scheme's robustness; each share carries a proof checked against v_i).
 * Termination: if one honest server signs round r, every honest server that delivered r
 * signs it too, so the n - t >= t + 1 honest servers' shares reach everyone.
 *
 * <p>Faults: an undecodable share (MALFORMED), a share that fails its proof or claims
 * another server's index (INVALID_PROOF), a second, different share from one sender for one
 * round (EQUIVOCATION; the first is kept, an identical copy ignored). Shares for rounds whose
 * statement is not known yet are buffered, one per (round, sender), only for rounds up to
 * {@code window} ahead of the highest delivered round; farther ones are dropped silently (a
 * lagging server cannot tell a flood from honest peers ahead of it, and drops cost nothing:
 * peers still combine without this server). Memory: rounds at or below
 * highest delivered - window are forgotten, so at most 2 * window rounds of at most n shares
 * are held.
 *
 * <p>No durable record: Shoup shares here are deterministic (the proof's randomness is derived
 * from the share and the message), so a server that re-signs after a restart sends the
 * identical share and can never equivocate.
 */
package org.sintraee.protocol.cert;
