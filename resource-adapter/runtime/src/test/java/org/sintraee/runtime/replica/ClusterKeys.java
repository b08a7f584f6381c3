package org.sintraee.runtime.replica;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.sintraee.runtime.dealer.DealerParameters;
import org.sintraee.runtime.dealer.TestDealings;
import org.sintraee.runtime.keys.HostPort;

/**
 * Test fixture: an n = 4 dealing on loopback ports that are free now (both the peer port
 * and the client port beside it), with the INSECURE 512-bit test modulus and seeded keys.
 */
final class ClusterKeys {
    private ClusterKeys() {
    }

    /** Deals into dir/keys and makes a cluster (not started) with its data in dir/data and 256 MiB heaps. */
    static LocalCluster cluster(Path dir, long seed, List<String> replicaArgs) throws Exception {
        return new LocalCluster(deal(dir.resolve("keys"), seed), dir.resolve("data"), replicaArgs, List.of("-Xmx256m"));
    }

    /** Stops every replica and the test's client executor; null-safe for a failed start. */
    static void stop(LocalCluster cluster, ExecutorService executor) {
        if (cluster != null) {
            cluster.close();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    static Path deal(Path dir, long seed) throws IOException {
        List<HostPort> hosts = new ArrayList<>();
        for (int port : LocalCluster.freePorts(4)) {
            hosts.add(new HostPort("127.0.0.1", port));
        }
        TestDealings.write(TestDealings.deal(seed, new DealerParameters(4, 1, hosts, 512, true)), dir);
        return dir;
    }
}
