package org.sintraee.it;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.sintraee.runtime.dealer.DealerCommand;

/**
 * Keys for the test cluster, dealt by the real dealer into the cluster's own directory with
 * peer addresses on ports free at start: the build's keys name 7001.., which the Payara Server
 * IT's replica may hold while this class runs. Test-only small modulus, as in the build.
 */
final class ClusterKeys {

    private ClusterKeys() {
    }

    /** Deals keys for {@code peerPorts.size()} servers on 127.0.0.1 into {@code dir}. */
    static void deal(Path dir, List<Integer> peerPorts) {
        String hosts = peerPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new DealerCommand().run(new String[] {
                "--servers", String.valueOf(peerPorts.size()), "--hosts", hosts, "--out", dir.toString(),
                "--insecure-test-modulus", "--modulus-bits", "1024", "--force"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("the dealer failed with status " + status + ":\n"
                    + err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8));
        }
    }

    static Path publicFile(Path dir) {
        return dir.resolve("public.json");
    }

    static Path privateFile(Path dir, int serverId) {
        return dir.resolve("server-" + serverId + ".private.json");
    }
}
