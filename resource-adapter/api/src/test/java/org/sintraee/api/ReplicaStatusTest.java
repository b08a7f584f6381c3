package org.sintraee.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class ReplicaStatusTest {

    @Test
    void survivesJavaSerialization() throws Exception {
        ReplicaStatus status = new ReplicaStatus(2, 4, 1, "STARTED", "/var/sintra/2", "2026-11-25T21:54:00Z", true, 7, 12, 3);
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
        assertThrows(IllegalArgumentException.class,
                () -> new ReplicaStatus(1, 4, 1, "STARTED", "/d", "2026-11-25T21:54:00Z", false, -1, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new ReplicaStatus(1, 4, 1, "STARTED", "/d", "2026-11-25T21:54:00Z", false, 0, 0, -1));
    }

    @Test
    void requiresAState() {
        assertThrows(NullPointerException.class, () -> new ReplicaStatus(0, 4, 1, null, "/d", "2026-11-25T21:54:00Z", false, 0, 0, 0));
    }
}
