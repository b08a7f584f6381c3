package org.sintraee.protocol.scabc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sintraee.protocol.abc.AbcInput;
import org.sintraee.protocol.abc.AtomicBroadcast;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.Ciphertext;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.quorum.Quorums;
import org.sintraee.protocol.scabc.ScabcFixtures.Crypto;
import org.sintraee.protocol.scabc.ScabcStackPuppets.Mode;
import org.sintraee.protocol.sim.Adversary;
import org.sintraee.protocol.sim.AdversaryContext;
import org.sintraee.protocol.sim.InFlight;
import org.sintraee.protocol.sim.Invariants;
import org.sintraee.protocol.sim.Scheduler;
import org.sintraee.protocol.sim.SimulationFailure;
import org.sintraee.protocol.sim.VirtualNet;

/**
 * One run of the whole SC-ABC stack: clients encrypt requests and hand them to one or t + 1
 * honest servers (and sometimes first to a faulty one) at random times between deliveries;
 * the network runs until quiet; then every invariant is checked against a model computed
 * from the observed total order.
 */
final class ScabcStackHarness {
    enum Sched { RANDOM, DELAYING, PARTITIONED }

    private ScabcStackHarness() {
    }

    /** What a run saw, for the cells' coverage assertions. */
    record Run(VirtualNet<AbcInput, ScabcStackMessage, ScabcDelivery> net, int positions, int forgedOrdered,
               int forgedBeforeOriginal, int honestSharesToFaulty) {
    }

    static int maxDeliveries(int n) {
        return 20_000 * n * n;
    }

    /**
     * Checks every honest share a faulty server receives, when it receives it: its position
     * must already be a-delivered at some honest server. The positions are kept to check
     * afterwards that each was to be decrypted (never a splice, relabelled, invalid or replay).
     */
    static final class CausalityWatch implements Adversary<ScabcStackMessage> {
        private final Adversary<ScabcStackMessage> inner;
        VirtualNet<AbcInput, ScabcStackMessage, ScabcDelivery> net;
        final Set<Long> sharedToFaulty = new TreeSet<>();
        int count;

        CausalityWatch(Adversary<ScabcStackMessage> inner) {
            this.inner = inner;
        }

        @Override
        public void start(AdversaryContext<ScabcStackMessage> ctx) {
            inner.start(ctx);
        }

        @Override
        public void onMessage(InFlight<ScabcStackMessage> m, AdversaryContext<ScabcStackMessage> ctx) {
            if (!ctx.faulty().contains(m.from()) && m.message() instanceof ScabcStackMessage.Decrypt d
                    && d.message() instanceof ScabcMessage.DecShare s) {
                count++;
                long fixed = net.honest().stream().mapToLong(id -> stack(net, id).ordering().deliveredCount())
                        .max().orElseThrow();
                if (s.seq() >= fixed) {
                    throw new SimulationFailure("seed " + net.seed() + ": causality: faulty " + m.to()
                            + " got honest " + m.from() + "'s share of seq " + s.seq() + " before any honest server"
                            + " a-delivered it (highest a-delivered count " + fixed + ")");
                }
                sharedToFaulty.add(s.seq());
            }
            inner.onMessage(m, ctx);
        }
    }

    static SecureCausalAtomicBroadcast stack(VirtualNet<AbcInput, ScabcStackMessage, ScabcDelivery> net, int id) {
        return (SecureCausalAtomicBroadcast) net.node(id);
    }

    static Scheduler scheduler(Sched s, int n, Set<Integer> faulty) {
        int slow = 1;
        while (faulty.contains(slow)) {
            slow++;
        }
        return switch (s) {
            case RANDOM -> Scheduler.random();
            case DELAYING -> Scheduler.delaying(Set.of(slow));
            case PARTITIONED -> Scheduler.partitioned(Set.of(1, 2), 20 * n * n);
        };
    }

    /** Faulty servers: the lowest t ids on odd seeds (their batches come first in a round), else the highest. */
    static Set<Integer> faulty(int n, long seed) {
        int t = Quorums.optimal(n).t();
        Set<Integer> f = new TreeSet<>();
        for (int i = 0; i < t; i++) {
            f.add(seed % 2 == 1 ? i + 1 : n - i);
        }
        return f;
    }

