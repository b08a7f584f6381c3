package org.sintraee.runtime.dealer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sintraee.runtime.keys.HostPort;

/**
 * The dealer's command line. {@link #parse} throws {@link IllegalArgumentException} with a
 * one-line reason for anything a user typed wrong; the command prints it with the usage.
 */
record DealerOptions(DealerParameters parameters, Path out, boolean force, boolean allowNonPosix, boolean help) {

    static final String USAGE = String.join("\n",
            "usage: dealer --servers N --out DIR [options]",
            "",
            "Deals the keys of N servers: DIR/public.json for every server and client,",
            "DIR/server-<id>.private.json (mode 0600) for server <id> only.",
            "",
            "  --servers N              number of servers n (1..1024)",
            "  --out DIR                directory to write to (created if missing)",
            "  --faulty T               faulty servers tolerated, 3T < N (default: (N-1)/3)",
            "  --hosts H:P,H:P,...      the servers' addresses in id order, IPv6 as [::1]:P",
            "                           (default: 127.0.0.1:7001, 127.0.0.1:7002, ...)",
            "  --modulus-bits B         service RSA modulus size (default: 2048, at least 2048)",
            "  --insecure-test-modulus  allow a modulus below 2048 bits (down to 512), which",
            "                           anyone can factor: for tests and demos only",
            "  --force                  overwrite existing key files",
            "  --allow-non-posix        write private files even where permissions cannot be",
            "                           restricted to their owner",
            "  --help                   print this and exit",
            "",
            "exit status: 0 written, 2 usage error, 1 failure");

    private static final Set<String> VALUED = Set.of("servers", "faulty", "hosts", "out", "modulus-bits");
    private static final Set<String> FLAGS = Set.of("insecure-test-modulus", "force", "allow-non-posix", "help");

    static DealerOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h")) {
                arg = "--help";
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (FLAGS.contains(name)) {
                if (value != null) {
                    throw new IllegalArgumentException("--" + name + " takes no value");
                }
                value = "";
            } else if (VALUED.contains(name)) {
                if (value == null) {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException("--" + name + " needs a value");
                    }
                    value = args[++i];
                }
            } else {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            if (given.put(name, value) != null) {
                throw new IllegalArgumentException("--" + name + " is given twice");
            }
        }
        if (given.containsKey("help")) {
            return new DealerOptions(null, null, false, false, true);
        }
        int n = integer(required(given, "servers"), "servers");
        Path out = Path.of(required(given, "out"));
        int t = given.containsKey("faulty") ? integer(given.get("faulty"), "faulty") : DealerParameters.maxFaulty(n);
        List<HostPort> hosts = given.containsKey("hosts") ? hosts(given.get("hosts")) : DealerParameters.defaultHosts(n);
        int bits = given.containsKey("modulus-bits") ? integer(given.get("modulus-bits"), "modulus-bits")
                : DealerParameters.DEFAULT_MODULUS_BITS;
        DealerParameters parameters = new DealerParameters(n, t, hosts, bits, given.containsKey("insecure-test-modulus"));
        return new DealerOptions(parameters, out, given.containsKey("force"), given.containsKey("allow-non-posix"), false);
    }

    private static String required(Map<String, String> given, String name) {
        String v = given.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    private static int integer(String value, String name) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + value + "'");
        }
    }

    private static List<HostPort> hosts(String list) {
        List<HostPort> hosts = new ArrayList<>();
        for (String item : list.split(",", -1)) {
            try {
                hosts.add(HostPort.parse(item.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--hosts: " + e.getMessage());
            }
        }
        return hosts;
    }
}
