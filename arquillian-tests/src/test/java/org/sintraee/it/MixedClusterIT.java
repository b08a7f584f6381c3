package org.sintraee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sintraee.it.ProbeClient.Recorded;

/**
 * A mixed cluster: servers 1-3 are Payara Micro with sintra-rar.rar and the Micro WAR, server 4
 * is Payara Server running sintra-ee.ear, each extended with the same probe (see ProbeWar). It
 * shows that the EAR is a full replica among Micro ones: what is committed at either kind of
 * server is delivered to the CDI observers of all four in one order, and a rollback on Payara
 * Server is not broadcast. Everything is started once for the class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MixedClusterIT {

    private static final String NOT_BROADCAST = "failed org.sintraee.api.NotBroadcastException";
    private static final String DEPLOYED = "sintra/probe/deliveries";
    private static final int PAYARA_SERVER = 4;

    private static MicroCluster micros;
    private static ServerDomain server;
    private static OrderLedger ledger;
    private static ProbeClient probe;

    @BeforeAll
    static void startCluster() throws Exception {
        long begun = System.nanoTime();
        Path dir = Path.of(System.getProperty("sintra.it.mixedClusterDir"));
        Path deployments = Path.of(System.getProperty("sintra.it.deployments"));
        Path adminCredentials = Path.of(System.getProperty("sintra.it.adminCredentials"));
        Path war = ProbeWar.build("sintra-ear-micro.war", dir.resolveSibling(dir.getFileName() + "-probe.war"));
        // named as the product names it; application.xml fixes the application's name either way
        Path ear = ProbeWar.buildEar("sintra-ear.ear", "sintra-web.war",
                dir.resolveSibling(dir.getFileName() + "-probe").resolve("sintra-ee.ear"));
        micros = MicroCluster.start(dir, Path.of(System.getProperty("sintra.it.microJar")), adminCredentials,
                deployments.resolve("sintra-rar.rar"), war, DEPLOYED, PAYARA_SERVER - 1);
        long microsReady = System.nanoTime();
        server = ServerDomain.start(dir.resolveSibling(dir.getFileName() + "-server"),
                Path.of(System.getProperty("sintra.it.payaraHome")), micros.keys(), PAYARA_SERVER, adminCredentials,
                ear, DEPLOYED);
        server.awaitOk("health/ready", Duration.ofMinutes(3));
        probe = new ProbeClient((id, path) -> id == PAYARA_SERVER ? server.url(path) : micros.url(id, path));
        ledger = new OrderLedger(probe, MicroCluster.SERVERS, () -> micros.tails() + "\n" + server.tail());
        System.out.printf("MixedClusterIT: 3 Micro servers ready after %d s, Payara Server with the EAR %d s later%n",
                (microsReady - begun) / 1_000_000_000, (System.nanoTime() - microsReady) / 1_000_000_000);
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (micros != null) {
                micros.close();
            }
        }
    }

    @Test
    @Order(1)
    void committedSubmissionsAtMicroAndAtPayaraServerAppearAtAllFourInTheSameOrder() throws Exception {
        ledger.commitAtEveryServerAtOnce("mixed", 3);
        List<List<Recorded>> all = ledger.awaitSameEverywhere();
        for (List<Recorded> recorded : all) {
            assertEquals(ledger.size(), recorded.size(), "exactly the committed requests, once each: " + recorded);
            assertEquals(OrderLedger.withRounds(all.get(0)), OrderLedger.withRounds(recorded),
                    "every server, Micro or Payara Server, orders each request in the same round");
        }
    }

    @Test
    @Order(2)
    void aRollbackAtPayaraServerIsNeverBroadcast() throws Exception {
        List<String> rolledBack = new ArrayList<>();
        for (String tx : List.of("rollback-only", "exception")) {
            byte[] request = ("rolled-back-at-payara-server-" + tx + "-" + System.nanoTime())
                    .getBytes(StandardCharsets.UTF_8);
            String answer = probe.submit(PAYARA_SERVER, tx, request);
            assertTrue(answer.startsWith(NOT_BROADCAST), tx + ": " + answer);
            rolledBack.add(ProbeClient.sha256(request));
        }
        // submitted after the rolled-back ones at the same server: once it is everywhere, they would be too
        ledger.commit(PAYARA_SERVER, "after-rollbacks");
        for (List<Recorded> recorded : ledger.awaitSameEverywhere()) {
            assertTrue(recorded.stream().map(Recorded::sha256).noneMatch(rolledBack::contains),
                    "a rolled-back request was delivered: " + recorded);
            assertEquals(ledger.size(), recorded.size(), "exactly the committed requests, once each: " + recorded);
        }
    }
}
