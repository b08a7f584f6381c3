/**
 * Verifiable consistent broadcast (c-broadcast), the echo broadcast of [CKPS01] §2
 * (PROTOCOLS.md, "Consistent broadcast").
 *
 * <p>How it works. The designated sender sends {@code C-SEND(m)} to all. A server answers
 * the first {@code C-SEND} it gets from the sender, if the payload passes the instance's
 * {@link org.sintraee.protocol.cbc.PayloadValidity}, with {@code C-ECHO}: its signature
 * on {@code Statement.of(tag, "c-ready", H(m))}, sent to the sender only. The sender
 * combines {@code echoQuorum()} valid echoes into a quorum certificate σ and sends
 * {@code C-FINAL(H(m), σ)} to all. A server that holds a valid final and {@code m} with
 * that digest delivers {@code m} with the transferable proof {@code (H(m), σ)}
 * ({@link org.sintraee.protocol.cbc.CbcProof}).
 *
 * <p>Properties, with n > 3t and at most t corrupted servers:
 * <ul>
 *   <li><b>Validity</b>: an honest sender's payload (accepted by the honest servers'
 *       predicate) is delivered by every honest server: the n - t >= echoQuorum honest
 *       servers echo it, so σ forms, and every honest server receives C-SEND and C-FINAL.</li>
 *   <li><b>Consistency</b>: two echo quorums of ceil((n + t + 1) / 2) servers intersect in
 *       more than t servers, hence in an honest one, and an honest server echoes at most
 *       one digest per instance; so at most one digest ever gets a certificate, and the
 *       hash binds the payload to it.</li>
 *   <li><b>Integrity</b>: a server delivers at most once, and if the sender is honest only
 *       what it sent (forging σ needs honest signatures on another digest).</li>
 *   <li><b>Verifiability</b>: the proof convinces any server (another view, a later
 *       protocol such as MVBA); {@link org.sintraee.protocol.cbc.ConsistentBroadcast#adopt}
 *       lets a server that obtained a proof elsewhere fetch the payload and deliver.</li>
 * </ul>
 * There is <b>no totality</b>: a faulty sender may leave some honest servers without a
 * final. They deliver only if they adopt a proof obtained from elsewhere.
 *
 * <p>Payload retrieval (time-free, no timeouts). A server with a valid proof but not the
 * payload sends {@code C-REQUEST(d)} at once to the final's sender (if there is one) and to
 * the first {@code honestOne()} signers of σ other than itself, in ascending order. An
 * honest signer stored the payload before it signed, so at least one honest server with the
 * payload is asked, and no timer is needed; the hash decides which answer is right. Every
 * later trigger (another final from another server, another {@code adopt}) asks one more
 * signer. Servers keep answering requests after they delivered, each requester at most once;
 * a request for a payload not held yet is remembered (one digest per requester) and answered
 * as soon as the payload arrives.
 *
 * <p>Memory per instance is bounded: one valid echo per server (at the sender), one stored
 * payload of at most {@code maxPayloadBytes}, one proof, one remembered request per peer.
 * An answer is checked against the digest on arrival and dropped unless it matches.
 */
package org.sintraee.protocol.cbc;
