package org.sintraee.protocol.quorum;

import java.util.Collection;

/**
 * Every threshold and quorum predicate of the protocol stack, in one place, so that no
 * protocol does its own arithmetic (and general Q3 adversary structures can replace the
 * t-of-n threshold later behind the same methods).
 *
 * <p>For n servers of which at most t are corrupted, n > 3t (PROTOCOLS.md, "Thresholds"):
 * <ul>
 *   <li>{@link #honestOne()} = t + 1: any such set contains an honest server;</li>
 *   <li>{@link #quorum()} = n - t: what can always be waited for;</li>
 *   <li>{@link #echoQuorum()} = ceil((n + t + 1) / 2): two such sets meet in an honest server.</li>
 * </ul>
 * The set predicates count distinct server ids in 1..n; callers pass the senders they
 * heard from, never raw message counts, so a duplicate never counts twice.
 */
public final class Quorums {
    private final int n;
    private final int t;

    private Quorums(int n, int t) {
        this.n = n;
        this.t = t;
    }

    /**
     * @throws IllegalArgumentException unless n >= 1, t >= 0 and n > 3t
     */
    public static Quorums threshold(int n, int t) {
        if (n < 1 || t < 0 || n <= 3 * t) {
            throw new IllegalArgumentException("need n > 3t with n >= 1 and t >= 0; got n=" + n + ", t=" + t);
        }
        return new Quorums(n, t);
    }

    /** The largest t with n > 3t. */
    public static Quorums optimal(int n) {
        return threshold(n, (n - 1) / 3);
    }

    public int n() {
        return n;
    }

    public int t() {
        return t;
    }

    /** t + 1. */
    public int honestOne() {
        return t + 1;
    }

    /** n - t. */
    public int quorum() {
        return n - t;
    }

    /** ceil((n + t + 1) / 2). */
    public int echoQuorum() {
        return (n + t + 2) / 2;
    }

    /** 2t + 1: reliable broadcast delivers on this many READY messages. */
    public int readyToDeliver() {
        return 2 * t + 1;
    }

    public boolean containsHonest(Collection<Integer> servers) {
        return distinct(servers) >= honestOne();
    }

    public boolean isQuorum(Collection<Integer> servers) {
        return distinct(servers) >= quorum();
    }

    public boolean isEchoQuorum(Collection<Integer> servers) {
        return distinct(servers) >= echoQuorum();
    }

    public boolean isReadyToDeliver(Collection<Integer> servers) {
        return distinct(servers) >= readyToDeliver();
    }

    /** True iff {@code id} names a server: 1..n. */
    public boolean isServer(int id) {
        return id >= 1 && id <= n;
    }

    private int distinct(Collection<Integer> servers) {
        if (servers instanceof java.util.Set<?>) {
            return (int) servers.stream().filter(this::isServer).count();
        }
        return (int) servers.stream().filter(this::isServer).distinct().count();
    }

    @Override
    public String toString() {
        return "Quorums[n=" + n + ", t=" + t + "]";
    }
}
