/**
 * The threshold coin protocol, [CKS00] §5 as a protocol instance: one instance per coin
 * name. A server releases its share ({@code COIN-SHARE}) only when its caller asks it to
 * toss; it collects and verifies the other servers' shares from the start, and outputs the
 * coin's value once it holds {@code honestOne() = t + 1} valid shares <em>and</em> has
 * tossed itself.
 *
 * <p>Properties: <em>Agreement</em> (every honest server gets the same value: any t + 1
 * valid shares interpolate to the same {@code h^x}); <em>Termination</em> (once every honest
 * server tossed, each receives at least n - t >= t + 1 valid shares); <em>Unpredictability</em>
 * (before the first honest server tosses, the adversary holds at most t shares, which reveal
 * nothing). Why wait for the own toss before output: CKS00 releases a coin to the caller only
 * after the caller released its own share, so the caller never learns the coin before it
 * committed to what precedes the toss (its main-vote in binary agreement).
 *
 * <p>Faults: a share whose proof does not verify ({@code INVALID_PROOF}), a share claiming
 * another server's index ({@code INVALID_PROOF}), a second, different share from one sender
 * ({@code EQUIVOCATION}; an identical copy is ignored). Memory: one share per sender.
 */
package org.sintraee.protocol.coin;
