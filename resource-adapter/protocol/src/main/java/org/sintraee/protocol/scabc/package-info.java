/**
 * Secure causal atomic broadcast (SC-ABC), the decryption layer of [CKPS01] §6 over the
 * labelled threshold cryptosystem TDH2 of [SG98] (PROTOCOLS.md, "Secure causal atomic
 * broadcast").
 *
 * <p>How it works. A client encrypts its request under the service's public key with the
 * label {@code (tag, client id, request id)} ({@link org.sintraee.protocol.scabc.ScabcClient});
 * servers a-broadcast a ciphertext only if
 * {@link org.sintraee.protocol.scabc.ScabcDecryption#admit} accepts it (step 1). Atomic
 * broadcast fixes the order; this layer reads its output as the input stream
 * {@code Ordered(seq, ciphertext)}, so it composes with any atomic broadcast. On each
 * position a server checks validity again (a corrupted server can get anything ordered),
 * and skips the position if the ciphertext is undecodable, mislabelled, invalid, or
 * carries a replay key {@code u} already ordered earlier; otherwise it releases
 * {@code DEC-SHARE(seq, share)} with its proof of correctness (step 2, durable before it
 * leaves). {@code honestOne()} = t + 1 valid shares decrypt; outputs
 * ({@link org.sintraee.protocol.scabc.ScabcDelivery}) leave strictly in a-delivery order;
 * shares for later positions are exchanged and combined early, but a position is output
 * only after the one before it (step 3).
 *
 * <p>Properties, with n > 3t, at most t corrupted servers, and TDH2 with threshold t + 1:
 * <ul>
 *   <li><b>Input causality</b>: nobody, the corrupted servers included, learns a request's
 *       content before its place in the order is fixed. An honest server releases a share
 *       of a ciphertext only after it was a-delivered (its position fixed), and t shares
 *       (all the corrupted servers hold) reveal nothing under SG98's chosen-ciphertext
 *       security, which holds because honest servers never share an invalid ciphertext.</li>
 *   <li><b>Agreement and total order</b> of the plaintexts are inherited from atomic
 *       broadcast: every honest server sees the same ciphertext at each position, every
 *       skip decision is a deterministic function of the ordered prefix, and any t + 1 valid
 *       shares of one ciphertext combine to the same result (robustness), so every honest
 *       server outputs the same sequence of deliveries and skips, with the same reasons.</li>
 *   <li><b>Robustness and liveness</b>: shares are verified before they count, so t
 *       corrupted servers can neither block (the n - t >= t + 1 honest shares suffice) nor
 *       falsify a decryption; a bad share is an {@code INVALID_PROOF} fault, a second,
 *       different share for one position {@code EQUIVOCATION}, a share for a position every
 *       honest server skips without sharing {@code UNEXPECTED} (honest servers never send
 *       one). A valid ciphertext whose payload does not decrypt (only its own corrupt client
 *       can make one) is skipped with the combiner's reason, the same everywhere.</li>
 * </ul>
 *
 * <p>Front-running. Two ways to read a pending request early are closed. (1) Splicing: in
 * the hybrid TDH2 the hash of the AES-GCM payload is TDH2's {@code c}, inside the validity
 * proof's challenge {@code e} together with the label, so a copy of an honest TDH2 part
 * with another payload or another label is invalid, and no honest server shares it: the
 * honest {@code u} stays unopened until the honest ciphertext's own position. Without that
 * binding, the servers would decrypt the honest {@code u} at the splice's earlier position.
 * (2) Replay: every ciphertext with the same {@code u} opens to the same key, so only the
 * first a-delivered one with a given {@code u} is decrypted and later ones are skipped. A
 * whole copy ordered first is the honest client's own ciphertext: it is opened at that
 * copy's position, which is fixed by then, so causality holds; the original is skipped.
 * The label must start with this instance's tag, so a ciphertext made for another service
 * under the same key is skipped here.
 *
 * <p>Bounds. At most {@code maxPending} ordered positions wait for output
 * ({@link org.sintraee.protocol.scabc.ScabcDecryption#acceptsInput()} is the back-pressure
 * signal to the atomic broadcast); one share per (position, sender) is kept; shares for
 * positions not ordered here yet are buffered only within {@code 2 * maxPending} of the next
 * output (one per position and sender, so per sender at most that many) and share bytes are
 * bounded. Shares beyond that window are dropped without blame, since an honest peer may be
 * that far ahead: a server lagging more than the window behind t peers relies on the
 * runtime's catch-up below this layer. The set of replay keys seen (a 32-byte hash per
 * decrypted position) grows with the stream for the key's lifetime: forgetting one would
 * let a replay be decrypted again; bounding it needs key epochs. The layer is a long-lived
 * stream: {@code terminated()} is always false.
 */
package org.sintraee.protocol.scabc;
