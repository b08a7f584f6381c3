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
    private static final AgreementStatus AGREEMENT = new AgreementStatus(7, 1, 2, 1, 12, 0, 3, 9, 1.5, false, "");

    private static ReplicaStatus status(String state, long round, int linksUp) {
        return new ReplicaStatus(2, 4, 1, state, "/var/sintra/2", "2026-11-25T21:54:00Z", true, round, 12, linksUp,
                SERVER_SET, PEERS, AGREEMENT);
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
                () -> new AgreementStatus(-1, 0, 0, 0, 0, 0, 0, 0, 0, false, ""));
    }

    @Test
    void requiresAStateAndItsParts() {
        assertThrows(NullPointerException.class, () -> status(null, 0, 0));
        assertThrows(NullPointerException.class, () -> new ReplicaStatus(2, 4, 1, "STARTED", "/d",
                "2026-11-25T21:54:00Z", false, 0, 0, 0, SERVER_SET, PEERS, null));
        assertThrows(NullPointerException.class, () -> new AgreementStatus(0, 0, 0, 0, 0, 0, 0, 0, 0, true, null));
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
}
