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
        ReplicaStatus status = new ReplicaStatus(2, 4, 1, "STARTED", "/var/sintra/2", "2026-11-25T21:54:00Z");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(status);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(status, in.readObject());
        }
    }

    @Test
    void requiresAState() {
        assertThrows(NullPointerException.class, () -> new ReplicaStatus(0, 4, 1, null, "/d", "2026-11-25T21:54:00Z"));
    }
}