    static Run run(long seed, int n, Sched sched, Mode mode, Crypto crypto, List<ServerContext> ctxs, int requests) {
        Set<Integer> faulty = faulty(n, seed);
        Tag tag = Tag.of("svc", "stack").child(seed); // per seed: the mock coin is predictable from the tag
        ScabcStackPuppets puppets = new ScabcStackPuppets(mode, crypto, ctxs, tag, faulty);
        CausalityWatch watch = new CausalityWatch(puppets);
        VirtualNet<AbcInput, ScabcStackMessage, ScabcDelivery> net = VirtualNet.create(n, faulty, seed,
                id -> new SecureCausalAtomicBroadcast(ctxs.get(id - 1), tag, crypto.scheme(), crypto.key(id),
                        ScabcStackPuppets.BATCH, ScabcStackPuppets.MAX_REQUEST, 1000, 64),
                watch, scheduler(sched, n, faulty));
        watch.net = net;
        SplittableRandom rnd = new SplittableRandom(seed * 7919 + n);
        List<Integer> honest = new ArrayList<>(net.honest());
        List<Integer> bad = new ArrayList<>(faulty);
        Tag decTag = SecureCausalAtomicBroadcast.decryptionTag(tag);
        List<byte[]> plain = new ArrayList<>();
        List<Bytes> sent = new ArrayList<>();
        int t = Quorums.optimal(n).t();
        int pace = rnd.nextInt(3, 40);
        for (int k = 0; k < requests; k++) {
            byte[] m = ("request " + k + " ").getBytes(StandardCharsets.UTF_8);
            m = Arrays.copyOf(m, m.length + rnd.nextInt(0, 120));
            for (int i = ("request " + k + " ").length(); i < m.length; i++) {
                m[i] = (byte) rnd.nextInt(256);
            }
            plain.add(m);
            Bytes c = Bytes.of(ScabcClient.encrypt(crypto.scheme(), decTag, "client-" + (k % 3), k, m,
                    new SeededRandom(seed * 1000 + k)).encode());
            sent.add(c);
            if (rnd.nextInt(3) == 0) {
                puppets.clientInput(bad.get(rnd.nextInt(bad.size())), c); // a faulty server sees it first
            }
            List<Integer> pool = new ArrayList<>(honest);
            int copies = rnd.nextBoolean() ? t + 1 : 1;
            for (int j = 0; j < copies; j++) {
                while (rnd.nextInt(100) >= pace && net.crank()) {
                    // deliveries between submissions
                }
                net.input(pool.remove(rnd.nextInt(pool.size())), new AbcInput.Submit(c));
            }
        }
        net.runUntilQuiet(maxDeliveries(n));
        return check(net, crypto, decTag, puppets, watch, sent, plain);
    }

