package org.sintraee.rar;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sintraee.api.AgreementStatus;
import org.sintraee.api.CheckpointCertificate;
import org.sintraee.api.PeerStatus;
import org.sintraee.api.ReplicaStatus;
import org.sintraee.api.ServerSetEntry;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.runtime.keys.KeyFiles;
import org.sintraee.runtime.keys.PublicKeys;
import org.sintraee.runtime.link.LinkStatus;
import org.sintraee.runtime.node.NodeMetrics;
import org.sintraee.runtime.node.NodeMetrics.PeerMetrics;

/** The admin status as built from a real engine (alone: its three peers are not started) and from snapshots. */
class StatusSnapshotTest {

    @TempDir
    Path dir;

    private TestReplicaFiles files;
    private SintraResourceAdapter adapter;
    private FakeBootstrapContext context;

    @BeforeEach
    void start() throws Exception {
        files = new TestReplicaFiles(dir);
        adapter = files.adapter(1, TestReplicaFiles.freePort());
        context = new FakeBootstrapContext();
        adapter.start(context);
    }

    @AfterEach
    void stop() {
        adapter.stop();
        context.close();
    }

    @Test
    void theServerSetComesFromThePublicFileWithThisServerMarked() throws Exception {
        PublicKeys keys = KeyFiles.loadPublic(files.publicKeyFile);
        List<ServerSetEntry> set = adapter.status().serverSet();

        assertEquals(List.of(1, 2, 3, 4), set.stream().map(ServerSetEntry::id).toList());
        assertEquals(List.of(1), set.stream().filter(ServerSetEntry::self).map(ServerSetEntry::id).toList());
        for (ServerSetEntry entry : set) {
            assertEquals(keys.member(entry.id()).address().toString(), entry.address());
            assertTrue(entry.certificateSha256().matches("[0-9a-f]{64}"), entry.certificateSha256());
        }
        Set<String> fingerprints = set.stream().map(ServerSetEntry::certificateSha256).collect(Collectors.toSet());
        assertEquals(4, fingerprints.size(), "every server has a certificate of its own");
    }

    @Test
    void aLonelyServerSeesItsThreePeersDownWithoutFaultsInRoundZero() {
        long before = Instant.now().toEpochMilli();
        ReplicaStatus status = adapter.status();
        AgreementStatus agreement = status.agreement();

        assertEquals(List.of(2, 3, 4), status.peers().stream().map(PeerStatus::id).toList());
        for (PeerStatus peer : status.peers()) {
            assertAll("peer " + peer.id(),
                    () -> assertFalse(peer.up()),
                    () -> assertTrue(peer.sinceMillis() > 0 && peer.sinceMillis() <= before, "since " + peer.sinceMillis()),
                    () -> assertEquals(0, peer.lastReceivedMillis()),
                    () -> assertEquals(0, peer.bytesIn()),
                    () -> assertEquals(Map.of(), peer.faults()),
                    () -> assertEquals(0, peer.faultCount()));
        }
        assertAll(
                () -> assertFalse(status.ready()),
                () -> assertEquals(0, agreement.round()),
                () -> assertEquals(0, agreement.delivered()),
                () -> assertEquals(0, agreement.queued()),
                () -> assertFalse(agreement.failed()),
                () -> assertEquals("", agreement.failure()));
    }

    @Test
    void theJsonRoundTripsAndHoldsNoSecret() throws Exception {
        ReplicaStatus status = adapter.status();
        String json;
        ReplicaStatus back;
        try (Jsonb jsonb = JsonbBuilder.create()) {
            json = jsonb.toJson(status);
            back = jsonb.fromJson(json, ReplicaStatus.class);
        }
        assertEquals(status, back, json);
        assertAll(json,
                () -> assertTrue(json.contains("\"certificateSha256\":\"")),
                () -> assertTrue(json.contains("\"mvbaIteration\":0")),
                () -> assertTrue(json.contains("\"self\":true")),
                () -> assertTrue(json.contains("\"activity\":{"), "the last minute is sent"),
                () -> assertEquals(DeliveryActivity.WINDOW_SECONDS, back.activity().deliveredPerSecond().size()),
                () -> assertFalse(json.contains(files.signingSecretOf(1)), "the signing key leaked"),
                () -> assertFalse(json.toLowerCase().contains("privatekey")));
    }

    @Test
    void afterStopThePeersAreStillListedAndDown() {
        adapter.stop();

        ReplicaStatus status = adapter.status();
        assertEquals(3, status.peers().size());
        assertTrue(status.peers().stream().noneMatch(PeerStatus::up));
        assertEquals(4, status.serverSet().size());
    }

    @Test
    void linkCountersAndFaultsAreAttributedToTheirPeer() {
        Map<Integer, Boolean> up = Map.of(2, true, 3, false);
        Map<Integer, LinkStatus> links = Map.of(
                2, new LinkStatus(true, 100, 150, 1_000, 2_000, 30, 4, 0, 0),
                3, new LinkStatus(false, 200, 0, 0, 0, 0, 0, 1, 0));
        NodeMetrics metrics = new NodeMetrics(5, 2, 3, 1, 40, 6, 7, List.of(
                new PeerMetrics(2, 1_000, 2_000, 0, Map.of()),
                new PeerMetrics(3, 0, 0, 0, Map.of(FaultKind.MALFORMED, 2L, FaultKind.EQUIVOCATION, 1L))),
                8, 20, Optional.of("journal full"),
                Optional.of(new CheckpointCertificate(3, 31, new byte[32], 0, new byte[32], new byte[64])));

        List<PeerStatus> peers = StatusSnapshot.peers(up, links, metrics);
        AgreementStatus agreement = StatusSnapshot.agreement(metrics);

        assertEquals(List.of(
                new PeerStatus(2, true, 100, 150, 1_000, 2_000, 30, 4, Map.of()),
                new PeerStatus(3, false, 200, 0, 0, 0, 0, 0, Map.of("EQUIVOCATION", 1L, "MALFORMED", 2L))), peers);
        assertEquals(new AgreementStatus(5, 2, 3, 1, 40, 6, 7, 8, 2.5, true, "journal full", 3, 31), agreement);
    }
}
