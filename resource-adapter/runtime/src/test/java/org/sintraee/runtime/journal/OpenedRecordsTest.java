package org.sintraee.runtime.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.Tag;

/** Encrypted deliveries read back through the delivery reader show their opened content, not the ciphertext. */
class OpenedRecordsTest {
    private static final Tag DEC = Tag.of("abc", "dec");

    @TempDir
    Path dir;

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void markerRecordsAndShownContent() {
        byte[] wrapped = OpenedRecords.wrap(text("ciphertext"));
        assertTrue(OpenedRecords.isEncrypted(wrapped));
        assertFalse(OpenedRecords.isEncrypted(text("plain request")));
        assertFalse(OpenedRecords.isEncrypted(new byte[] {0}));
        assertArrayEquals(text("ciphertext"), OpenedRecords.unwrap(wrapped));
        DurableRecord opened = OpenedRecords.decrypted(DEC, 7, text("bid"));
        assertEquals(7L, OpenedRecords.seqOf(opened).orElseThrow());
        assertArrayEquals(text("bid"), OpenedRecords.shown(opened));
        DurableRecord skipped = OpenedRecords.skipped(DEC, 8, "invalid");
        assertFalse(OpenedRecords.isDecrypted(skipped));
        assertEquals(0, OpenedRecords.shown(skipped).length, "a skip is shown as an empty request");
        assertTrue(OpenedRecords.seqOf(new DurableRecord(DEC, "dec-share/3", new byte[1])).isEmpty());
        assertTrue(OpenedRecords.seqOf(new DurableRecord(DEC, "opened/x", new byte[1])).isEmpty());
    }

    @Test
    void theReaderShowsOpenedContentEvenWhenTheRecordComesRoundsLater() throws IOException {
        try (Journal j = Journal.open(dir, FsyncPolicy.NEVER)) {
            j.appendDelivery(0, text("plain 0"));
            j.appendDelivery(1, OpenedRecords.wrap(text("ct 1")));
            j.append(new DurableRecord(DEC, "dec-share/1", new byte[40]));
            j.appendDelivery(2, text("plain 2"));
            j.appendDecided(0, 3, new byte[] {1});
            j.appendDelivery(3, OpenedRecords.wrap(text("ct 3")));
            j.append(OpenedRecords.decrypted(DEC, 1, text("secret 1")));
            j.appendDecided(1, 4, new byte[] {1});
            j.append(OpenedRecords.skipped(DEC, 3, "invalid ciphertext"));
            j.sync();
            DeliveryReader reader = j.deliveryReader();
            List<DeliveryReader.Entry> all = reader.deliveries(0, 4, 10);
            assertEquals(4, all.size());
            assertArrayEquals(text("plain 0"), all.get(0).request().toArray());
            assertArrayEquals(text("secret 1"), all.get(1).request().toArray());
            assertArrayEquals(text("plain 2"), all.get(2).request().toArray());
            assertEquals(0, all.get(3).request().length());
            assertEquals(1, all.get(3).round());
            assertArrayEquals(text("secret 1"), reader.deliveries(1, 2, 1).get(0).request().toArray());
            assertEquals(0, reader.deliveries(3, 4, 1).get(0).request().length());
        }
    }
}
