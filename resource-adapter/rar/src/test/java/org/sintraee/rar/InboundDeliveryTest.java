package org.sintraee.rar;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sintraee.api.Delivery;
import org.sintraee.api.InboundStatus;
import org.sintraee.runtime.journal.FsyncPolicy;
import org.sintraee.runtime.journal.Journal;

/** The inbound works on fakes: the container's WorkManager, an MDB's endpoint factory, the journal. */
class InboundDeliveryTest {

    @TempDir
    Path dir;

    private final FakeBootstrapContext context = new FakeBootstrapContext();
    private final Inbound inbound = new Inbound(context.getWorkManager());
    /** The total order so far, as the journal would hold it; reads are recorded. */
    private final List<Delivery> journal = new CopyOnWriteArrayList<>();
    private final List<long[]> reads = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        inbound.close();
        context.close();
    }

    private static byte[] request(long seq) {
        return ("request " + seq).getBytes(StandardCharsets.UTF_8);
    }

    /** The node delivers (journals, then shows) seqs up to {@code last}. */
    private void deliverUpTo(long last) {
        for (long seq = journal.size(); seq <= last; seq++) {
            journal.add(new Delivery(seq, seq / 4, request(seq)));
            inbound.shown(seq);
        }
    }

    private void attachFakeJournal() {
        inbound.attach((from, to, max) -> {
            reads.add(new long[] {from, to, max});
            return new ArrayList<>(journal.subList((int) from, (int) Math.min(to, from + max)));
        });
    }

    private static SintraActivationSpec spec(int readBatch) {
        SintraActivationSpec spec = new SintraActivationSpec();
        spec.setReadBatch(readBatch);
        return spec;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(10);
        }
    }

    private static List<Long> seqs(List<Delivery> deliveries) {
        return deliveries.stream().map(Delivery::seq).toList();
    }

    private static List<Long> range(long from, long toExclusive) {
        return LongStream.range(from, toExclusive).boxed().toList();
    }

    @Test
    void deliversInOrderWithoutGapsFromWhereTheEndpointResumes() throws Exception {
        attachFakeJournal();
        deliverUpTo(19);
        FakeEndpoints endpoints = new FakeEndpoints(5, true);
        inbound.activate(endpoints, spec(4));

        await("seqs 5..19 applied", () -> endpoints.applied().size() == 15);
        deliverUpTo(26); // new deliveries after the catch-up wake the work
        await("seqs up to 26 applied", () -> endpoints.applied().size() == 22);

        assertEquals(range(5, 27), seqs(endpoints.applied()));
        assertEquals(range(5, 27), endpoints.attempts(), "each seq offered once");
        assertArrayEquals(request(17), endpoints.applied().get(12).request());
        assertEquals(4, endpoints.applied().get(12).round());
        assertTrue(reads.stream().allMatch(r -> r[2] == 4 && r[1] <= journal.size()),
                "reads honour readBatch and stay below what was shown");
        InboundStatus status = inbound.status().get(0);
        assertAll(status.toString(),
                () -> assertEquals(FakeEndpoints.class.getName(), status.endpoint()),
                () -> assertEquals(27, status.nextSeq()),
                () -> assertEquals(22, status.delivered()),
                () -> assertEquals(0, status.failures()),
                () -> assertEquals("", status.failingSince()));
        await("waiting for more", () -> inbound.status().get(0).state().equals("WAITING"));
    }

    @Test
    void anEndpointActivatedAfterStartCatchesUpFromTheJournal() throws Exception {
        try (Journal j = Journal.open(dir, FsyncPolicy.NEVER)) {
            for (long seq = 0; seq < 10; seq++) {
                j.appendDelivery(seq, request(seq));
                if (seq % 5 == 4) {
                    j.appendDecided(seq / 5, seq + 1, new byte[] {1});
                }
            }
            j.sync();
            inbound.attach(DeliverySource.of(j.deliveryReader()));
            for (long seq = 0; seq < 10; seq++) {
                inbound.shown(seq); // the listener ran through the journal at start, before any activation
            }
            FakeEndpoints endpoints = new FakeEndpoints(0, true);
            inbound.activate(endpoints, spec(3));
            await("the journal's ten", () -> endpoints.applied().size() == 10);

            j.appendDelivery(10, request(10));
            j.appendDecided(2, 11, new byte[] {1});
            j.sync();
            inbound.shown(10);
            await("the new one", () -> endpoints.applied().size() == 11);

            List<Delivery> got = endpoints.applied();
            assertEquals(range(0, 11), seqs(got));
            assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 1L, 1L, 1L, 1L, 1L, 2L), got.stream().map(Delivery::round).toList());
            for (Delivery d : got) {
                assertArrayEquals(request(d.seq()), d.request());
            }
            inbound.close(); // before the journal closes
        }
    }

    @Test
    void aThrowingEndpointIsRetriedWithTheSameDeliveryAndTheFailureShows() throws Exception {
        attachFakeJournal();
        FakeEndpoints endpoints = new FakeEndpoints(0, true);
        endpoints.failWhen(seq -> seq == 3);
        inbound.activate(endpoints, spec(64));
        deliverUpTo(6);

        await("seq 3 failed three times", () -> inbound.status().get(0).failures() >= 3);
        InboundStatus failing = inbound.status().get(0);
        assertAll(failing.toString(),
                () -> assertEquals("RETRYING", failing.state()),
                () -> assertEquals(3, failing.nextSeq()),
                () -> assertTrue(failing.lastError().equals("java.lang.IllegalStateException: the test fails seq 3"),
                        failing.lastError()),
                () -> assertFalse(failing.failingSince().isEmpty()),
                () -> assertEquals(range(0, 3), seqs(endpoints.applied()), "nothing past the failing seq"));

        endpoints.failWhen(seq -> false);
        await("all seven applied", () -> endpoints.applied().size() == 7);
        assertEquals(range(0, 7), seqs(endpoints.applied()));
        List<Long> attempts = endpoints.attempts();
        int firstFour = attempts.indexOf(4L);
        assertTrue(attempts.subList(0, firstFour).stream().filter(s -> s == 3L).count() >= 3, attempts.toString());
        assertEquals(attempts.stream().sorted().toList(), attempts, "never reordered: " + attempts);
        assertTrue(endpoints.created() >= 4, "a fresh endpoint after each failure: " + endpoints.created());
        await("the streak is over", () -> inbound.status().get(0).failingSince().isEmpty());
        assertTrue(inbound.status().get(0).failures() >= 3, "failures stay counted");
    }

    @Test
    void aCommitLostWithoutAnExceptionIsRedeliveredFromTheEndpointsPosition() throws Exception {
        attachFakeJournal();
        FakeEndpoints endpoints = new FakeEndpoints(0, true);
        endpoints.loseCommitOnce(3); // Payara logs a failed MDB commit instead of throwing it to the adapter
        inbound.activate(endpoints, spec(64));
        deliverUpTo(9);

        await("all ten applied", () -> endpoints.applied().size() == 10);
        assertEquals(range(0, 10), seqs(endpoints.applied()), "each once, in order");
        List<Long> attempts = endpoints.attempts();
        assertEquals(2, attempts.stream().filter(s -> s == 3L).count(), "3 again after 4 was refused: " + attempts);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 3L, 4L), attempts.subList(0, 7));
        await("the streak is over", () -> inbound.status().get(0).failingSince().isEmpty());
        assertEquals(1, inbound.status().get(0).failures());
    }

    @Test
    void deactivationEndsTheWorkAndReleasesTheEndpoint() throws Exception {
        attachFakeJournal();
        deliverUpTo(2);
        FakeEndpoints endpoints = new FakeEndpoints(0, true);
        SintraActivationSpec spec = spec(8);
        inbound.activate(endpoints, spec);
        await("three applied", () -> endpoints.applied().size() == 3);
        assertEquals(1, context.running());

        long before = System.nanoTime();
        inbound.deactivate(endpoints, spec);

        assertTrue(System.nanoTime() - before < 5_000_000_000L, "returns promptly");
        // the work's run() has ended its delivery; the fake pool counts it a moment later
        await("the work returned", () -> context.running() == 0);
        assertEquals(List.of(), inbound.status());
        assertEquals(endpoints.created(), endpoints.released(), "every endpoint released");
        deliverUpTo(5);
        Thread.sleep(200); // a work that still ran would pick these up at once
        assertEquals(3, endpoints.applied().size(), "nothing delivered after deactivation");
    }

    @Test
    void closeEndsEveryWorkEvenOneBackingOff() throws Exception {
        attachFakeJournal();
        deliverUpTo(0);
        FakeEndpoints waiting = new FakeEndpoints(1, true);
        FakeEndpoints failing = new FakeEndpoints(0, true);
        failing.failWhen(seq -> true);
        inbound.activate(waiting, spec(8));
        inbound.activate(failing, spec(8));
        await("the failing one fails twice", () -> inbound.status().stream().anyMatch(s -> s.failures() >= 2));
        assertEquals(2, context.running());

        long before = System.nanoTime();
        inbound.close();

        assertTrue(System.nanoTime() - before < 5_000_000_000L, "returns promptly");
        await("every work returned", () -> context.running() == 0);
        assertEquals(List.of(), failing.applied());
        assertThrows(jakarta.resource.ResourceException.class, () -> inbound.activate(new FakeEndpoints(0, true), spec(8)));
    }

    @Test
    void refusesForeignOrInvalidSpecsAndWarnsOnceWhenNotTransacted() throws Exception {
        attachFakeJournal();
        ActivationSpec foreign = new ActivationSpec() {
            @Override
            public void validate() {
            }

            @Override
            public ResourceAdapter getResourceAdapter() {
                return null;
            }

            @Override
            public void setResourceAdapter(ResourceAdapter ra) {
            }
        };
        assertThrows(NotSupportedException.class, () -> inbound.activate(new FakeEndpoints(0, true), foreign));
        InvalidPropertyException invalid = assertThrows(InvalidPropertyException.class,
                () -> inbound.activate(new FakeEndpoints(0, true), spec(0)));
        assertTrue(invalid.getMessage().contains("readBatch"), invalid.getMessage());

        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                    warnings.add(r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(Inbound.class.getName());
        logger.addHandler(handler);
        try {
            inbound.activate(new FakeEndpoints(0, false), spec(8));
        } finally {
            logger.removeHandler(handler);
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("not transacted"), warnings.get(0));
    }
}
