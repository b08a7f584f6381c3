/**
 * Binary Byzantine agreement after [CKS00] §4 ("ABBA"), and the biased validated variant
 * of [CKPS01] §3 used by multi-valued agreement; see PROTOCOLS.md.
 *
 * <p>Properties: <em>Validity</em> (if all honest servers propose b, they decide b; biased:
 * a decision of 1 comes with a valid external proof π, and if every honest server proposes
 * 1 with π the decision is 1), <em>Agreement</em>, <em>Termination</em> with probability 1
 * in an expected constant number of rounds, <em>Integrity</em> (one decision).
 *
 * <p>Rounds: pre-process (standard only; {@code t + 1} signed pre-processes for b justify a
 * round-1 pre-vote for b, since n - t of them hold t + 1 for some value), then per round r a
 * pre-vote (round 1: the pre-process certificate, or in the biased variant nothing, with π
 * for a 1; later: "hard", the n - t pre-vote certificate of a main-vote for b of round
 * r - 1, or "soft", n - t signed abstains of round r - 1 and the value coin(r - 1)), a
 * main-vote (b on n - t pre-votes for b, else abstain with one pre-vote justification for
 * each value), and on n - t main-votes either a decision or the coin of round r
 * ({@code tag/coin/r}, a child {@link org.sintraee.protocol.coin.ThresholdCoinProtocol}; the
 * biased round-1 coin is fixed to 1 and never tossed). Why the thresholds suffice: two sets
 * of n - t intersect in at least n - 2t >= t + 1 servers, one honest, who votes once; so at
 * most one bit has justified main-votes per round, and n - t main-votes for b exclude n - t
 * abstains. Quorum certificates of individual signatures stand in for threshold signatures;
 * every statement names tag, step, round and value. Every received vote counts only after
 * its signature and justification check (faults: {@code INVALID_PROOF}, {@code UNJUSTIFIED},
 * {@code EQUIVOCATION}); a soft justification waits, parked, until this server knows the coin
 * it names.
 *
 * <p><b>Deliberate deviation from CKS00.</b> CKS00 says "decide b and continue for one more
 * round". Here a server that sees n - t main-votes for b decides, sends {@code DECIDE(r, b,
 * certificate of those n - t main-votes)} and stops; a verified {@code DECIDE} from anyone is
 * adopted, forwarded once, and stops the instance too. Safe, as PROTOCOLS.md says: n - t
 * main-votes for b in round r leave no justified main-vote for 1 - b and no n - t abstains in
 * round r, so every honest server that reaches round r + 1 pre-votes b, and no vote for 1 - b
 * can be justified ever after; whoever does not finish round r + 1 (because the deciders
 * stopped) gets the transferable certificate instead.
 *
 * <p>Immunity to scheduling attacks (HoneyBadgerBFT issue #59 on MMR14's signature-free
 * agreement): the coin of round r is released only after a server holds n - t main-votes,
 * and a pre-vote either follows a justified main-vote or the coin, so the adversary cannot
 * keep justified votes for both values alive once it has seen the coin.
 *
 * <p>Bounded memory: one vote per (round, step, sender), rounds up to {@code round + 2}
 * processed, later rounds buffered per sender (32 messages) and then dropped as
 * {@code FLOODING}; π bounded to 64 KiB. Everything this server signs or shares is a
 * {@link org.sintraee.protocol.core.DurableRecord} ("pre-process", "pre-vote/r",
 * "main-vote/r", "coin-share"), so a restart never contradicts itself.
 */
package org.sintraee.protocol.aba;
