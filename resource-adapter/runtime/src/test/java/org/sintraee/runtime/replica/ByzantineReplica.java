package org.sintraee.runtime.replica;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.sintraee.runtime.keys.KeyFiles;
import org.sintraee.runtime.keys.PublicKeys;
import org.sintraee.runtime.keys.ServerKeys;

/**
 * Test only: {@code ByzantineReplica [replica options] --byzantine garbage,replay,equivocate,withhold}
 * runs a real {@link Replica} with this member's real keys, its outgoing frames passed through
 * a {@link ByzantineOutbox}. Started as a separate JVM by {@link LocalCluster#start(int, String, List)}.
 */
public final class ByzantineReplica {
    static final String FLAG = "--byzantine";

    private ByzantineReplica() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        int at = rest.indexOf(FLAG);
        if (at < 0 || at + 1 >= rest.size()) {
            System.err.println("byzantine replica: " + FLAG + " garbage,replay,equivocate,withhold is required");
            System.exit(2);
        }
        Set<ByzantineOutbox.Behaviour> behaviours = ByzantineOutbox.Behaviour.parse(rest.get(at + 1));
        rest.subList(at, at + 2).clear();
        ReplicaOptions options = ReplicaOptions.parse(rest.toArray(new String[0]));
        PublicKeys publicKeys = KeyFiles.loadPublic(options.publicFile());
        ServerKeys keys = KeyFiles.loadPrivate(options.privateFile(), publicKeys);
        ExecutorService executor = Executors.newCachedThreadPool(ReplicaCommand.daemonThreads());
        Replica replica = Replica.start(options, executor, links -> new ByzantineOutbox(links, behaviours,
                publicKeys.servers(), keys.id(), keys.signer(), keys.id() * 7919L));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            replica.close();
            executor.shutdownNow();
            stopped.countDown();
        }, "byzantine-shutdown"));
        System.out.println("byzantine replica " + replica.id() + " running " + behaviours);
        stopped.await();
    }
}
