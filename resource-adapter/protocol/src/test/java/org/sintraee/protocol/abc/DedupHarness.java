package org.sintraee.protocol.abc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sintraee.protocol.abc.AbcMessage.Batch;
import org.sintraee.protocol.abc.BatchCodec.SignedBatch;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.Outgoing;
import org.sintraee.protocol.core.Protocol;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.core.Target;
import org.sintraee.protocol.sim.Adversary;
import org.sintraee.protocol.sim.AdversaryContext;
import org.sintraee.protocol.sim.InFlight;
import org.sintraee.protocol.sim.SimulationFailure;
import org.sintraee.protocol.sim.VirtualNet;

/**
 * Pieces for the dedup-window simulations: honest nodes that record every decided round's
 * proof (so the deliveries can be recomputed from the decided vectors), a corrupted server
 * that re-batches requests of the test's choosing, and the reference dedup.
 */
final class DedupHarness {
    static final int BATCH = 3;
    static final int MAX_REQUEST = 64;

    private DedupHarness() {
    }

    /** An honest server: its instance and the proof of each round it decided, as the runtime would persist them. */
    static final class Recorded implements Protocol<AbcInput, AbcMessage, AbcDelivery> {
        final AtomicBroadcast abc;
        final TreeMap<Long, RoundProof> decided = new TreeMap<>();

        Recorded(AtomicBroadcast abc) {
            this.abc = abc;
        }

        @Override
        public Tag tag() {
            return abc.tag();
        }

        @Override
        public boolean terminated() {
            return false;
        }

        @Override
        public Step<AbcMessage, AbcDelivery> handleInput(AbcInput input) {
            return record(abc.handleInput(input));
        }

        @Override
        public Step<AbcMessage, AbcDelivery> handleMessage(int sender, AbcMessage message) {
            return record(abc.handleMessage(sender, message));
        }

        private Step<AbcMessage, AbcDelivery> record(Step<AbcMessage, AbcDelivery> step) {
            for (long r = decided.isEmpty() ? 0 : decided.lastKey() + 1; r < abc.round(); r++) {
                long round = r;
                decided.put(r, abc.proof(r).orElseThrow(() -> new SimulationFailure("no proof of decided round " + round)));
            }
            return step;
        }
    }

    /**
     * Corrupted server f: a real instance ("puppet") with its own key, whose next BATCH after
     * {@link #rebatch} carries the chosen request besides its own, validly signed and the same
     * to every server (the puppet itself keeps its true batch). Its own requests are new ones.
     */
    static final class Rebatcher implements Adversary<AbcMessage> {
        private final int f;
        private final int n;
        private final ServerContext ctx;
        private final Tag tag;
        private final AtomicBroadcast puppet;
        private final List<Bytes> inject = new ArrayList<>();
        private final TreeMap<Long, Batch> tampered = new TreeMap<>();
        /** Requests this server made up. */
        final Set<Bytes> made = new TreeSet<>();
        private AdversaryContext<AbcMessage> net;

        Rebatcher(ServerContext ctx, Tag tag, int n) {
            this.f = ctx.self();
            this.n = n;
            this.ctx = ctx;
            this.tag = tag;
            this.puppet = new AtomicBroadcast(ctx, tag, BATCH, MAX_REQUEST, 10_000);
        }

        /** Puts {@code request} into this server's next batch, and makes it start a round with a request of its own. */
        void rebatch(Bytes request) {
            inject.add(request);
            Bytes own = Bytes.of(("byz:" + f + ":" + made.size()).getBytes(StandardCharsets.UTF_8));
            made.add(own);
            emit(puppet.handleInput(new AbcInput.Submit(own)));
        }

        @Override
        public void start(AdversaryContext<AbcMessage> ctx) {
            this.net = ctx; // the net's one context, kept to act between deliveries
        }

        @Override
        public void onMessage(InFlight<AbcMessage> m, AdversaryContext<AbcMessage> ctx) {
            if (m.to() == f) {
                emit(puppet.handleMessage(m.from(), m.message()));
            }
        }

        private void emit(Step<AbcMessage, AbcDelivery> first) {
            Deque<Step<AbcMessage, AbcDelivery>> steps = new ArrayDeque<>(List.of(first));
            while (!steps.isEmpty()) {
                List<AbcMessage> self = new ArrayList<>();
                for (Outgoing<AbcMessage> o : steps.poll().messages()) {
                    for (int to = 1; to <= n; to++) {
                        if (to == f && o.target().includes(to)) {
                            self.add(o.message()); // hears its own true message at once
                        } else if (o.target().includes(to)) {
                            net.send(f, Target.to(to), tamper(o.message()));
                        }
                    }
                }
                self.forEach(m -> steps.add(puppet.handleMessage(f, m)));
            }
        }

        private AbcMessage tamper(AbcMessage m) {
            if (!(m instanceof Batch b) || (inject.isEmpty() && !tampered.containsKey(b.round()))) {
                return m;
            }
            return tampered.computeIfAbsent(b.round(), r -> {
                List<Bytes> own = BatchCodec.decodeBatch(b.batch(), BATCH, MAX_REQUEST).get();
                List<Bytes> requests = new ArrayList<>(own.subList(0, Math.min(own.size(), BATCH - inject.size())));
                requests.addAll(inject); // still within BATCH, or honest servers would reject the batch
                inject.clear();
                Bytes batch = BatchCodec.encodeBatch(requests);
                return new Batch(r, batch, Bytes.of(ctx.signer().sign(BatchCodec.statement(tag, r, batch))));
            });
        }
    }

    /** The requests of a decided vector, in delivery order before dedup: server ascending, then batch position. */
    static List<Bytes> requestsOf(RoundProof p, int n) {
        List<Bytes> out = new ArrayList<>();
        for (SignedBatch e : BatchCodec.decodeVector(p.value().toArray(), n, BatchCodec.maxBatchBytes(BATCH, MAX_REQUEST))
                .get()) {
            out.addAll(BatchCodec.decodeRequests(e.batch(), BATCH, MAX_REQUEST).get().requests());
        }
        return out;
    }

    /** The reference: a request is delivered iff it is not among the last {@code window} deliveries (a plain list scan). */
    static List<AbcDelivery> reference(TreeMap<Long, RoundProof> decided, int n, int window) {
        List<AbcDelivery> out = new ArrayList<>();
        List<Bytes> log = new ArrayList<>();
        for (RoundProof p : decided.values()) {
            for (Bytes request : requestsOf(p, n)) {
                if (!log.subList(Math.max(0, log.size() - window), log.size()).contains(request)) {
                    out.add(new AbcDelivery(log.size(), p.round(), request));
                    log.add(request);
                }
            }
        }
        return out;
    }

    static Recorded node(VirtualNet<AbcInput, AbcMessage, AbcDelivery> net, int id) {
        return (Recorded) net.node(id);
    }
}
