package org.sintraee.runtime.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Four servers on loopback: reliable, ordered, exactly-once delivery across failures. */
class PeerLinksDeliveryTest {
    private static final int N = LinkKeys.N;

    @Test
    void everyPayloadArrivesOnceInOrderFromTheRightSenderOverTls13() throws Exception {
        Logger log = Logger.getLogger("org.sintraee.runtime.link");
        List<String> messages = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                messages.add(r.getMessage() == null ? "" : r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level before = log.getLevel();
        log.setLevel(Level.FINE);
        capture.setLevel(Level.FINE);
        log.addHandler(capture);
        int count = 3000;
        try (LinkCluster c = new LinkCluster()) {
            c.openAll();
            for (int s = 1; s <= N; s++) {
                for (int r = 1; r <= N; r++) {
                    if (s != r) {
                        c.send(0, s, r, 0, count, 1024);
                    }
                }
            }
            for (int s = 1; s <= N; s++) {
                for (int r = 1; r <= N; r++) {
                    if (s != r) {
                        c.awaitCount(r, s, count);
                    }
                }
            }
            for (int s = 1; s <= N; s++) {
                for (int r = 1; r <= N; r++) {
                    if (s != r) {
                        c.assertReceived(r, s, 0, 0, count);
                        c.awaitAcked(s, r);
                    }
                }
                assertEquals(0, c.recorders[s].misattributed());
                assertEquals(0, c.recorders[s].count(s), "no self-sends through the links");
            }
            LinkStatus st = c.links[1].status(2);
            assertTrue(st.up());
            assertTrue(st.bytesOut() > count * 1024L && st.bytesIn() > count * 1024L, st.toString());
            assertEquals(0, st.dropped());
            assertEquals("TLSv1.3", c.links[1].protocol(2));
            assertEquals("TLSv1.3", c.links[4].protocol(3));
            assertTrue(messages.stream().anyMatch(m -> m.contains("uses TLSv1.3")), messages.toString());
            assertFalse(messages.stream().anyMatch(m -> m.contains("uses TLSv1.2")));
        } finally {
            log.removeHandler(capture);
            log.setLevel(before);
        }
    }

    @Test
    void connectionsCutMidStreamLoseAndDuplicateNothing() throws Exception {
        int count = 4000;
        try (LinkCluster c = new LinkCluster()) {
            c.openAll();
            Thread[] senders = new Thread[N + 1];
            for (int s = 1; s <= N; s++) {
                int sender = s;
                senders[s] = new Thread(() -> {
                    for (int i = 0; i < count; i += 100) {
                        for (int r = 1; r <= N; r++) {
                            if (r != sender) {
                                c.send(0, sender, r, i, i + 100, 512);
                            }
                        }
                        Thread.yield();
                    }
                });
                senders[s].start();
            }
            // cut while payloads are in flight, from both the dialling and the accepting side
            for (int k = 0; k < 6; k++) {
                int victim = 1 + k % N;
                int other = victim == 1 ? 2 : 1;
                int progress = Math.min(count, c.recorders[other].count(victim) + 50);
                c.awaitCount(other, victim, progress); // traffic flows between the cuts
                c.links[victim].dropConnections();
            }
            for (int s = 1; s <= N; s++) {
                senders[s].join();
            }
            for (int s = 1; s <= N; s++) {
                for (int r = 1; r <= N; r++) {
                    if (s != r) {
                        c.awaitCount(r, s, count);
                    }
                }
            }
            for (int s = 1; s <= N; s++) {
                for (int r = 1; r <= N; r++) {
                    if (s != r) {
                        c.assertReceived(r, s, 0, 0, count);
                    }
                }
            }
        }
    }

    @Test
    void payloadsSentWhileDownArriveAfterReconnect() throws Exception {
        // a long backoff keeps the link down long enough to send into the gap
        try (LinkCluster c = new LinkCluster(LinkSettings.DEFAULT_MAX_QUEUED_BYTES, Duration.ofMillis(1500),
                Duration.ofMillis(3000))) {
            c.openAll();
            c.send(0, 1, 2, 0, 10, 100);
            c.send(0, 2, 1, 0, 10, 100);
            c.awaitCount(2, 1, 10);
            c.awaitCount(1, 2, 10);
            c.links[1].dropConnections();
            LinkCluster.await(() -> !c.links[1].status(2).up() && !c.links[2].status(1).up(), () -> "link down");
            long downSince = c.links[1].status(2).sinceMillis();
            c.send(0, 1, 2, 10, 50, 100);
            c.send(0, 2, 1, 10, 50, 100);
            boolean sentWhileDown = !c.links[1].status(2).up() && !c.links[2].status(1).up();
            c.awaitCount(2, 1, 50);
            c.awaitCount(1, 2, 50);
            assertTrue(sentWhileDown, "the link came back too early for this test");
            c.assertReceived(2, 1, 0, 0, 50);
            c.assertReceived(1, 2, 0, 0, 50);
            assertTrue(c.links[1].status(2).up());
            assertTrue(c.links[1].status(2).sinceMillis() >= downSince);
        }
    }

    @Test
    void restartedPeerGetsLaterPayloadsWhileTheOthersKeepWorking() throws Exception {
        try (LinkCluster c = new LinkCluster()) {
            c.openAll();
            for (int s = 1; s <= 3; s++) {
                c.send(0, s, 4, 0, 100, 200);
                c.send(0, 4, s, 0, 100, 200);
            }
            for (int s = 1; s <= 3; s++) {
                c.awaitCount(4, s, 100);
                c.awaitCount(s, 4, 100);
                c.awaitAcked(s, 4);
            }
            c.links[4].close();
            LinkCluster.await(() -> !c.links[1].status(4).up(), () -> "4 down at 1");
            // the others keep working meanwhile
            c.send(0, 1, 2, 0, 500, 200);
            c.send(0, 3, 1, 0, 500, 200);
            c.awaitCount(2, 1, 500);
            c.awaitCount(1, 3, 500);
            c.assertReceived(2, 1, 0, 0, 500);
            c.assertReceived(1, 3, 0, 0, 500);
            // sent while 4 is down: kept unacknowledged, resent in full to the new incarnation
            for (int s = 1; s <= 3; s++) {
                c.send(1, s, 4, 0, 50, 200);
            }
            c.open(4); // same port, new incarnation, empty state
            for (int s = 1; s <= 3; s++) {
                c.send(2, s, 4, 0, 50, 200);
                c.send(1, 4, s, 0, 50, 200); // the new 4 numbers from 1 again; receivers must not drop them
            }
            for (int s = 1; s <= 3; s++) {
                c.awaitCount(4, s, 100);
                c.awaitCount(s, 4, 150);
                c.assertReceived(4, s, 1, 0, 50);
                c.assertReceived(4, s, 2, 0, 50);
                c.assertReceived(s, 4, 0, 0, 100);
                c.assertReceived(s, 4, 1, 0, 50);
                assertEquals(0, c.recorders[4].from(s).stream().filter(k -> (k >>> 32) == 0).count(),
                        "nothing already acknowledged by the old incarnation is resent");
            }
        }
    }

    @Test
    void queueToADownPeerStaysBoundedAndTheOthersGetEverything() throws Exception {
        long bound = 64 * 1024;
        try (LinkCluster c = new LinkCluster(bound, Duration.ofMillis(10), Duration.ofMillis(200))) {
            c.open(1);
            c.open(2);
            c.open(3);
            c.send(0, 1, 4, 0, 128, 1024); // twice the bound, 4 is not running
            LinkStatus st = c.links[1].status(4);
            assertFalse(st.up());
            assertTrue(st.queuedBytes() <= bound, st.toString());
            assertEquals(64, st.dropped(), st.toString());
            // meanwhile the links to 2 and 3 carry everything (each burst within the bound)
            for (int burst = 0; burst < 6; burst++) {
                c.send(0, 1, 2, burst * 50, burst * 50 + 50, 1024);
                c.send(0, 1, 3, burst * 50, burst * 50 + 50, 1024);
                c.awaitCount(2, 1, burst * 50 + 50);
                c.awaitCount(3, 1, burst * 50 + 50);
                c.awaitAcked(1, 2);
                c.awaitAcked(1, 3);
            }
            c.assertReceived(2, 1, 0, 0, 300);
            c.assertReceived(3, 1, 0, 0, 300);
            assertEquals(0, c.links[1].status(2).dropped());
            assertEquals(64, c.links[1].status(4).dropped());
            // when 4 comes up it gets the newest half, across the gap left by the drops
            c.open(4);
            c.awaitCount(4, 1, 64);
            c.assertReceived(4, 1, 0, 64, 128);
            c.awaitAcked(1, 4);
        }
    }
}
