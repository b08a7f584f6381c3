/**
 * Reliable broadcast (r-broadcast): Bracha's protocol [Bra87] with digests, as optimised
 * in [CP02] (PROTOCOLS.md, "Reliable broadcast").
 *
 * <p>Properties, for n servers of which at most t are Byzantine (n > 3t):
 * <ul>
 *   <li><b>Validity</b>: if the sender is honest, every honest server delivers its payload;</li>
 *   <li><b>Agreement/totality</b>: if one honest server delivers, every honest server does;</li>
 *   <li><b>Consistency</b>: no two honest servers deliver different payloads;</li>
 *   <li><b>Integrity</b>: each server delivers at most once, and only what an honest sender sent.</li>
 * </ul>
 *
 * <p>How it works. The sender sends {@code SEND(m)}; every server echoes the digest
 * {@code ECHO(h)}, {@code h = H(tag, m)}, of the first {@code SEND} it gets; a server sends
 * {@code READY(h)} once, on {@code echoQuorum} echoes or {@code honestOne} readies for h; it
 * delivers m on {@code readyToDeliver} readies for h while holding m with {@code H(m) = h}.
 * Without m it sends {@code REQUEST(h)} to the servers that echoed h, and the hash decides
 * whether an {@code ANSWER(m)} is the one; it keeps answering after it has delivered.
 *
 * <p>Why the thresholds suffice (Quorums): two {@code echoQuorum} sets meet in an honest
 * server, which echoes once, so honest servers send READY for one digest only;
 * {@code honestOne} readies contain an honest one, so amplifying on them keeps that digest;
 * {@code readyToDeliver} = 2t + 1 readies contain t + 1 honest ones, whose readies reach every
 * honest server and make it ready too, so all honest servers reach 2t + 1 (totality). An
 * honest READY for h needs {@code echoQuorum} echoes first, so at least t + 1 honest servers
 * echoed h and hold m: a fetch always finds it. The digest hashes the tag in, so messages
 * carry no tag (the parent routes them) and one replayed from another instance names a
 * digest no honest server here echoes.
 *
 * <p>Bounded memory per peer: one SEND (size-bounded), one ECHO and one READY per server,
 * one ANSWER per requested server, at most two payloads held (the sender's and a fetched
 * one whose hash matched), one answer per requester.
 */
package org.sintraee.protocol.rbc;
