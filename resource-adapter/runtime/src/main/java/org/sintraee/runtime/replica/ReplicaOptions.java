package org.sintraee.runtime.replica;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sintraee.runtime.journal.FsyncPolicy;
import org.sintraee.runtime.keys.HostPort;

/**
 * The replica command's options, parsed and checked; every error names the option.
 *
 * @param publicFile  the dealer's public file
 * @param privateFile this server's private file
 * @param dataDir     where the journal lives (created if missing)
 * @param listen      the peer port's bind address; empty: the member's address from the public file
 * @param client      the client port; empty: loopback, the peer port + {@value #CLIENT_PORT_OFFSET}
 * @param statusFile  the status file; empty: {@code status.json} in the data directory
 * @param batchSize   requests per server and round
 * @param fsync       the journal's fsync policy
 * @param order       "abc" (atomic broadcast, the product) or "leader" (the benchmark's limit
 *                    mode: a fixed leader orders, no fault tolerance at all)
 */
public record ReplicaOptions(Path publicFile, Path privateFile, Path dataDir, Optional<HostPort> listen,
                             Optional<HostPort> client, Optional<Path> statusFile, int batchSize, FsyncPolicy fsync,
                             String order) {
    public static final int CLIENT_PORT_OFFSET = 100;
    public static final int DEFAULT_BATCH = 256;

    static final String USAGE = String.join("\n",
            "usage: replica --public FILE --private FILE --data DIR [options]",
            "",
            "Runs one replica from its key files until it is stopped (SIGTERM or Ctrl-C).",
            "  --public FILE       the dealer's public file (public.json)",
            "  --private FILE      this server's private file (server-<id>.private.json)",
            "  --data DIR          data directory for the journal (created if missing)",
            "  --listen H:P        peer port bind address (default: this server's address in the public file)",
            "  --client H:P        client port (default: 127.0.0.1 and the peer port + " + CLIENT_PORT_OFFSET + ")",
            "  --status FILE       status file, replaced atomically (default: DIR/status.json)",
            "  --batch N           requests per server per round (default: " + DEFAULT_BATCH + ")",
            "  --fsync always|never  journal fsync policy (default: always; never is unsafe, for tests)",
            "  --order abc|leader  abc (default); leader is the benchmark's limit mode: a fixed leader",
            "                      orders requests and NOTHING is fault tolerant",
            "  --help              print this and exit");

    private static final Set<String> FLAGS = Set.of("--public", "--private", "--data", "--listen", "--client",
            "--status", "--batch", "--fsync", "--order");

    public static ReplicaOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (!FLAGS.contains(flag)) {
                throw new IllegalArgumentException("unknown option " + flag);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            if (given.put(flag, args[++i]) != null) {
                throw new IllegalArgumentException(flag + " given twice");
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("--public", "--private", "--data")) {
            if (!given.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("missing " + String.join(", ", missing));
        }
        return new ReplicaOptions(Path.of(given.get("--public")), Path.of(given.get("--private")),
                Path.of(given.get("--data")), hostPort(given, "--listen"), hostPort(given, "--client"),
                Optional.ofNullable(given.get("--status")).map(Path::of),
                batch(given.getOrDefault("--batch", Integer.toString(DEFAULT_BATCH))),
                fsync(given.getOrDefault("--fsync", "always")), order(given.getOrDefault("--order", "abc")));
    }

    private static Optional<HostPort> hostPort(Map<String, String> given, String flag) {
        String v = given.get(flag);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(HostPort.parse(v));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage(), e);
        }
    }

    private static int batch(String v) {
        try {
            int b = Integer.parseInt(v);
            if (b >= 1 && b <= 65_536) {
                return b;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--batch must be a number in 1..65536, got '" + v + "'");
    }

    private static String order(String v) {
        if (!v.equals("abc") && !v.equals("leader")) {
            throw new IllegalArgumentException("--order must be abc or leader, got '" + v + "'");
        }
        return v;
    }

    private static FsyncPolicy fsync(String v) {
        return switch (v) {
            case "always" -> FsyncPolicy.ALWAYS;
            case "never" -> FsyncPolicy.NEVER;
            default -> throw new IllegalArgumentException("--fsync must be always or never, got '" + v + "'");
        };
    }

    /** The status file in effect. */
    public Path statusPath() {
        return statusFile.orElse(dataDir.resolve("status.json"));
    }
}
