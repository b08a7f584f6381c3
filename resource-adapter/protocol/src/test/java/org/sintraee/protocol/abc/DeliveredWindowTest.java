package org.sintraee.protocol.abc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.sim.Contexts;

class DeliveredWindowTest {
    private static Bytes d(int k) {
        return AbcRecords.requestDigest(Bytes.of(new byte[] {(byte) k, (byte) (k >> 8)}));
    }

    private static List<Bytes> digests(int from, int to) {
        return IntStream.range(from, to).mapToObj(DeliveredWindowTest::d).toList();
    }

    @Test
    void evictsTheOldestFirstAndNeverHoldsMoreThanItsCapacity() {
        DeliveredWindow w = new DeliveredWindow(3);
        for (int k = 0; k < 3; k++) {
            assertTrue(w.add(d(k)));
        }
        assertEquals(3, w.size());
        assertTrue(w.add(d(3)));
        assertEquals(3, w.size(), "capacity bounds the size");
        assertFalse(w.contains(d(0)), "the oldest went first");
        assertTrue(w.contains(d(1)) && w.contains(d(2)) && w.contains(d(3)));
        assertTrue(w.add(d(4)));
        assertFalse(w.contains(d(1)));
        assertTrue(w.contains(d(2)), "eviction follows insertion order, not hash order");
    }

    @Test
    void aDigestInTheWindowIsRefusedAndChangesNothing() {
        DeliveredWindow w = new DeliveredWindow(3);
        w.add(d(0));
        w.add(d(1));
        assertFalse(w.add(d(0)));
        assertEquals(2, w.size());
        w.add(d(2));
        w.add(d(3)); // a refused re-add must not have moved d(0) to the tail
        assertFalse(w.contains(d(0)));
        assertTrue(w.add(d(0)), "after leaving the window it is new again");
        assertFalse(w.contains(d(1)));
    }

    @Test
    void capacityOneHoldsTheLastDeliveryOnly() {
        DeliveredWindow w = new DeliveredWindow(1);
        assertTrue(w.add(d(0)));
        assertFalse(w.add(d(0)));
        assertTrue(w.add(d(1)));
        assertEquals(1, w.size());
        assertEquals(1, w.capacity());
        assertTrue(w.add(d(0)));
    }

    @Test
    void ofKeepsTheLastCapacityDigests() {
        DeliveredWindow w = DeliveredWindow.of(4, digests(0, 10));
        assertEquals(4, w.size());
        assertEquals(4, w.capacity());
        for (int k = 0; k < 10; k++) {
            assertEquals(k >= 6, w.contains(d(k)), "digest " + k);
        }
        assertTrue(w.add(d(10)));
        assertFalse(w.contains(d(6)), "the restored window evicts in seq order too");
        assertEquals(0, DeliveredWindow.of(4, List.of()).size());
    }

    @Test
    void ofMatchesAWindowThatRanThrough() {
        // A whole log with a re-delivery after eviction (0 again at seq 5, capacity 4) is a delivery log.
        List<Bytes> log = new ArrayList<>(digests(0, 5));
        log.add(d(0));
        log.addAll(digests(5, 7));
        DeliveredWindow ran = new DeliveredWindow(4);
        log.forEach(x -> assertTrue(ran.add(x)));
        DeliveredWindow whole = DeliveredWindow.of(4, log);
        DeliveredWindow tail = DeliveredWindow.of(4, log.subList(log.size() - 4, log.size()));
        for (int k = 0; k < 8; k++) {
            assertEquals(ran.contains(d(k)), whole.contains(d(k)), "whole log, digest " + k);
            assertEquals(ran.contains(d(k)), tail.contains(d(k)), "last window only, digest " + k);
        }
        assertTrue(whole.contains(d(0)));
    }

    @Test
    void ofRefusesARepeatWithinTheWindow() {
        List<Bytes> log = new ArrayList<>(digests(0, 3));
        log.add(d(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeliveredWindow.of(4, log));
        assertTrue(e.getMessage().contains("digestsInSeqOrder[3]") && e.getMessage().contains("not a delivery log"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeliveredWindow.of(4, List.of(d(0), d(0))));
    }

    @Test
    void capacityMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DeliveredWindow(0));
        assertTrue(e.getMessage().contains("capacity"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeliveredWindow.of(-1, List.of()));
    }

    @Test
    void resumeTakesAWholeLogButRefusesOneThatCouldNotHaveBeenDelivered() {
        ServerContext ctx = Contexts.mock(4, 1).get(0);
        Tag tag = Tag.of("window");
        List<Bytes> log = digests(0, 20);
        AtomicBroadcast a = AtomicBroadcast.resume(ctx, tag, 3, 64, 10, 7, log.size(), log, -1);
        assertEquals(20, a.deliveredCount());
        assertTrue(a.handleInput(new AbcInput.Submit(Bytes.of(new byte[] {0, 0}))).messages().isEmpty());
        assertEquals(0, a.queued(), "a delivered request within the window is not queued again");
        a.handleInput(new AbcInput.Submit(Bytes.of(new byte[] {20, 0})));
        assertEquals(1, a.queued(), "a new one is");
        List<Bytes> bad = new ArrayList<>(log);
        bad.add(d(19));
        assertThrows(IllegalArgumentException.class,
                () -> AtomicBroadcast.resume(ctx, tag, 3, 64, 10, 7, bad.size(), bad, -1));
    }
}
