package org.sintraee.runtime.replica;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code replica --public FILE --private FILE --data DIR [...]}: runs one replica until
 * SIGTERM or Ctrl-C (see {@link ReplicaOptions#USAGE}). Exit status 2 for a usage error,
 * 1 when the replica cannot start (the message names the file, field or port).
 */
public final class ReplicaCommand {

    private ReplicaCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream err = System.err;
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(ReplicaOptions.USAGE);
            return;
        }
        ReplicaOptions options;
        try {
            options = ReplicaOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("replica: " + e.getMessage());
            err.println(ReplicaOptions.USAGE);
            System.exit(2);
            return;
        }
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
        Replica replica;
        try {
            replica = Replica.start(options, executor);
        } catch (Exception e) {
            err.println("replica: cannot start: " + e.getMessage());
            executor.shutdownNow();
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            replica.close();
            executor.shutdownNow();
            stopped.countDown();
        }, "sintra-shutdown"));
        System.out.println("replica " + replica.id() + " running; status in " + replica.statusPath());
        stopped.await();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** The standalone mode's own executor threads: daemon, named, so a stop never hangs on them. */
    static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "sintra-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
