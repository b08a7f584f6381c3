package org.sintraee.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicaStatusTest {

    private static final String FINGERPRINT = "ab".repeat(32);
    private static final List<ServerSetEntry> SERVER_SET = List.of(
            new ServerSetEntry(1, "127.0.0.1:7001", FINGERPRINT, false),
            new ServerSetEntry(2, "127.0.0.1:7002", FINGERPRINT, true));
    private static final List<PeerStatus> PEERS = List.of(
            new PeerStatus(1, true, 1_000, 2_000, 30, 40, 5, 0, Map.of("MALFORMED", 2L)));
    private static final AgreementStatus AGREEMENT = new AgreementStatus(7, 1, 2, 1, 12, 0, 3, 9, 1.5, false, "", 5, 10);
    private static final ActivityStatus ACTIVITY = new ActivityStatus(2, List.of(3L, 1L), 4, 2.0, 1, 40, 40,
            List.of(new DeliveryEntry(11, 7, 32, "0123456789abcdef", 5_000)));

    private static final List<InboundStatus> INBOUND = List.of(
            new InboundStatus("OrderedDeliveryBean", "RETRYING", 12, 3, 2, "java.lang.IllegalStateException: no",
                    "2026-11-25T21:55:00Z"));

    private static ReplicaStatus status(String state, long round, int linksUp) {
        return new ReplicaStatus(2, 4, 1, state, "/var/sintra/2", "2026-11-25T21:54:00Z", true, round, 12, linksUp,
                SERVER_SET, PEERS, AGREEMENT, ACTIVITY, INBOUND);
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        ReplicaStatus status = status("STARTED", 7, 3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(status);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(status, in.readObject());
        }
    }

    @Test
    void refusesNegativeCounts() {
        assertThrows(IllegalArgumentException.class, () -> status("STARTED", -1, 0));
        assertThrows(IllegalArgumentException.class, () -> status("STARTED", 0, -1));
        assertThrows(IllegalArgumentException.class,
                () -> new AgreementStatus(-1, 0, 0, 0, 0, 0, 0, 0, 0, false, "", -1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new AgreementStatus(7, 0, 0, 0, 12, 0, 0, 0, 0, false, "", 5, 13), "a checkpoint past the deliveries");
    }

    @Test
    void requiresAStateAndItsParts() {
        assertThrows(NullPointerException.class, () -> status(null, 0, 0));
        assertThrows(NullPointerException.class, () -> new ReplicaStatus(2, 4, 1, "STARTED", "/d",
                "2026-11-25T21:54:00Z", false, 0, 0, 0, SERVER_SET, PEERS, null, ACTIVITY, INBOUND));
        assertThrows(NullPointerException.class, () -> new ReplicaStatus(2, 4, 1, "STARTED", "/d",
                "2026-11-25T21:54:00Z", false, 0, 0, 0, SERVER_SET, PEERS, AGREEMENT, null, INBOUND));
        assertThrows(NullPointerException.class, () -> new AgreementStatus(0, 0, 0, 0, 0, 0, 0, 0, 0, true, null, -1, 0));
    }

    @Test
    void listsAndFaultsAreCopied() {
        Map<String, Long> faults = new HashMap<>(Map.of("MALFORMED", 1L, "EQUIVOCATION", 2L));
        PeerStatus peer = new PeerStatus(3, false, 0, 0, 0, 0, 0, 0, faults);
        faults.put("UNEXPECTED", 5L);

        assertEquals(List.of("EQUIVOCATION", "MALFORMED"), List.copyOf(peer.faults().keySet()), "sorted, copied");
        assertEquals(3, peer.faultCount());
        assertThrows(IllegalArgumentException.class, () -> new ServerSetEntry(0, "h:1", FINGERPRINT, false));
    }

    @Test
    void activityRefusesNegativeCountsAndStartsEmpty() {
        assertThrows(IllegalArgumentException.class,
                () -> new ActivityStatus(60, List.of(), -1, 0, 0, -1, -1, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new ActivityStatus(60, List.of(), 0, 0, 0, -2, -1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new DeliveryEntry(-1, 0, 0, "00", 0));
        ActivityStatus none = ActivityStatus.none(60);
        assertEquals(60, none.deliveredPerSecond().size());
        assertEquals(-1, none.latencyP50Millis());
    }
}
