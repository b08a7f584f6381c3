package org.sintraee.protocol.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.Target;

class VirtualNetTest {

    private static VirtualNet<Integer, String, String> toyNet(int n, Set<Integer> faulty, long seed,
                                                              Adversary<String> adversary, Scheduler scheduler) {
        VirtualNet<Integer, String, String> net = VirtualNet.create(n, faulty, seed, id -> new ToyEcho(false),
                adversary, scheduler);
        for (int id : net.honest()) {
            net.input(id, 10 * id);
        }
        return net;
    }

    private static List<String> toyTrace(long seed) {
        VirtualNet<Integer, String, String> net = toyNet(4, Set.of(), seed, Adversaries.silent(), Scheduler.random());
        net.runUntilQuiet(1000);
        return net.trace();
    }

    @Test
    void sameSeedGivesTheSameTraceAndEveryMessageIsDelivered() {
        List<String> first = toyTrace(42);
        assertEquals(first, toyTrace(42));
        // 4 inputs, 16 hellos (the sender's own copy included), 16 outputs, 16 acks
        assertEquals(4 + 16 + 16 + 16, first.size());
        assertTrue(first.contains("output 3: 3:30"), first.toString());
    }

    @Test
    void differentSeedsGiveDifferentOrders() {
        Set<List<String>> traces = new HashSet<>();
        for (long seed = 1; seed <= 10; seed++) {
            traces.add(toyTrace(seed));
        }
        assertEquals(10, traces.size());
    }

    @Test
    void outputsAreRecordedPerHonestNode() {
        VirtualNet<Integer, String, String> net = toyNet(4, Set.of(2), 7, Adversaries.silent(), Scheduler.random());
        assertEquals(12 + 9, net.runUntilQuiet(1000));   // 3 x 4 hellos, acks only from the 3 honest receivers
        for (int id : net.honest()) {
            assertEquals(Set.of("1:10", "3:30", "4:40"), Set.copyOf(net.outputs(id)));
        }
        assertThrows(IllegalArgumentException.class, () -> net.outputs(2));
        assertThrows(IllegalArgumentException.class, () -> net.input(2, 1));
    }

    @Test
    void theDelayingSchedulerDeliversSlowMessagesOnlyWhenNothingElseIsPending() {
        Set<Integer> slow = Set.of(1);
        VirtualNet<Integer, String, String> net = toyNet(4, Set.of(), 3, Adversaries.silent(), Scheduler.delaying(slow));
        int slowDelivered = 0;
        while (!net.pending().isEmpty()) {
            List<InFlight<String>> before = new ArrayList<>(net.pending());
            assertTrue(net.crank());
            InFlight<String> delivered = delivered(before, net.pending());
            boolean isSlow = slow.contains(delivered.from()) || slow.contains(delivered.to());
            if (isSlow) {
                slowDelivered++;
                assertTrue(before.stream().allMatch(m -> slow.contains(m.from()) || slow.contains(m.to())),
                        "a slow message went first: " + delivered + " while " + before);
            }
        }
        assertEquals(14, slowDelivered);   // server 1's 4 hellos + 3 hellos to it + 7 acks
        assertFalse(net.crank());
    }

    @Test
    void thePartitionedSchedulerHoldsCrossCutMessagesThenHeals() {
        Set<Integer> side = Set.of(1, 2);
        VirtualNet<Integer, String, String> net = toyNet(4, Set.of(), 5, Adversaries.silent(),
                Scheduler.partitioned(side, 10));
        List<InFlight<String>> order = new ArrayList<>();
        while (!net.pending().isEmpty()) {
            List<InFlight<String>> before = new ArrayList<>(net.pending());
            net.crank();
            order.add(delivered(before, net.pending()));
        }
        // 16 same-side messages exist, so the first 10 deliveries never cross the cut ...
        for (InFlight<String> m : order.subList(0, 10)) {
            assertEquals(side.contains(m.from()), side.contains(m.to()), "crossed before healing: " + m);
        }
        // ... and after healing every cross message arrives: every node heard every hello
        assertEquals(32, order.size());
        for (int id = 1; id <= 4; id++) {
            assertEquals(4, net.outputs(id).size());
        }
    }

    @Test
    void theAdversaryReceivesMessagesToFaultyServersAndSpeaksOnlyForThem() {
        List<InFlight<String>> seen = new ArrayList<>();
        Adversary<String> junk = new Adversary<>() {
            @Override
            public void start(AdversaryContext<String> ctx) {
                assertEquals(4, ctx.n());
                ctx.send(4, Target.all(), "junk");
                assertThrows(IllegalArgumentException.class, () -> ctx.send(1, Target.all(), "forged"));
            }

            @Override
            public void onMessage(InFlight<String> m, AdversaryContext<String> ctx) {
                assertEquals(4, m.to());
                seen.add(m);
            }
        };
        VirtualNet<Integer, String, String> net = toyNet(4, Set.of(4), 9, junk, Scheduler.random());
        net.runUntilQuiet(1000);
        // the three honest hellos, and its own junk
        assertEquals(4, seen.size());
        for (int id : net.honest()) {
            assertEquals(1, net.faults(id).size());
            assertEquals(FaultKind.MALFORMED, net.faults(id).get(0).kind());
            assertEquals(4, net.faults(id).get(0).peer());
        }
        assertTrue(net.trace().stream().anyMatch(l -> l.startsWith("fault at 1: MALFORMED by server 4")), net.trace().toString());
    }

    @Test
    void aRunThatNeverQuietsFailsWithItsSeed() {
        VirtualNet<Integer, String, String> net = VirtualNet.create(3, Set.of(), 77, id -> new ToyEcho(true),
                Adversaries.silent(), Scheduler.random());
        net.input(1, 1);
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> net.runUntilQuiet(500));
        assertTrue(f.getMessage().startsWith("seed 77:"), f.getMessage());
        assertTrue(net.runUntil(x -> x.deliveries() >= 600, 1000));
        assertFalse(net.runUntil(x -> false, 10));
    }

    private static InFlight<String> delivered(List<InFlight<String>> before, List<InFlight<String>> after) {
        Set<Long> still = new HashSet<>();
        after.forEach(m -> still.add(m.seq()));
        return before.stream().filter(m -> !still.contains(m.seq())).findFirst().orElseThrow();
    }
}