    /** Every invariant at quiescence, against the model computed from the observed order. */
    static Run check(VirtualNet<AbcInput, ScabcStackMessage, ScabcDelivery> net, Crypto crypto, Tag decTag,
                     ScabcStackPuppets puppets, CausalityWatch watch, List<Bytes> sent, List<byte[]> plain) {
        Invariants.noHonestBlamed(net);
        List<ScabcDelivery> first = net.outputs(net.honest().iterator().next());
        for (int id : net.honest()) {
            if (!first.equals(net.outputs(id))) {
                long top = net.honest().stream().mapToLong(h -> stack(net, h).ordering().round()).max().orElseThrow();
                fail(net, "agreement: server " + id + " output " + net.outputs(id).size() + " positions, another "
                        + first.size() + (top > AtomicBroadcast.ROUND_WINDOW ? " (the run took " + top
                        + " rounds, more than ROUND_WINDOW: a laggard needs the runtime's catch-up)" : "") + ": "
                        + net.outputs(id) + " vs " + first);
            }
            long ordered = stack(net, id).ordering().deliveredCount();
            if (ordered != first.size() || stack(net, id).held() != 0) {
                fail(net, "server " + id + " a-delivered " + ordered + " positions, output " + first.size()
                        + ", holds " + stack(net, id).held());
            }
        }
        List<Bytes> log = puppets.log;
        if (log.size() != first.size()) {
            fail(net, "the observer a-delivered " + log.size() + " positions, the honest servers " + first.size());
        }
        // The model: skip what is not admissible or replays an earlier key; decrypt the rest to the client's plaintext.
        Map<Bytes, Integer> requestOf = new TreeMap<>();
        for (int k = 0; k < sent.size(); k++) {
            requestOf.put(replayKey(crypto, sent.get(k)), k);
        }
        Set<Bytes> keys = new TreeSet<>();
        Set<Long> shared = new TreeSet<>();
        Map<Integer, Long> deliveredAt = new TreeMap<>();
        Map<Integer, Long> firstForgedAt = new TreeMap<>();
        int forgedOrdered = 0;
        for (int s = 0; s < log.size(); s++) {
            ScabcDelivery d = first.get(s);
            Bytes c = log.get(s);
            if (d.seq() != s) {
                fail(net, "seq " + d.seq() + " output at place " + s);
            }
            boolean admissible = ScabcDecryption.admit(crypto.scheme(), c.toArray(),
                    ScabcClient.labelPrefix(decTag)).isValid();
            if (puppets.forged.contains(c)) {
                forgedOrdered++;
                if (admissible) {
                    fail(net, "a spliced or relabelled copy at seq " + s + " is admissible");
                }
                Integer k = ScabcStackPuppets.decodes(c) ? requestOf.get(headKey(crypto, c)) : null;
                if (k != null) {
                    firstForgedAt.putIfAbsent(k, (long) s);
                }
            }
            if (!admissible || !keys.add(replayKey(crypto, c))) {
                if (!(d instanceof ScabcDelivery.Skipped)) {
                    fail(net, "seq " + s + " (" + c + ") must be skipped, output " + d);
                }
                continue;
            }
            shared.add((long) s);
            Integer k = requestOf.get(replayKey(crypto, c));
            if (k == null || !(d instanceof ScabcDelivery.Delivered del) || !Arrays.equals(plain.get(k), del.plaintext().toArray())) {
                fail(net, "seq " + s + " must deliver client request " + k + "'s plaintext, output " + d);
            } else if (deliveredAt.put(k, (long) s) != null) {
                fail(net, "client request " + k + " delivered twice");
            }
        }
        for (int k = 0; k < sent.size(); k++) {
            if (!deliveredAt.containsKey(k)) {
                fail(net, "client request " + k + " never delivered; outputs " + first);
            }
        }
        int forgedBefore = 0;
        for (Map.Entry<Integer, Long> e : firstForgedAt.entrySet()) {
            if (e.getValue() < deliveredAt.get(e.getKey())) {
                forgedBefore++;
            }
        }
        for (int id : net.honest()) {
            Set<Long> released = new TreeSet<>();
            for (DurableRecord r : net.durable(id)) {
                if (r.tag().equals(decTag) && !released.add(Long.parseLong(r.what().substring("dec-share/".length())))) {
                    fail(net, "server " + id + " released two shares for one position: " + r.what());
                }
            }
            if (!released.equals(shared)) {
                fail(net, "server " + id + " released shares for " + released + ", expected exactly " + shared);
            }
        }
        if (!shared.containsAll(watch.sharedToFaulty)) {
            Set<Long> wrong = new TreeSet<>(watch.sharedToFaulty);
            wrong.removeAll(shared);
            fail(net, "causality: faulty servers got honest shares of skipped positions " + wrong);
        }
        return new Run(net, first.size(), forgedOrdered, forgedBefore, watch.count);
    }

    private static Bytes replayKey(Crypto crypto, Bytes c) {
        return Bytes.of(crypto.scheme().replayKey(Ciphertext.decode(c.toArray()).get()));
    }

    /** The replay key of a forged copy's TDH2 part (its head is an honest one). */
    private static Bytes headKey(Crypto crypto, Bytes c) {
        Ciphertext x = Ciphertext.decode(c.toArray()).get();
        return x.bodyLength() < crypto.headBytes() ? Bytes.EMPTY : Bytes.of(crypto.scheme().replayKey(x));
    }

    static void fail(VirtualNet<?, ?, ?> net, String what) {
        throw new SimulationFailure("seed " + net.seed() + ": " + what);
    }
}
