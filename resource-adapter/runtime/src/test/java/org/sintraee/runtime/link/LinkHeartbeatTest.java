package org.sintraee.runtime.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Heartbeats keep an idle link up; a silently frozen connection is replaced and loses nothing. */
class LinkHeartbeatTest {
    private static final Duration HEARTBEAT = Duration.ofMillis(100);
    private static final Duration IDLE = Duration.ofMillis(700);

    private static LinkSettings settings(LinkCluster c, int id, Map<Integer, InetSocketAddress> peers) {
        return new LinkSettings(id, peers, c.addresses.get(id), LinkSettings.DEFAULT_MAX_QUEUED_BYTES,
                Duration.ofMillis(10), Duration.ofMillis(200), HEARTBEAT, IDLE);
    }

    /** Opens server {@code id} of {@code c} with the short heartbeat, seeing the peers at {@code peers}. */
    private static void open(LinkCluster c, int id, Map<Integer, InetSocketAddress> peers) throws Exception {
        c.recorders[id] = new Recorder(id);
        c.links[id] = PeerLinks.open(settings(c, id, peers), LinkKeys.identity(id), LinkKeys.pinned(), c.executor,
                c.recorders[id]);
    }

    @Test
    void anIdleLinkStaysUpOnHeartbeatsAlone() throws Exception {
        try (LinkCluster c = new LinkCluster()) {
            open(c, 1, c.addresses);
            open(c, 2, c.addresses);
            LinkCluster.await(() -> c.links[1].status(2).up() && c.links[2].status(1).up(), () -> "link up");
            LinkStatus at1 = c.links[1].status(2);
            LinkStatus at2 = c.links[2].status(1);
            // Nothing is sent; wait until each side heard several idle timeouts' worth of PINGs.
            long pings = 4 * IDLE.toMillis() / HEARTBEAT.toMillis();
            long ping = LinkFrames.LENGTH_BYTES + LinkFrames.PING_BODY;
            LinkCluster.await(() -> c.links[1].status(2).bytesIn() >= at1.bytesIn() + pings * ping
                    && c.links[2].status(1).bytesIn() >= at2.bytesIn() + pings * ping, () -> "pings");
            for (LinkStatus now : new LinkStatus[] {c.links[1].status(2), c.links[2].status(1)}) {
                assertTrue(now.up(), now.toString());
                assertEquals(0, now.idleTimeouts(), now.toString());
            }
            assertEquals(at1.sinceMillis(), c.links[1].status(2).sinceMillis(), "the link never went down");
            assertEquals(at2.sinceMillis(), c.links[2].status(1).sinceMillis(), "the link never went down");
        }
    }

    @Test
    void aSilentlyFrozenConnectionIsReplacedAndPayloadsArriveExactlyOnce() throws Exception {
        try (LinkCluster c = new LinkCluster();
             FreezingProxy proxy = new FreezingProxy(c.addresses.get(2), c.executor)) {
            Map<Integer, InetSocketAddress> viaProxy = new HashMap<>(c.addresses);
            viaProxy.put(2, proxy.address()); // server 1 dials server 2 through the proxy
            open(c, 1, viaProxy);
            open(c, 2, c.addresses);
            c.send(0, 1, 2, 0, 20, 200);
            c.send(0, 2, 1, 0, 20, 200);
            c.awaitCount(2, 1, 20);
            c.awaitCount(1, 2, 20);
            c.awaitAcked(1, 2);
            c.awaitAcked(2, 1);
            assertEquals(1, proxy.accepted());

            proxy.freeze();
            c.send(0, 1, 2, 20, 100, 200);
            c.send(0, 2, 1, 20, 100, 200);

            c.awaitCount(2, 1, 100);
            c.awaitCount(1, 2, 100);
            c.assertReceived(2, 1, 0, 0, 100);
            c.assertReceived(1, 2, 0, 0, 100);
            c.awaitAcked(1, 2);
            c.awaitAcked(2, 1);
            assertTrue(proxy.accepted() >= 2, "server 1 redialled through the proxy");
            assertTrue(c.links[1].status(2).idleTimeouts() + c.links[2].status(1).idleTimeouts() >= 1,
                    "the idle timeout noticed the frozen connection");
            assertTrue(c.links[1].status(2).up() && c.links[2].status(1).up());
            assertEquals(0, c.recorders[1].misattributed() + c.recorders[2].misattributed());
        }
    }

    @Test
    void settingsRefuseAnIdleTimeoutTooCloseToTheHeartbeat() throws Exception {
        try (LinkCluster c = new LinkCluster()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new LinkSettings(1, c.addresses, c.addresses.get(1), 1024, Duration.ofMillis(10),
                            Duration.ofMillis(20), Duration.ofSeconds(1), Duration.ofMillis(1500)));
            assertTrue(e.getMessage().contains("heartbeat"), e.getMessage());
        }
    }
}
