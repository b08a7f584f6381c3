package org.sintraee.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeliveryTest {

    @Test
    void equalityFollowsTheBytesAndTheRecordCopiesThem() {
        byte[] bytes = {1, 2, 3};
        Delivery d = new Delivery(5, 2, bytes);
        bytes[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, d.request(), "copied in");
        d.request()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, d.request(), "copied out");
        assertEquals(new Delivery(5, 2, new byte[] {1, 2, 3}), d);
        assertEquals(new Delivery(5, 2, new byte[] {1, 2, 3}).hashCode(), d.hashCode());
        assertNotEquals(new Delivery(5, 2, new byte[] {1, 2, 4}), d);
        assertNotEquals(new Delivery(6, 2, new byte[] {1, 2, 3}), d);
        assertEquals("Delivery[seq=5, round=2, 3 bytes 010203]", d.toString());
        assertTrue(new Delivery(0, 0, new byte[40]).toString().endsWith("...]"), "long requests are cut");
    }

    @Test
    void refusesNegativePositionsAndNoRequest() {
        assertThrows(IllegalArgumentException.class, () -> new Delivery(-1, 0, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new Delivery(0, -1, new byte[0]));
        assertThrows(NullPointerException.class, () -> new Delivery(0, 0, null));
        OrderedRequest event = new OrderedRequest(new Delivery(3, 1, new byte[] {7}));
        assertEquals(3, event.seq());
        assertEquals(1, event.round());
        assertArrayEquals(new byte[] {7}, event.request());
        assertThrows(IllegalArgumentException.class,
                () -> new InboundStatus("bean", "WAITING", -2, 0, 0, "", ""));
    }
}
