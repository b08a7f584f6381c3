package org.sintraee.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sintraee.api.notary.NotaryRequest;

class OrderedRequestTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aTypedRequestNamesItsTypeBeforeTheZeroByte() {
        assertEquals(Optional.of("orders/v2"), OrderedRequest.typeOf(bytes("orders/v2\0{...}")));
        assertEquals(Optional.of(NotaryRequest.TYPE),
                new OrderedRequest(new Delivery(3, 1, NotaryRequest.encode(new byte[32]))).type());
    }

    @Test
    void anythingElseHasNoType() {
        assertEquals(Optional.empty(), OrderedRequest.typeOf(bytes("no zero byte")));
        assertEquals(Optional.empty(), OrderedRequest.typeOf(bytes("\0starts with zero")));
        assertEquals(Optional.empty(), OrderedRequest.typeOf(bytes("has space\0x")));
        assertEquals(Optional.empty(), OrderedRequest.typeOf(bytes("caf\u00e9\0x")));
        assertEquals(Optional.empty(), OrderedRequest.typeOf(bytes("x".repeat(OrderedRequest.MAX_TYPE_CHARS + 1) + "\0")));
        assertEquals(Optional.of("x".repeat(OrderedRequest.MAX_TYPE_CHARS)),
                OrderedRequest.typeOf(bytes("x".repeat(OrderedRequest.MAX_TYPE_CHARS) + "\0")));
        assertEquals(Optional.empty(), OrderedRequest.typeOf(new byte[0]));
    }
}
