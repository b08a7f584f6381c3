package org.sintraee.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sintraee.api.OrderCertificate;
import org.sintraee.api.ServiceKeys;
import org.sintraee.api.notary.NotaryClient;
import org.sintraee.api.notary.NotaryReceipt;
import org.sintraee.api.notary.NotaryRequest;
import org.sintraee.it.ProbeClient.Recorded;

/**
 * Four real Payara Micro servers with the real sintra-rar.rar and the Micro WAR (extended with
 * the probe), started once for the class. Requests are submitted through the connection
 * factory in container transactions; the probe's CDI observer records each ordered request
 * in its delivery transaction. The crash test comes last: it kills and restarts a server.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String NOT_BROADCAST = "failed org.sintraee.api.NotBroadcastException";
    private static final long DEADLINE_MS = 120_000;

    private static MicroCluster cluster;
    private static ProbeClient probe;
    /** Every request committed so far, and the checks of what the servers recorded. */
    private static OrderLedger ledger;

    @BeforeAll
    static void startCluster() throws Exception {
        long begun = System.nanoTime();
        Path dir = Path.of(System.getProperty("sintra.it.clusterDir"));
        Path war = ProbeWar.build("sintra-ear-micro.war", dir.resolveSibling(dir.getFileName() + "-probe.war"));
        Path deployments = Path.of(System.getProperty("sintra.it.deployments"));
        cluster = MicroCluster.start(dir, Path.of(System.getProperty("sintra.it.microJar")),
                Path.of(System.getProperty("sintra.it.adminCredentials")), deployments.resolve("sintra-rar.rar"), war,
                "sintra/probe/deliveries");
        probe = new ProbeClient(cluster::url);
        ledger = new OrderLedger(probe, MicroCluster.SERVERS, cluster::tails);
        System.out.printf("ClusterIT: 4 servers ready after %d s%n", (System.nanoTime() - begun) / 1_000_000_000);
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void committedSubmissionsAtDifferentServersAppearAtAllFourInTheSameOrder() throws Exception {
        ledger.commitAtEveryServerAtOnce("order", 3);
        List<List<Recorded>> all = ledger.awaitSameEverywhere();
        for (List<Recorded> recorded : all) {
            assertEquals(OrderLedger.withRounds(all.get(0)), OrderLedger.withRounds(recorded),
                    "every server orders each request in the same round");
        }
    }

    @Test
    @Order(2)
    void aSubmissionInARolledBackTransactionIsNeverBroadcast() throws Exception {
        List<String> rolledBack = new ArrayList<>();
        for (String tx : List.of("rollback-only", "exception")) {
            for (int id : List.of(2, 3)) {
                byte[] request = ("rolled-back-" + tx + "-" + id + "-" + System.nanoTime())
                        .getBytes(StandardCharsets.UTF_8);
                String answer = probe.submit(id, tx, request);
                assertTrue(answer.startsWith(NOT_BROADCAST), "server " + id + ", " + tx + ": " + answer);
                rolledBack.add(ProbeClient.sha256(request));
            }
        }
        // submitted after the rolled-back ones: once it is everywhere, they would have been too
        ledger.commit(2, "after-rollbacks");
        for (List<Recorded> recorded : ledger.awaitSameEverywhere()) {
            assertTrue(recorded.stream().map(Recorded::sha256).noneMatch(rolledBack::contains),
                    "a rolled-back request was delivered: " + recorded);
        }
    }

    @Test
    @Order(3)
    void observersSeeEveryRequestExactlyOnceAndInOrder() throws Exception {
        ledger.commitAtEveryServerAtOnce("once", 5);
        List<List<Recorded>> all = ledger.awaitSameEverywhere();
        for (List<Recorded> recorded : all) {
            assertEquals(ledger.size(), recorded.size(), "exactly the committed requests, no more: " + recorded);
            for (int i = 1; i < recorded.size(); i++) {
                assertTrue(recorded.get(i).round() >= recorded.get(i - 1).round(), "rounds never go back: " + recorded);
            }
        }
    }

    @Test
    @Order(4)
    void anOrderCertificateFromAnotherServerVerifiesAgainstTheOneServiceKey() throws Exception {
        byte[] request = ("certified-" + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        long seq = probe.submitCommitted(3, request);
        ledger.committed(request, seq);
        ledger.awaitSameEverywhere();

        String answer = probe.certify(1, seq);
        assertTrue(answer.startsWith("certificate "), answer);
        OrderCertificate certificate = OrderCertificate.fromBytes(Base64.getDecoder().decode(answer.substring(12)));
        PublicKey serviceKey = ServiceKeys.readPem(cluster.keys().resolve(ServiceKeys.FILE_NAME));
        byte[] other = "not-the-request".getBytes(StandardCharsets.UTF_8);
        assertAll(certificate.toString(),
                () -> assertEquals(seq, certificate.seq()),
                () -> assertTrue(certificate.verify(serviceKey, request), "verifies with the service key alone"),
                () -> assertFalse(certificate.verify(serviceKey, other), "and for no other request"));
    }

    @Test
    @Order(4)
    void aNotaryReceiptFromTPlusOneServersVerifiesWithTheJdkAgainstTheOneServiceKey() throws Exception {
        PublicKey serviceKey = ServiceKeys.readPem(cluster.keys().resolve(ServiceKeys.FILE_NAME));
        byte[] digest = documentDigest("document " + System.nanoTime());
        NotaryReceipt receipt = notary(2, 4, serviceKey).stamp(digest); // t + 1 = 2 servers
        ledger.committed(NotaryRequest.encode(digest), receipt.seq());
        ledger.awaitSameEverywhere();
        assertTrue(receipt.verify(serviceKey), "verifies with the JDK and the service key alone");
        assertFalse(new NotaryReceipt(documentDigest("another document"), receipt.certificate()).verify(serviceKey),
                "and vouches for no other document");

        NotaryReceipt again = notary(1, 3, serviceKey).stamp(digest);
        assertEquals(receipt.seq(), again.seq(), "a digest stamped before keeps its first place");
        assertTrue(again.verify(serviceKey));
    }

    private static byte[] documentDigest(String document) {
        return java.util.HexFormat.of().parseHex(ProbeClient.sha256(document.getBytes(StandardCharsets.UTF_8)));
    }

    private NotaryClient notary(int first, int second, PublicKey serviceKey) {
        return new NotaryClient(List.of(cluster.url(first, ""), cluster.url(second, "")), 1, serviceKey,
                java.time.Duration.ofMinutes(2));
    }

    @Test
    @Order(5)
    void aServerKilledUnderLoadCatchesUpAndItsObserversGetExactlyTheMissedRequests() throws Exception {
        int victim = 4;
        String bootBefore = probe.deliveries(victim).boot();
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicReference<Throwable> loadFailure = new AtomicReference<>();
        AtomicInteger loaded = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(3);
        for (int id = 1; id <= 3; id++) {
            int server = id;
            load.submit(() -> {
                for (int k = 0; loading.get(); k++) {
                    try {
                        ledger.commit(server, "load-" + server + "-" + k);
                        loaded.incrementAndGet();
                    } catch (Exception | AssertionError e) {
                        loadFailure.compareAndSet(null, e);
                        return;
                    }
                }
            });
        }
        try {
            awaitLoad(loaded, 6, loadFailure);
            cluster.kill9(victim);
            long killedAt = System.nanoTime();
            int atKill = loaded.get();
            awaitLoad(loaded, atKill + 10, loadFailure); // the other three keep delivering
            cluster.restart(victim);
            System.out.printf("ClusterIT: server %d killed, restarted and ready after %d s%n", victim,
                    (System.nanoTime() - killedAt) / 1_000_000_000);
            awaitLoad(loaded, loaded.get() + 5, loadFailure);
        } finally {
            loading.set(false);
            load.shutdown();
            assertTrue(load.awaitTermination(3, TimeUnit.MINUTES), "the load stops");
        }
        assertNull(loadFailure.get(), () -> "a submit at a live server failed: " + loadFailure.get());

        List<Recorded> atVictim = ledger.awaitSameEverywhere().get(victim - 1);
        String bootAfter = probe.deliveries(victim).boot();
        assertNotEquals(bootBefore, bootAfter, "the victim was restarted");
        int beforeKill = (int) atVictim.stream().takeWhile(r -> r.boot().equals(bootBefore)).count();
        List<Recorded> afterRestart = atVictim.subList(beforeKill, atVictim.size());
        assertTrue(beforeKill > 0, "its deliveries before the kill survived in H2: " + atVictim);
        assertFalse(afterRestart.isEmpty(), "it caught up after the restart");
        // after the restart: Payara Micro first loads the applications its root directory remembers,
        // then redeploys the --deploy archives, so two deployments (boot ids) may share the rest
        assertTrue(afterRestart.stream().noneMatch(r -> r.boot().equals(bootBefore)),
                "recorded before the kill, then only after the restart: " + atVictim);
        assertEquals(bootAfter, afterRestart.get(afterRestart.size() - 1).boot(), "the running deployment records");
        assertEquals(beforeKill, afterRestart.get(0).seq(), "it resumes at its first unapplied seq");
    }

    private static void awaitLoad(AtomicInteger loaded, int atLeast, AtomicReference<Throwable> failure)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + DEADLINE_MS;
        while (loaded.get() < atLeast && failure.get() == null) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("only " + loaded.get() + " of " + atLeast + " load requests delivered"
                        + cluster.tails());
            }
            Thread.sleep(200);
        }
        assertNull(failure.get(), () -> "the load failed: " + failure.get());
    }
}
