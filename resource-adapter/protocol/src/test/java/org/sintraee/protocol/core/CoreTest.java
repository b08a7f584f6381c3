package org.sintraee.protocol.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoreTest {
    private static final Tag ABC = Tag.of("abc");

    @Test
    void tagsAreHierarchicalAndEncodeUnambiguously() {
        Tag t = ABC.child(17).child("mvba");
        assertEquals("abc/17/mvba", t.toString());
        assertTrue(t.startsWith(ABC));
        assertFalse(ABC.startsWith(t));
        assertEquals(t, Tag.parse("abc/17/mvba").orElseThrow());
        // "ab" + "c" and "a" + "bc" differ in encoding although they concatenate alike
        assertNotEquals(java.util.Arrays.toString(Tag.of("ab", "c").encoded()),
                java.util.Arrays.toString(Tag.of("a", "bc").encoded()));
        assertArrayEquals(t.encoded(), Tag.parse(t.toString()).orElseThrow().encoded());
    }

    @Test
    void untrustedTagTextIsValidated() {
        assertTrue(Tag.parse("").isEmpty());
        assertTrue(Tag.parse("abc//x").isEmpty());
        assertTrue(Tag.parse("ABC").isEmpty());
        assertTrue(Tag.parse("a/".repeat(20) + "a").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> ABC.child("no/slash"));
    }

    @Test
    void absorbLiftsAChildsMessagesAndReturnsItsOutputs() {
        Fault fault = new Fault(3, ABC.child("child"), FaultKind.EQUIVOCATION, "two echoes");
        DurableRecord echo = new DurableRecord(ABC.child("child"), "echo", new byte[] {1});
        Step<String, Integer> child = Step.<String, Integer>builder()
                .broadcast("hello").send(Target.to(2), "psst").output(42).fault(fault).durable(echo).build();

        Step.Builder<List<String>, String> parent = Step.builder();
        List<Integer> outputs = parent.absorb(child, List::of);
        Step<List<String>, String> step = parent.output("parent-output").build();

        assertEquals(List.of(42), outputs);
        assertEquals(List.of("parent-output"), step.outputs());
        assertEquals(List.of(new Outgoing<>(Target.all(), List.of("hello")), new Outgoing<>(Target.to(2), List.of("psst"))),
                step.messages());
        assertEquals(List.of(fault), step.faults());
        assertEquals(List.of(echo), step.durable());
    }

    @Test
    void emptyStepsAreShared() {
        assertSame(Step.empty(), Step.builder().build());
        assertTrue(Step.empty().isEmpty());
    }

    @Test
    void targetsIncludeTheRightServers() {
        assertTrue(Target.all().includes(1));
        assertTrue(Target.to(2).includes(2));
        assertFalse(Target.to(2).includes(3));
        assertThrows(IllegalArgumentException.class, () -> Target.to(0));
    }

    @Test
    void pendingBufferIsBoundedPerSenderAndReleasesInArrivalOrder() {
        PendingBuffer<Integer, String> buffer = new PendingBuffer<>(2);
        assertTrue(buffer.offer(5, 1, "a"));
        assertTrue(buffer.offer(6, 1, "b"));
        assertFalse(buffer.offer(7, 1, "c"), "sender 1 is at its bound");
        assertTrue(buffer.offer(5, 2, "d"), "another sender is not affected");
        assertEquals(3, buffer.size());
        assertEquals(List.of(new PendingBuffer.Pending<>(1, "a"), new PendingBuffer.Pending<>(2, "d")), buffer.release(5));
        assertEquals(1, buffer.sizeFrom(1));
        assertTrue(buffer.offer(7, 1, "c"), "released room is usable again");
        buffer.discardIf(k -> k < 7);
        assertEquals(List.of(new PendingBuffer.Pending<>(1, "c")), buffer.release(7));
        assertEquals(0, buffer.size());
    }
}
