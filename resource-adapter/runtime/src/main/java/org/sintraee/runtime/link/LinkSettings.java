package org.sintraee.runtime.link;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.sintraee.runtime.keys.Member;
import org.sintraee.runtime.keys.PublicKeys;

/**
 * Where the servers are and how this one links to them.
 *
 * @param self                  this server's id
 * @param peers                 every member's address, this server included, ids exactly 1..n
 * @param listen                where this server accepts links (port 0: chosen by the OS)
 * @param maxQueuedBytesPerPeer payload bytes kept unacknowledged per peer before the oldest are dropped
 * @param minBackoff            first reconnection delay
 * @param maxBackoff            largest reconnection delay
 * @param heartbeat             a connection that wrote nothing for this long writes a PING frame
 * @param idleTimeout           a connection that received no frame for this long is closed and
 *                              re-established (a peer that crashed or got partitioned without a
 *                              reset); it must exceed the heartbeat, with room for delays
 */
public record LinkSettings(int self, Map<Integer, InetSocketAddress> peers, InetSocketAddress listen,
                           long maxQueuedBytesPerPeer, Duration minBackoff, Duration maxBackoff,
                           Duration heartbeat, Duration idleTimeout) {

    public static final long DEFAULT_MAX_QUEUED_BYTES = 64L << 20;
    public static final Duration DEFAULT_MIN_BACKOFF = Duration.ofMillis(50);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(1);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(5);

    /** @throws IllegalArgumentException saying which setting is wrong */
    public LinkSettings {
        Objects.requireNonNull(peers, "peers");
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(minBackoff, "minBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        peers = Map.copyOf(new TreeMap<>(peers));
        int n = peers.size();
        for (int id = 1; id <= n; id++) {
            if (peers.get(id) == null) {
                throw new IllegalArgumentException("peer ids must be exactly 1.." + n + ", got " + peers.keySet());
            }
        }
        if (self < 1 || self > n) {
            throw new IllegalArgumentException("self " + self + " is not in 1.." + n);
        }
        if (maxQueuedBytesPerPeer < 1) {
            throw new IllegalArgumentException("maxQueuedBytesPerPeer must be positive, got " + maxQueuedBytesPerPeer);
        }
        if (minBackoff.isNegative() || minBackoff.isZero() || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("need 0 < minBackoff <= maxBackoff, got " + minBackoff + ", " + maxBackoff);
        }
        if (heartbeat.toMillis() < 1 || idleTimeout.compareTo(heartbeat.multipliedBy(2)) < 0
                || idleTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("need 1 ms <= heartbeat and 2 * heartbeat <= idleTimeout (at most "
                    + Integer.MAX_VALUE + " ms), got " + heartbeat + ", " + idleTimeout);
        }
    }

    /** With the default heartbeat (1 s) and idle timeout (5 s). */
    public LinkSettings(int self, Map<Integer, InetSocketAddress> peers, InetSocketAddress listen,
                        long maxQueuedBytesPerPeer, Duration minBackoff, Duration maxBackoff) {
        this(self, peers, listen, maxQueuedBytesPerPeer, minBackoff, maxBackoff, DEFAULT_HEARTBEAT,
                DEFAULT_IDLE_TIMEOUT);
    }

    /** Default bound (64 MiB per peer), backoff (50 ms .. 5 s), heartbeat (1 s) and idle timeout (5 s). */
    public static LinkSettings defaults(int self, Map<Integer, InetSocketAddress> peers, InetSocketAddress listen) {
        return new LinkSettings(self, peers, listen, DEFAULT_MAX_QUEUED_BYTES, DEFAULT_MIN_BACKOFF, DEFAULT_MAX_BACKOFF);
    }

    /**
     * Defaults with the members' addresses from the public file. Addresses stay unresolved
     * here and are resolved at each dial, so a DNS change is picked up on reconnection.
     */
    public static LinkSettings from(PublicKeys keys, int self, InetSocketAddress listen) {
        Map<Integer, InetSocketAddress> peers = new TreeMap<>();
        for (Member m : keys.members()) {
            peers.put(m.id(), InetSocketAddress.createUnresolved(m.address().host(), m.address().port()));
        }
        return defaults(self, peers, listen);
    }

    /** Number of servers, n. */
    public int servers() {
        return peers.size();
    }
}
