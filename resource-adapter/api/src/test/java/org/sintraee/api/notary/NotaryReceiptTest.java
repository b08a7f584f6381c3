package org.sintraee.api.notary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NotaryReceiptTest {

    @Test
    void requestCarriesTheDigestAndNothingElseParsesAsOne() {
        byte[] d = NotaryFixtures.digest(3);
        assertArrayEquals(d, NotaryRequest.digestOf(NotaryRequest.encode(d)).orElseThrow());
        assertTrue(NotaryRequest.digestOf(d).isEmpty());
        byte[] other = NotaryRequest.encode(d);
        other[0] ^= 1;
        assertTrue(NotaryRequest.digestOf(other).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> NotaryRequest.encode(new byte[31]));
    }

    @Test
    void receiptSurvivesJsonAndVerifiesOnlyUnderTheServiceKey() {
        byte[] d = NotaryFixtures.digest(9);
        NotaryReceipt r = NotaryFixtures.receipt(d, 2, 5, NotaryFixtures.SERVICE);
        NotaryReceipt back = NotaryReceipt.fromJson(r.toJson());
        assertEquals(r, back);
        assertEquals(42, back.seq());
        assertTrue(back.verify(NotaryFixtures.SERVICE.getPublic()));
        assertFalse(back.verify(NotaryFixtures.generate().getPublic()));
        // the same certificate does not vouch for another document
        assertFalse(new NotaryReceipt(NotaryFixtures.digest(8), r.certificate()).verify(NotaryFixtures.SERVICE.getPublic()));
    }

    @Test
    void malformedAnswersAreRefusedWithTheirReason() {
        NotaryReceipt r = NotaryFixtures.receipt(NotaryFixtures.digest(1), 0, 1, NotaryFixtures.SERVICE);
        String json = r.toJson();
        assertThrows(IllegalArgumentException.class, () -> NotaryReceipt.fromJson(json.replace("\"seq\":40", "\"seq\":41")));
        assertThrows(IllegalArgumentException.class, () -> NotaryReceipt.fromJson(json.substring(0, json.length() - 1)));
        assertThrows(IllegalArgumentException.class, () -> NotaryReceipt.fromJson("{\"digest\":\"zz\"}"));
        assertThrows(IllegalArgumentException.class, () -> NotaryReceipt.fromJson("[1]"));
        assertThrows(IllegalArgumentException.class, () -> NotaryReceipt.fromJson(null));
    }

    @Test
    void flatJsonEscapesAndRejectsDuplicates() {
        String written = FlatJson.write(Map.of("a", "q\"\\\n"));
        assertEquals("q\"\\\n", FlatJson.parse(written).get("a"));
        assertEquals(-5L, FlatJson.parse(" { \"n\" : -5 } ").get("n"));
        assertThrows(IllegalArgumentException.class, () -> FlatJson.parse("{\"a\":1,\"a\":2}"));
        assertThrows(IllegalArgumentException.class, () -> FlatJson.parse("{\"a\":1} x"));
        assertThrows(IllegalArgumentException.class, () -> FlatJson.parse("{\"a\":\"\\u12\"}"));
    }
}
