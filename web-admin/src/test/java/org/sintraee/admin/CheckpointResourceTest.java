package org.sintraee.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.JsonbBuilder;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sintraee.api.CheckpointCertificate;

/** The checkpoint's JSON: valid JSON whose certificate field decodes back to the same certificate. */
class CheckpointResourceTest {
    @Test
    void theJsonCarriesTheCertificateExactly() throws Exception {
        byte[] chain = new byte[32];
        chain[0] = (byte) 0xab;
        CheckpointCertificate c = new CheckpointCertificate(127, 4096, chain, 64, new byte[32], new byte[] {1, 2, 3});
        String json = CheckpointResource.json(c);
        try (var jsonb = JsonbBuilder.create()) {
            Map<?, ?> m = jsonb.fromJson(json, Map.class);
            assertEquals(127, ((Number) m.get("round")).intValue());
            assertEquals(4096, ((Number) m.get("nextSeq")).intValue());
            assertEquals(64, ((Number) m.get("firstRound")).intValue());
            assertTrue(((String) m.get("chain")).startsWith("ab00"), json);
            assertEquals("AQID", m.get("signature"));
            assertEquals(c, CheckpointCertificate.fromBytes(Base64.getDecoder().decode((String) m.get("certificate"))));
        }
    }
}
