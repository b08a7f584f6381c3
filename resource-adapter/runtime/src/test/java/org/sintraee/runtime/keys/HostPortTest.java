package org.sintraee.runtime.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostPortTest {

    @Test
    void parsesIpv4DnsAndBracketedIpv6() {
        assertEquals(new HostPort("10.0.0.7", 7001), HostPort.parse("10.0.0.7:7001"));
        assertTrue(HostPort.parse("10.0.0.7:7001").isIpAddress());
        HostPort dns = HostPort.parse("Replica-1.example.org:65535");
        assertEquals("replica-1.example.org", dns.host());
        assertEquals(65535, dns.port());
        assertFalse(dns.isIpAddress());
        HostPort v6 = HostPort.parse("[::1]:1");
        assertEquals("::1", v6.host());
        assertTrue(v6.isIpAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.7:7001", "[::1]:7001", "[2001:db8::5]:443", "localhost:1", "a.b-c.d:80"})
    void printsWhatItParses(String text) {
        assertEquals(text, HostPort.parse(text).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "host", "host:", ":7001", "host:0", "host:65536", "host:99999999", "host:-1",
            "host:7001x", "::1:7001", "[::1]7001", "[nothost]:7001", "bad_host:7001", "-lead.example:1",
            "trail-.example:1", "a..b:1", "10.0.0.300:7001", "host.:1", "h st:1"})
    void refusesMalformedAddresses(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostPort.parse(text));
        assertTrue(e.getMessage().contains("'"), e.getMessage());
    }
}
