/**
 * Atomic broadcast (ABC), [CKPS01] §5 (PROTOCOLS.md, "Atomic broadcast"), composed over
 * multi-valued validated agreement ({@link org.sintraee.protocol.mvba.ValidatedAgreement}),
 * whose steps {@link org.sintraee.protocol.abc.AtomicBroadcast} lifts with
 * {@code Step.Builder.absorb}.
 *
 * <p>How it works. Requests are identified by their SHA-256 digest. In round r (from 0):
 * (1) each server signs its batch, the oldest {@code batchSize} undelivered requests of its
 * queue, on {@code Statement.of(tag, "batch", int64(r), H(batch))} and sends
 * {@code BATCH(r, batch, signature)} to all (durable record {@code batch/r}, holding H(batch), first);
 * (2) it waits for {@code quorum() = n - t} validly signed round-r batches of distinct
 * servers; (3) it proposes that vector (canonical encoding, servers ascending:
 * {@link org.sintraee.protocol.abc.BatchCodec}) to the agreement {@code tag/r/mvba} with the
 * predicate Q_r: "exactly quorum() entries by distinct servers, each a well-formed batch
 * within the size bounds with a valid individual, transferable signature of its server over
 * (tag, r, batch)"; (4) on the decision it delivers every request of the vector whose digest
 * is not among the last {@code DEDUP_WINDOW} deliveries, in server order then batch position
 * (a request in several batches once), drops every delivered request from its queue whoever
 * batched it, and goes to r+1.
 *
 * <p>Liveness without spinning. A server starts round r (sends its batch) when its queue
 * is non-empty, or when it receives a valid round-r BATCH holding a request not in its dedup
 * window, or valid round-r batches from {@code honestOne() = t + 1} servers (so an honest
 * one started r); then it joins with its batch, possibly empty. An idle system therefore
 * sends nothing, and corrupted servers cannot force empty rounds by resending stale
 * requests (new requests, and requests evicted from the window, are delivered: real load,
 * which any client may create). If an honest server
 * starts round r for its queue, its batch holds requests undelivered everywhere after round
 * r-1 (total order), so every honest server joins r. The t + 1 rule covers a round that
 * others started for a corrupted server's request this server never saw validly (say,
 * after a bad batch from that server): any decided round was joined by at least
 * n - 2t >= t + 1 honest servers, whose batches reach everyone, and a server must join
 * (propose) before its agreement instance moves.
 *
 * <p>Properties, with n > 3t and at most t corrupted servers:
 * <ul>
 *   <li><b>Agreement and total order</b>: every honest server decides the same vector in
 *       each round (the agreement's agreement) and derives its deliveries from the vector
 *       and the previous rounds deterministically, so all deliver the same sequence; seqs
 *       count from 0 without gaps.</li>
 *   <li><b>Integrity</b>: a request is delivered at most once among the last
 *       {@code DEDUP_WINDOW} (2^18) deliveries ({@link org.sintraee.protocol.abc.DeliveredWindow});
 *       the same bytes submitted again after leaving the window are a new request, delivered
 *       again at the same seq at every honest server, since the window moves by seq and every
 *       honest server delivers the same sequence (a corrupted server re-batching an old, evicted
 *       request is such a client: applications that must not apply a command twice carry their
 *       own request ids). A request is delivered only if it is in a batch signed by its server,
 *       so nothing is delivered that no server batched (a corrupted server may batch requests of
 *       its own making: a client can do the same).</li>
 *   <li><b>Validity</b>: a request in the queue of an honest server h is batched by h in
 *       every round h joins until delivered; honest servers join every round that some
 *       honest server starts, and h starts one while its queue is non-empty. The window changes
 *       nothing here: a queued request leaves the queue only when it is delivered.</li>
 *   <li><b>Fairness</b>: let x be known to a set H of {@code honestOne() = t + 1} honest
 *       servers, at queue position p_h at h when the last of them got it, and let r0 be the
 *       largest round an honest server was in then. Every decided vector of a round r > r0
 *       has n - t batches, so it includes a batch of some h in H (n - t + t + 1 > n), signed
 *       after h got x; that batch is the oldest batchSize undelivered requests of h: either
 *       it holds x, or batchSize requests ahead of x at h are delivered and leave h's queue
 *       (positions never grow: new requests join the tail). So the sum over H of
 *       ceil(p_h / batchSize) falls by one each round until x is delivered, by round
 *       r0 + sum_h ceil(p_h / batchSize) - t at the latest, which is at most
 *       r0 + (t + 1) * ceil(maxQueue / batchSize). A request known to fewer than t + 1
 *       honest servers gets no such bound: the scheduler may keep its only holder's batch
 *       out of every vector. Nor does the window change this argument (it only needs queued
 *       requests to leave queues when delivered).</li>
 * </ul>
 *
 * <p>Thresholds: {@code quorum()} batches are what can always be waited for (the n - t
 * honest servers all join), and any quorum meets any t + 1 servers, which is the fairness
 * argument above; the agreement's thresholds are in {@link org.sintraee.protocol.mvba}.
 * Individual signatures make each batch in the vector transferable: whoever checks Q_r
 * needs no one else's word that the batch's server sent it in round r.
 *
 * <p>Faults (in the ABC's tag): a batch whose signature does not verify
 * ({@code INVALID_PROOF}); a second, different batch for one round ({@code EQUIVOCATION},
 * the first is kept); an oversized, malformed or repeating batch, a negative round, a
 * sender outside 1..n ({@code MALFORMED}); more messages for future rounds than the buffer
 * holds ({@code FLOODING}); plus the agreement's faults, lifted under its tags. A sender's
 * rejected batch for a round is not checked again.
 *
 * <p>Bounds. Messages for rounds r+1 .. r+{@code ROUND_WINDOW} (16) are buffered in a
 * {@link org.sintraee.protocol.core.PendingBuffer} of {@code ROUND_WINDOW * (16n + 65)}
 * messages per sender, released when the round starts; messages for rounds beyond the
 * window are dropped without blame (an honest peer may be that far ahead; a server lagging
 * more than the window relies on catch-up, below). Agreements of
 * decided rounds are dropped except the last {@code KEEP_ROUNDS} (= the window, 16), which
 * keep answering C-REQUEST for servers still fetching a decided proposal: a server within
 * the window behind can always finish; one further behind needs the catch-up too. One batch per (round, sender) is stored, of at most {@code 4 + batchSize * (4 +
 * maxRequestBytes)} bytes. The queue holds at most {@code maxQueue} requests (the caller's
 * back-pressure). The dedup window holds the digests of the last {@code DEDUP_WINDOW} = 2^18
 * deliveries (about 130 bytes each on the heap: at most about 34 MiB), evicted by seq, so
 * it no longer grows with the log. A batch reaches a server in its BATCH and in
 * up to n proposals, each checked by Q_r twice (before the echo, on delivery):
 * {@link org.sintraee.protocol.abc.VerifiedBatches} keeps the current round's batches that
 * passed every check (matched by their exact bytes and signature, at most 2 per server, emptied
 * each round), so each is decoded, hashed and verified once; no outcome depends on it.
 *
 * <p><b>Catch-up.</b> A server that fell behind, or restarted, fetches the rounds it missed
 * from any one peer as {@link org.sintraee.protocol.abc.RoundProof}s and checks them itself.
 * A proof of round r holds the decided vector v, the candidate a and the DECIDE certificate
 * of a's biased agreement {@code tag/r/mvba/aba/a}: {@code quorum() = n - t} valid main-vote
 * signatures for 1 in one of its rounds, with π, a {@link org.sintraee.protocol.cbc.CbcProof}
 * of a's c-broadcast in {@code tag/r/mvba/cbc/a}. {@code check} accepts it iff the certificate
 * verifies (by the agreement's own DECIDE check), π certifies exactly v, and v satisfies Q_r.
 * <em>One valid proof per round names one value</em>, so one answering peer suffices and a
 * lying one is caught ({@code INVALID_PROOF}): (i) n - t main-votes for 1 include
 * n - 2t >= t + 1 honest ones, so honest servers ran a's agreement; honest servers run the
 * agreement of Π(l+1) only after that of Π(l) decided 0, and stop at the first that decides 1,
 * so the only candidate whose agreement gets honest votes after all earlier ones decided 0 is
 * the decided one, Π(l*); (ii) a certificate for 1 in an agreement that decided 0 is impossible:
 * two sets of n - t signers meet in n - 2t > t servers, so in an honest one, and an honest
 * server main-votes at most one value per round, while binary agreement's agreement carries a
 * round's main-vote quorum into every later round; (iii) c-broadcast lets at most one digest
 * be certified per instance (echo quorums meet in an honest server), so π fixes v. The
 * iteration l is carried for information only: checking it would need the permutation coin.
 *
 * <p>The runtime's side: after every step it persists {@code proof(r)} for each round r the
 * step decided (present for those and the {@code KEEP_ROUNDS} before); {@code evidenceOfRound()}
 * is the highest round that {@code honestOne()} servers sent well-formed messages for (one
 * number per sender, updated even for messages beyond the window), so some honest server is
 * there and every earlier round is decided: fetch [round(), evidence) and feed them in order
 * to {@code adopt(sender, proof)}, which delivers the round exactly as an own decision (same
 * seqs, same dedup) and enters the next round; older and later proofs are ignored. The last
 * round of an idle system shows in no later message, so the runtime also asks a peer for its
 * latest proof.
 *
 * <p>Past a certified checkpoint peers may have pruned the proofs. The runtime then fetches a
 * round's delivered requests with the service's threshold signature over a Merkle root of
 * per-round (round, next seq, chain of the order) leaves, checks them itself, and feeds them
 * to {@code adoptDelivered(r, requests)}: the round is delivered as given (the certified order
 * is what every honest server delivered; t + 1 signers include an honest one) and the next
 * round begins as after {@code adopt}. No proof is held for such a round.
 *
 * <p>A restarted server must not contradict what it said before the crash (its journal holds
 * the {@link org.sintraee.protocol.core.DurableRecord}s: {@code batch/r} in this tag, its
 * children's under {@code tag/r/mvba/...}; {@code roundOf} maps each to its round).
 * {@code resume(..., round, nextSeq, delivered, silentThrough)} restarts it in its first
 * undelivered round with silentThrough = the journal's highest round: in every round up to
 * silentThrough it sends nothing at all (its agreement instance there is gone, and a fresh one
 * could vote otherwise) and waits for adopted proofs, dropping those rounds' messages without
 * blame; from silentThrough + 1 it runs normally. Its liveness there rests on catch-up, which
 * the n - t other servers' progress provides.
 *
 * <p><b>Dissemination (compact C-SENDs; {@code Dissemination}).</b> The value agreed on is still
 * the whole vector, and
 * Q_r, the round proofs and catch-up see nothing else. Only the proposer's C-SEND travels
 * differently: every server already sent its batch to all, so the proposer names each batch
 * of its vector by its digest (the one under the batch's signature; {@code CompactVector},
 * about 100 bytes per entry) in a {@code COMPACT-SEND(r, ...)}. A receiver rebuilds the exact
 * vector from the batches it holds (SHA-256 fixes the bytes) and hands its agreement
 * {@code C-SEND(vector)}, as if it had come whole; for a batch it lacks it sends the proposer
 * {@code BATCH-REQUEST(r, j, d)} and waits ({@code CompactSends}), and the proposer answers
 * {@code BATCH-ANSWER(r, j, batch)} from its own proposal, which it keeps for KEEP_ROUNDS
 * rounds. An honest proposer built its vector from batches it holds, so it can always answer,
 * and a batch a corrupted server showed to the proposer alone still reaches everyone (without
 * this, such batches could keep honest proposals from completing). Servers the proposer saw
 * more than one round behind get the whole C-SEND instead: they may reach the round only after
 * the proposer dropped it. So, as for C-REQUEST, a server within the window behind can always
 * finish and one further behind needs the catch-up. Faults: a malformed compact vector
 * ({@code MALFORMED}); an answer whose digest is not the one asked for ({@code INVALID_PROOF});
 * requests for batches we did not propose are ignored without blame (an honest requester asks
 * only what a proposal named). Bounds: per kept round, one compact send per proposer, n
 * requests per parked send, one answer per (requester, round, server), and an answer is hashed
 * only if asked for.
 *
 * <p>Cost. Carrying whole batches through the agreement's c-broadcasts cost O(n^3 |m|) bits per
 * round (n proposals of n - t batches, each sent to n servers): the known weakness of CKPS01's
 * ABC; in the benchmark, 16.4 KB on the wire per 1 KiB request. With compact C-SENDs each
 * batch crosses the wire n - 1 times, as in Dumbo-NG and Narwhal, which separate dissemination
 * from agreement: 4.3 KB per request, against 3.9 KB for the benchmark's fixed-leader limit.
 * Measured ({@code AbcBenchmark}: n = 4 on one thread, batch 512 of 1 KiB, before compact
 * sends): about 15,000 requests per CPU-second with mock keys and 8,000-9,500 with Ed25519 and
 * the CKS00 coin, where signature and coin-share checks of the agreement take about half the
 * time ({@link org.sintraee.protocol.crypto.sig.MemoizedVerifier} spares the repeats).
 */
package org.sintraee.protocol.abc;
