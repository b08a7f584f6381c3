/**
 * Multi-valued validated Byzantine agreement (MVBA), [CKPS01] §4 (PROTOCOLS.md,
 * "Multi-valued validated agreement"), built from the children of the lower layers:
 * consistent broadcast ({@code tag/cbc/i}), the threshold coin ({@code tag/perm}) and the
 * biased validated binary agreement ({@code tag/aba/a}). Children never send by themselves:
 * {@link org.sintraee.protocol.mvba.ValidatedAgreement} lifts their steps and wraps their
 * messages with the child's key (proposer, candidate).
 *
 * <p>How it works. (1) Each server c-broadcasts its proposal; servers check the global
 * predicate Q before they echo. (2) A server waits until {@code quorum() = n - t}
 * c-broadcasts delivered proposals satisfying Q. (3) Only then it releases its share of the
 * permutation coin; the coin's seed gives Π, a permutation of 1..n
 * ({@link org.sintraee.protocol.mvba.Permutation}). (4) For l = 1..n, candidate a = Π(l):
 * send {@code V-VOTE(l, a, 1, proof)} if a's c-broadcast delivered here, else
 * {@code V-VOTE(l, a, 0)}; wait for n - t valid v-votes (a 1-vote counts only if its proof
 * verifies against a's instance; it also makes this server adopt the proof and fetch a's
 * payload with C-REQUEST); then propose to the biased agreement on a: 1 with π = a proof of
 * a's c-broadcast if this server holds one (delivered, or from a valid 1-vote), else 0. On
 * (1, π): output a's proposal (fetched via π if needed) and stop; on 0: next candidate.
 *
 * <p>Properties, with n > 3t and at most t corrupted servers:
 * <ul>
 *   <li><b>External validity</b>: the decision satisfies Q. It is a payload certified by an
 *       echo quorum of {@code ceil((n+t+1)/2) > t} servers, so at least one honest server
 *       checked Q before echoing.</li>
 *   <li><b>Agreement</b>: all honest servers run the same candidate sequence Π (one coin) and
 *       the binary agreements agree; a decision of 1 on a carries a proof of a's c-broadcast,
 *       and c-broadcast consistency makes it identify one payload.</li>
 *   <li><b>Decides a proposed value, never a default</b>: the output is the payload of a's
 *       c-broadcast; if a is honest, a's own proposal (c-broadcast integrity).</li>
 *   <li><b>Integrity</b>: one output, then the instance stops: afterwards it handles only
 *       c-broadcast messages, so it keeps answering C-REQUEST for servers still fetching.</li>
 *   <li><b>Termination</b>: the n - t honest proposals' c-broadcasts deliver at every honest
 *       server, so step (2) ends everywhere. Call a candidate <em>good</em> if more than t
 *       honest servers completed it before they tossed. Each honest server completed at least
 *       n - t candidates, so the honest completions number at least (n - t)^2 &gt; nt (as
 *       n &gt; 3t): some candidate is good, and for n = 3t + 1 at least t + 2 are. For a good
 *       a, more than t honest servers send 1-votes, so at most n - 2t - 1 honest servers send
 *       0-votes and any n - t v-votes (at least n - 2t of them honest) contain a valid 1-vote:
 *       every honest server proposes 1 with π, and the biased agreement decides 1 (its
 *       validity). Hence a decision within the n candidates is guaranteed; and since the
 *       good set is fixed before Π is known, each iteration hits a good candidate with
 *       probability at least about 1/3: a constant expected number of iterations
 *       (CKPS01: at most 3 in expectation).</li>
 * </ul>
 *
 * <p>Thresholds: {@code quorum() = n - t} is what can always be waited for (c-broadcast
 * completions, v-votes); two quorums meet in {@code n - 2t >= t + 1} servers, one honest,
 * which is why a v-vote quorum reflects what honest servers hold. The c-broadcast's echo
 * quorum makes at most one payload certifiable per proposer; the biased agreement's own
 * thresholds are in {@link org.sintraee.protocol.aba}.
 *
 * <p><b>Why the coin is released only after n - t proposals completed.</b> Until an honest
 * server releases its coin share, Π is unpredictable. If shares were released earlier, the
 * adversary could learn Π first and then, scheduling the network, complete exactly the
 * c-broadcasts of candidates it likes (its own, late in everyone's view) and hold back those
 * early in Π, driving the agreements to 0 for n - t iterations: termination in expected
 * constant time would be lost. Tossing after n - t completions fixes a large set of
 * completed candidates before anyone learns the order.
 *
 * <p>Faults (in the MVBA's tag): v-votes with a proof that does not verify
 * ({@code INVALID_PROOF}); a second, different v-vote for the same iteration
 * ({@code EQUIVOCATION}); a v-vote for a candidate other than Π(l), a 1-vote without or a
 * 0-vote with a proof, children keys out of range, senders out of range ({@code MALFORMED});
 * more early v-votes than iterations ({@code FLOODING}); plus whatever the children report,
 * lifted under their own tags. Memory per sender is bounded: one v-vote per (iteration,
 * sender), at most n buffered v-votes per sender before Π is known, one child of each kind
 * per server. Durable records: {@code v-vote/l} (candidate, bit) for each v-vote sent; the
 * children add theirs (c-echo, coin-share, pre-vote/r, main-vote/r).
 */
package org.sintraee.protocol.mvba;
