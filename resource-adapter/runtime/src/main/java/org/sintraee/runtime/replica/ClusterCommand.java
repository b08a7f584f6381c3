package org.sintraee.runtime.replica;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cluster --keys DIR --data DIR [replica options]}: starts one replica process per
 * server of the dealing in DIR on this machine, waits until all are ready, prints their
 * client ports, and runs until Ctrl-C, which stops them all cleanly. A second run reuses
 * the keys and the data directories.
 */
public final class ClusterCommand {
    static final String USAGE = String.join("\n",
            "usage: cluster --keys DIR --data DIR [replica options such as --batch N]",
            "  --keys DIR   the dealer's output (public.json, server-<id>.private.json)",
            "  --data DIR   one data directory per server is made inside it");

    private ClusterCommand() {
    }

    public static void main(String[] args) throws Exception {
        Path keys = null;
        Path data = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help")) {
                System.out.println(USAGE);
                return;
            }
            boolean known = args[i].equals("--keys") || args[i].equals("--data");
            if (known && i + 1 < args.length) {
                if (args[i].equals("--keys")) {
                    keys = Path.of(args[++i]);
                } else {
                    data = Path.of(args[++i]);
                }
            } else {
                rest.add(args[i]);
            }
        }
        if (keys == null || data == null) {
            System.err.println("cluster: --keys and --data are required\n" + USAGE);
            System.exit(2);
            return;
        }
        LocalCluster cluster = new LocalCluster(keys, data, rest, List.of());
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "sintra-cluster-stop"));
        cluster.startAll();
        cluster.awaitReady(Duration.ofMinutes(2));
        for (int id = 1; id <= cluster.servers(); id++) {
            System.out.println("server " + id + " ready: client port " + cluster.clientAddress(id) + ", log "
                    + cluster.log(id));
        }
        System.out.println("all " + cluster.servers() + " servers ready; Ctrl-C stops them");
        for (int id = 1; id <= cluster.servers(); id++) {
            cluster.process(id).waitFor();
        }
    }
}
