/**
 * The wire codec: a versioned, canonical, bounded binary encoding of every protocol message,
 * and of the runtime's own catch-up exchange ({@link org.sintraee.runtime.wire.CatchUpMessage}:
 * {@code FETCH(round)}, {@code PROOF(round, proof)} of at most {@code MAX_PROOF_BYTES}).
 *
 * <p>Frame: magic {@code 'S' 'W'}, version byte, the instance tag as ASCII text (u16 length,
 * validated by {@code Tag.parse}), a family byte and a kind byte per message type (wrappers
 * nest their child's kind bytes), then the fields, every byte string with an explicit int32
 * length. Decoding takes untrusted bytes from the network: every length is checked against
 * {@link org.sintraee.runtime.wire.WireLimits} before anything is allocated, nesting is
 * bounded, trailing bytes, unknown kinds and versions are rejected, and errors come back as
 * {@code Decoded.error} rather than exceptions. Canonical: a frame is accepted only if
 * re-encoding its message gives exactly its bytes, so one message has exactly one encoding.
 */
package org.sintraee.runtime.wire;
