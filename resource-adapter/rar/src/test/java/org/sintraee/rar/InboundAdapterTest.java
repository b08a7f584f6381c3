package org.sintraee.rar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.ResourceException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sintraee.api.InboundStatus;

/** Activation through the adapter itself, on a real (lonely) engine: shown in the status, ended by stop(). */
class InboundAdapterTest {

    @TempDir
    Path dir;

    private SintraResourceAdapter adapter;
    private FakeBootstrapContext context;

    @BeforeEach
    void configure() throws Exception {
        TestReplicaFiles files = new TestReplicaFiles(dir);
        adapter = files.adapter(1, TestReplicaFiles.freePort());
        context = new FakeBootstrapContext();
    }

    @AfterEach
    void stop() {
        adapter.stop();
        context.close();
    }

    @Test
    void anActivationWaitsAtItsPositionInTheStatusAndStopEndsIt() throws Exception {
        FakeEndpoints endpoints = new FakeEndpoints(0, true);
        SintraActivationSpec spec = new SintraActivationSpec();
        assertThrows(ResourceException.class, () -> adapter.endpointActivation(endpoints, spec), "not started");
        adapter.start(context);
        int engineWorks = context.running();

        adapter.endpointActivation(endpoints, spec);

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!adapter.status().inbound().stream().anyMatch(s -> s.state().equals("WAITING"))) {
            assertTrue(System.nanoTime() < deadline, "waiting within 30 s: " + adapter.status().inbound());
            Thread.sleep(10);
        }
        List<InboundStatus> inbound = adapter.status().inbound();
        assertEquals(1, inbound.size());
        assertEquals(0, inbound.get(0).nextSeq(), "nothing delivered: a lonely replica has no quorum");
        assertEquals(0, inbound.get(0).failures());
        assertEquals(engineWorks + 1, context.running(), "one delivery work");

        adapter.stop();
        // every work's run() has ended; the fake pool counts the last one a moment later
        long until = System.nanoTime() + 30_000_000_000L;
        while (context.running() != 0) {
            assertTrue(System.nanoTime() < until, "stop returned every work, the delivery work too");
            Thread.sleep(10);
        }
        assertEquals(endpoints.created(), endpoints.released());
    }
}
