package org.sintraee.runtime.replica;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sintraee.runtime.keys.HostPort;
import org.sintraee.runtime.keys.KeyFiles;
import org.sintraee.runtime.keys.PublicKeys;
import org.sintraee.runtime.keys.ServerKeys;
import org.sintraee.runtime.node.DeliveryListener;

/** The engine in one JVM: three of four servers order a request, then close returns every task and the port. */
class ReplicaEngineTest {
    private static final long DEADLINE_MS = 30_000;

    @TempDir
    Path dir;

    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger ran = new AtomicInteger();
    private ExecutorService pool;
    private PublicKeys publicKeys;
    private final List<ReplicaEngine> engines = new ArrayList<>();

    @BeforeEach
    void deal() throws Exception {
        pool = Executors.newCachedThreadPool();
        Path keys = ClusterKeys.deal(dir.resolve("keys"), 7);
        publicKeys = KeyFiles.loadPublic(keys.resolve("public.json"));
    }

    @AfterEach
    void stop() {
        engines.forEach(ReplicaEngine::close);
        pool.shutdownNow();
    }

    /** Counts the tasks the engines run, so a test can see that close() let every one of them end. */
    private void counted(Runnable task) {
        running.incrementAndGet();
        ran.incrementAndGet();
        pool.execute(() -> {
            try {
                task.run();
            } finally {
                running.decrementAndGet();
            }
        });
    }

    private ReplicaEngine start(int id, DeliveryListener listener) throws Exception {
        ServerKeys keys = KeyFiles.loadPrivate(dir.resolve("keys").resolve("server-" + id + ".private.json"), publicKeys);
        ReplicaEngine e = ReplicaEngine.start(publicKeys, keys,
                EngineSettings.of(Optional.empty(), dir.resolve("data-" + id), 8), this::counted, listener);
        engines.add(e);
        return e;
    }

    @Test
    void threeServersOrderARequestAndCloseReturnsEveryTask() throws Exception {
        Map<Integer, List<String>> delivered = new ConcurrentHashMap<>();
        for (int id = 1; id <= 3; id++) {
            List<String> mine = new CopyOnWriteArrayList<>();
            delivered.put(id, mine);
            start(id, (seq, round, request) -> mine.add(seq + ":" + new String(request, StandardCharsets.UTF_8)));
        }
        await(() -> engines.stream().allMatch(ReplicaEngine::ready), "all three ready");
        EngineStatus status = engines.get(0).status();
        assertAll(
                () -> assertTrue(status.ready()),
                () -> assertEquals(2, status.linksUp()),
                () -> assertEquals(Map.of(2, true, 3, true, 4, false), status.linkUp()));

        assertEquals(0L, engines.get(0).node().submit("hello".getBytes(StandardCharsets.UTF_8)).get(30, TimeUnit.SECONDS));
        await(() -> delivered.values().stream().allMatch(d -> d.equals(List.of("0:hello"))), "delivered everywhere");
        // the status is published after the group's deliveries reach the listener
        await(() -> engines.get(1).status().delivered() >= 1, "server 2's status shows the delivery");

        engines.forEach(ReplicaEngine::close);
        // close() returns once each task's work ended; the counting wrapper above sees its run()
        // return a moment later, so allow it that moment (a leaked task would never end)
        await(() -> running.get() == 0, "tasks still running after close, of " + ran.get());
        EngineStatus closed = engines.get(0).status();
        assertAll(
                () -> assertTrue(closed.closed()),
                () -> assertFalse(closed.ready()),
                () -> assertEquals(0, closed.linksUp()));
    }

    @Test
    void aLoneServerIsNotReadyAndItsPortIsFreeAfterClose() throws Exception {
        List<Long> replayed = new CopyOnWriteArrayList<>();
        ReplicaEngine lone = start(1, (seq, round, request) -> replayed.add(seq));
        EngineStatus status = lone.status();
        assertAll(
                () -> assertFalse(status.ready()),
                () -> assertEquals(0, status.linksUp()),
                () -> assertEquals(0, status.round()),
                () -> assertEquals(0, status.delivered()),
                () -> assertTrue(status.failure().isEmpty()));
        InetSocketAddress bound = lone.peerAddress();
        assertEquals(publicKeys.member(1).address().port(), bound.getPort());

        lone.close();
        await(() -> running.get() == 0, "tasks still running after close, of " + ran.get());
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(true);
            again.bind(bound); // the listen socket was closed
        }
        ReplicaEngine restarted = start(1, (seq, round, request) -> replayed.add(seq));
        assertEquals(bound.getPort(), restarted.peerAddress().getPort());
        assertTrue(replayed.isEmpty());
    }

    @Test
    void aPortInUseFailsStartAndLeavesNothingRunning() throws Exception {
        HostPort me = publicKeys.member(2).address();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(me.host(), me.port()));
            assertThrows(IOException.class, () -> start(2, (seq, round, request) -> { }));
        }
        await(() -> running.get() == 0, "no task left");
        // and the journal was closed: the same directory opens again
        start(2, (seq, round, request) -> { });
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.currentTimeMillis() + DEADLINE_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
