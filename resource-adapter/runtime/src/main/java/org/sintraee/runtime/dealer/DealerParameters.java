package org.sintraee.runtime.dealer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.sintraee.protocol.crypto.shoup.ShoupDealer;
import org.sintraee.protocol.crypto.shoup.ShoupPublicKey;
import org.sintraee.runtime.keys.HostPort;

/**
 * What to deal: n servers of which t may be faulty (3t &lt; n), their addresses in id order,
 * and the service RSA modulus size. A modulus below 2048 bits needs the explicit
 * insecure-test switch: such keys are for tests and demos only.
 *
 * @throws IllegalArgumentException from the constructor, saying which parameter is wrong
 */
public record DealerParameters(int servers, int faulty, List<HostPort> hosts, int modulusBits,
                               boolean insecureTestModulus) {

    public static final int DEFAULT_MODULUS_BITS = ShoupDealer.DEFAULT_MODULUS_BITS;
    public static final int FIRST_DEFAULT_PORT = 7001;

    public DealerParameters {
        if (servers < 1 || servers > ShoupPublicKey.MAX_SERVERS) {
            throw new IllegalArgumentException("servers must be in 1.." + ShoupPublicKey.MAX_SERVERS + ", got " + servers);
        }
        if (faulty < 0 || 3 * faulty >= servers) {
            throw new IllegalArgumentException("faulty must satisfy 0 <= t and 3t < n; n = " + servers
                    + " tolerates at most t = " + maxFaulty(servers) + ", got " + faulty);
        }
        hosts = List.copyOf(hosts);
        if (hosts.size() != servers) {
            throw new IllegalArgumentException("hosts lists " + hosts.size() + " addresses for " + servers + " servers");
        }
        if (new HashSet<>(hosts).size() != servers) {
            throw new IllegalArgumentException("hosts lists an address twice");
        }
        int minimum = insecureTestModulus ? ShoupPublicKey.MIN_MODULUS_BITS : ShoupDealer.MIN_PRODUCTION_MODULUS_BITS;
        if (modulusBits < minimum || modulusBits > ShoupPublicKey.MAX_MODULUS_BITS || modulusBits % 2 != 0) {
            throw new IllegalArgumentException("modulus bits must be even and in " + minimum + ".."
                    + ShoupPublicKey.MAX_MODULUS_BITS + ", got " + modulusBits
                    + (insecureTestModulus ? "" : " (smaller test-only moduli need --insecure-test-modulus)"));
        }
    }

    /** n, t = (n-1)/3, local addresses, a 2048-bit modulus. */
    public static DealerParameters defaults(int servers) {
        return new DealerParameters(servers, maxFaulty(servers), defaultHosts(servers), DEFAULT_MODULUS_BITS, false);
    }

    /** The largest t with 3t &lt; n. */
    public static int maxFaulty(int servers) {
        return Math.max(0, (servers - 1) / 3);
    }

    /** 127.0.0.1:7001, 127.0.0.1:7002, ...: n servers on one machine. */
    public static List<HostPort> defaultHosts(int servers) {
        List<HostPort> hosts = new ArrayList<>(servers);
        for (int i = 0; i < servers; i++) {
            hosts.add(new HostPort("127.0.0.1", FIRST_DEFAULT_PORT + i));
        }
        return hosts;
    }

    /** t + 1: any such set of servers contains an honest one. The threshold of every scheme dealt. */
    public int threshold() {
        return faulty + 1;
    }
}
