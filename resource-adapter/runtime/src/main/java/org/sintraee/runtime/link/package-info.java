/**
 * Authenticated, reliable links between the servers of one static set.
 *
 * <p>Authentication: mutual TLS 1.3 only. A peer is accepted iff the certificate it presents
 * is byte-equal to another member's pinned certificate from the public file; there is no CA
 * and no host name check. The id of a connection is the member whose certificate the peer
 * proved it holds, so no server can speak for another: on accept that id is taken from the
 * certificate, on dial the server must present exactly the dialled member's certificate.
 * Strangers, failed handshakes and garbage are refused, counted and logged with their address.
 *
 * <p>Topology: one TCP connection per pair; the lower id dials, the higher one accepts.
 * Self-sends never use the links. Reconnection uses exponential backoff with jitter; it only
 * paces dialling and decides nothing.
 *
 * <p>Liveness of a connection: a side that wrote nothing for the heartbeat interval (1 s by
 * default) writes a PING frame; a side that read nothing at all for the idle timeout (5 s) closes
 * the connection, so a peer that crashed or was partitioned without a reset is noticed and the
 * link re-established (the dialler redials, the acceptor takes the new connection). This is
 * plumbing only: no protocol decision depends on these clocks, and a reader blocked by
 * backpressure is not reading, so it never times out.
 *
 * <p>Reliability: per direction, payloads carry sequence numbers 1, 2, ... of the sender's
 * incarnation (a random id drawn at open). The receiver delivers a payload iff its number
 * exceeds the last one it delivered from that incarnation, and acknowledges cumulatively. On
 * every connection both sides first exchange HELLO (own incarnation, the peer incarnation last
 * heard from, the last number delivered from it), so the sender resends exactly what the
 * receiver lacks: everything unacknowledged if the receiver restarted. Hence, between honest
 * servers, each payload sent reaches the receiver's {@link org.sintraee.runtime.link.Inbound}
 * once, in order, across any number of reconnections, unless dropped by the bound below.
 *
 * <p>Bounds: {@code send} never blocks. Each peer's unacknowledged payloads are bounded in
 * bytes; beyond it the oldest are dropped and counted (the receiver accepts the gap; catching
 * up is the runtime's job). A peer that does not read stalls only its own writer. Inbound frame
 * lengths are checked before allocation (payload at most
 * {@link org.sintraee.runtime.wire.WireLimits#MAX_FRAME_BYTES}); a peer breaking the frame
 * format is cut, counted and logged. Handshakes run under a timeout and are limited in number.
 *
 * <p>Frames in the TLS stream: see {@code LinkFrames}: int32 length, type byte, then HELLO
 * (version, incarnation, known peer incarnation, last delivered), DATA (seq, payload),
 * ACK (seq) or PING. Writes are buffered and flushed when a peer's queue is drained.
 */
package org.sintraee.runtime.link;
