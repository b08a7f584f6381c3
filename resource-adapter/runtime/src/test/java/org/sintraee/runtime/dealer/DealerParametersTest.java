package org.sintraee.runtime.dealer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sintraee.runtime.keys.HostPort;

class DealerParametersTest {

    @Test
    void defaultsTolerateTheMostFaultsNIsEnoughFor() {
        assertEquals(0, DealerParameters.defaults(1).faulty());
        assertEquals(0, DealerParameters.defaults(3).faulty());
        assertEquals(1, DealerParameters.defaults(4).faulty());
        assertEquals(2, DealerParameters.defaults(7).faulty());
        assertEquals(2, DealerParameters.defaults(9).faulty());
        DealerParameters p = DealerParameters.defaults(4);
        assertEquals(2048, p.modulusBits());
        assertEquals(2, p.threshold());
        assertEquals(List.of(new HostPort("127.0.0.1", 7001), new HostPort("127.0.0.1", 7002),
                new HostPort("127.0.0.1", 7003), new HostPort("127.0.0.1", 7004)), p.hosts());
    }

    @Test
    void refusesTooManyFaults() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DealerParameters(6, 2, DealerParameters.defaultHosts(6), 2048, false));
        assertTrue(e.getMessage().contains("at most t = 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new DealerParameters(4, -1, DealerParameters.defaultHosts(4), 2048, false));
    }

    @Test
    void refusesWrongHostCountsAndRepeatedHosts() {
        assertThrows(IllegalArgumentException.class,
                () -> new DealerParameters(4, 1, DealerParameters.defaultHosts(3), 2048, false));
        List<HostPort> repeated = List.of(new HostPort("a", 1), new HostPort("b", 1), new HostPort("a", 1),
                new HostPort("c", 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DealerParameters(4, 1, repeated, 2048, false));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void smallModuliNeedTheInsecureSwitch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DealerParameters(4, 1, DealerParameters.defaultHosts(4), 1024, false));
        assertTrue(e.getMessage().contains("--insecure-test-modulus"), e.getMessage());
        assertEquals(1024, new DealerParameters(4, 1, DealerParameters.defaultHosts(4), 1024, true).modulusBits());
        assertThrows(IllegalArgumentException.class,
                () -> new DealerParameters(4, 1, DealerParameters.defaultHosts(4), 256, true));
        assertThrows(IllegalArgumentException.class,
                () -> new DealerParameters(4, 1, DealerParameters.defaultHosts(4), 2049, false));
    }

    @Test
    void refusesServerCountsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new DealerParameters(0, 0, List.of(), 2048, false));
        assertThrows(IllegalArgumentException.class,
                () -> new DealerParameters(1025, 0, DealerParameters.defaultHosts(1025), 2048, false));
    }
}
