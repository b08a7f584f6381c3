package org.sintraee.protocol.abc;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.Outgoing;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.sim.Contexts;

/**
 * Full ABC rounds of n = 4 servers in memory, on one thread, with a FIFO network: each server
 * gets {@link #PER_SERVER} distinct 1 KiB requests, batch 512, and the servers run until every
 * request is delivered everywhere. The score is requests delivered (per server) per second of
 * this thread's CPU, which is also what one replica's loop thread would spend if the four
 * shared no core. Run: {@code mvn -o -Pjmh verify -DskipTests -Djmh.args="AbcBenchmark"}, or
 * the quick probe {@code java -cp <test classpath> org.sintraee.protocol.abc.AbcBenchmark [mock|real] [reps]},
 * which also prints a fingerprint of every step of every server (messages, outputs, faults,
 * durable records): equal fingerprints before and after a change mean no protocol decision changed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 4)
public class AbcBenchmark {
    static final int N = 4;
    static final int T = 1;
    static final int BATCH = 512;
    static final int REQUEST_BYTES = 1024;
    static final int PER_SERVER = 1024;
    static final int REQUESTS = N * PER_SERVER;

    @Param({"mock", "real"})
    String keys;

    private List<ServerContext> ctxs;
    private List<List<Bytes>> requests;
    private long run;

    @Setup(Level.Trial)
    public void setup() {
        ctxs = keys.equals("real") ? Contexts.real(N, T, 7) : Contexts.mock(N, T);
        requests = workload();
    }

    @Benchmark
    @OperationsPerInvocation(REQUESTS)
    public long rounds() {
        return runOnce(ctxs, requests, run++, null);
    }

    static List<List<Bytes>> workload() {
        SplittableRandom rnd = new SplittableRandom(42);
        List<List<Bytes>> all = new ArrayList<>();
        for (int s = 0; s < N; s++) {
            List<Bytes> mine = new ArrayList<>();
            for (int k = 0; k < PER_SERVER; k++) {
                byte[] body = new byte[REQUEST_BYTES];
                rnd.nextBytes(body);
                mine.add(Bytes.of(body));
            }
            all.add(mine);
        }
        return all;
    }

    /** One run to quiescence; returns the deliveries at server 1. {@code print}, if given, digests every step. */
    static long runOnce(List<ServerContext> ctxs, List<List<Bytes>> requests, long run, MessageDigest print) {
        Tag tag = Tag.of("bench", "abc").child(run);
        List<AtomicBroadcast> nodes = new ArrayList<>();
        for (ServerContext c : ctxs) {
            nodes.add(new AtomicBroadcast(c, tag, BATCH, REQUEST_BYTES, 10_000));
        }
        record InFlight(int from, int to, AbcMessage message) {
        }
        ArrayDeque<InFlight> net = new ArrayDeque<>();
        for (int s = 1; s <= N; s++) {
            for (Bytes r : requests.get(s - 1)) {
                Step<AbcMessage, AbcDelivery> step = nodes.get(s - 1).handleInput(new AbcInput.Submit(r));
                enqueue(s, step, net::add, InFlight::new, print);
            }
        }
        while (!net.isEmpty()) {
            InFlight m = net.poll();
            Step<AbcMessage, AbcDelivery> step = nodes.get(m.to() - 1).handleMessage(m.from(), m.message());
            enqueue(m.to(), step, net::add, InFlight::new, print);
        }
        long delivered = nodes.get(0).deliveredCount();
        if (delivered != REQUESTS) {
            throw new IllegalStateException("delivered " + delivered + " of " + REQUESTS);
        }
        return delivered;
    }

    interface Make<F> {
        F make(int from, int to, AbcMessage m);
    }

    private static <F> void enqueue(int from, Step<AbcMessage, AbcDelivery> step, java.util.function.Consumer<F> net,
                                    Make<F> make, MessageDigest print) {
        if (!step.faults().isEmpty()) {
            throw new IllegalStateException("server " + from + " blamed someone: " + step.faults());
        }
        if (print != null) {
            print.update((from + ":" + step.messages() + step.outputs() + step.durable().stream()
                    .map(d -> d.tag() + "/" + d.what() + "/" + HexFormat.of().formatHex(
                            fingerprint(d.data()))).toList()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        for (Outgoing<AbcMessage> o : step.messages()) {
            for (int to = 1; to <= N; to++) {
                if (o.target().includes(to)) {
                    net.accept(make.make(from, to, o.message()));
                }
            }
        }
    }

    private static byte[] fingerprint(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The quick probe: requests per CPU-second of this thread over {@code reps} runs, and the fingerprint. */
    public static void main(String[] args) throws Exception {
        String keys = args.length > 0 ? args[0] : "mock";
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<ServerContext> ctxs = keys.equals("real") ? Contexts.real(N, T, 7) : Contexts.mock(N, T);
        List<List<Bytes>> requests = workload();
        MessageDigest print = MessageDigest.getInstance("SHA-256");
        runOnce(ctxs, requests, 0, print);
        System.out.println(keys + " fingerprint " + HexFormat.of().formatHex(print.digest()));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int i = 1; i <= 2; i++) {
            runOnce(ctxs, requests, i, null); // warm-up
        }
        long cpu = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < reps; i++) {
            runOnce(ctxs, requests, 100 + i, null);
        }
        double seconds = (mx.getCurrentThreadCpuTime() - cpu) / 1e9;
        System.out.printf("%s: %d requests x %d runs in %.2f CPU-s: %.0f requests/CPU-s%n", keys, REQUESTS, reps,
                seconds, REQUESTS * (double) reps / seconds);
    }
}
