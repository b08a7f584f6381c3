package org.sintraee.protocol.abc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sintraee.protocol.abc.AbcMessage.Batch;
import org.sintraee.protocol.abc.AbcMessage.MvbaPart;
import org.sintraee.protocol.aba.AbaMessage;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.Outgoing;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.core.Target;
import org.sintraee.protocol.mvba.MvbaMessage;
import org.sintraee.protocol.sim.Adversaries;
import org.sintraee.protocol.sim.Adversary;
import org.sintraee.protocol.sim.AdversaryContext;
import org.sintraee.protocol.sim.InFlight;

/**
 * Byzantine strategies against atomic broadcast. Faulty servers run real instances
 * ("puppets") with their own keys, so what they send is well formed and signed, and lie on
 * top: equivocating batches (a different, validly signed batch to each half), batches with
 * bad signatures or malformed bytes, floods of messages for future rounds, withheld coin
 * shares; and they copy honest requests they see into their own batches (duplicates).
 * Everything a faulty server makes up is recorded in {@link #submitted}, so integrity can be
 * checked: a faulty server may a-broadcast requests of its own, like any client.
 */
final class AbcPuppets {
    /**
     * SILENT: crashed. EQUIVOCATE: two batches per round. BAD_BATCHES: bad signatures, malformed
     * batches, floods. WITHHOLD_COIN: no coin shares. WITHHOLD_BATCH: its batch reaches server 1
     * only, so the others must fetch it from proposers that hold it. LYING_PROPOSER: as
     * WITHHOLD_BATCH, and its compact C-SENDs name a batch no one has, and its BATCH-ANSWERs are
     * tampered with.
     */
    enum Byz { SILENT, EQUIVOCATE, BAD_BATCHES, WITHHOLD_COIN, WITHHOLD_BATCH, LYING_PROPOSER }

    private final Byz byz;
    private final int n;
    private final Tag tag;
    private final Map<Integer, AtomicBroadcast> nodes = new TreeMap<>();
    private final Map<Integer, ServerContext> ctxs = new TreeMap<>();
    /** Requests faulty servers made up (their own, and the alternative batches' content). */
    final Set<Bytes> submitted = new TreeSet<>();
    private int made;

    private AbcPuppets(Byz byz, List<ServerContext> all, Tag tag, Set<Integer> faulty, int batchSize,
                       int maxRequestBytes) {
        this.byz = byz;
        this.n = all.size();
        this.tag = tag;
        for (int f : faulty) {
            ctxs.put(f, all.get(f - 1));
            nodes.put(f, new AtomicBroadcast(all.get(f - 1), tag, batchSize, maxRequestBytes, 100_000));
        }
    }

    static Adversary<AbcMessage> of(Byz byz, List<ServerContext> all, Tag tag, Set<Integer> faulty, int batchSize,
                                    int maxRequestBytes, Set<Bytes> record) {
        if (byz == Byz.SILENT) {
            return Adversaries.silent();
        }
        AbcPuppets p = new AbcPuppets(byz, all, tag, faulty, batchSize, maxRequestBytes);
        return new Adversary<>() {
            @Override
            public void start(AdversaryContext<AbcMessage> ctx) {
                p.start(ctx);
                record.addAll(p.submitted);
            }

            @Override
            public void onMessage(InFlight<AbcMessage> m, AdversaryContext<AbcMessage> ctx) {
                p.onMessage(m, ctx);
                record.addAll(p.submitted);
            }
        };
    }

    static Bytes bytes(String s) {
        return Bytes.of(s.getBytes(StandardCharsets.UTF_8));
    }

    private Bytes own(int f) {
        Bytes r = bytes("byz:" + f + ":" + made++);
        submitted.add(r);
        return r;
    }

    void start(AdversaryContext<AbcMessage> ctx) {
        for (int f : nodes.keySet()) {
            emit(ctx, f, nodes.get(f).handleInput(new AbcInput.Submit(own(f))));
        }
        if (byz == Byz.BAD_BATCHES) {
            // Flood the lowest honest server with batches for future rounds, past its per-sender buffer.
            int f = nodes.keySet().iterator().next();
            int victim = 1;
            int count = 2 * AtomicBroadcast.ROUND_WINDOW * (1 + 16 * n + 64);
            int w = AtomicBroadcast.ROUND_WINDOW;
            for (int k = 0; k < count; k++) {
                long r = w / 2 + k % (w / 2 + 4); // mostly inside the window, a few beyond it
                ctx.send(f, Target.to(victim), new Batch(r, BatchCodec.encodeBatch(List.of()), bytes("junk" + k)));
            }
        }
    }

    void onMessage(InFlight<AbcMessage> m, AdversaryContext<AbcMessage> ctx) {
        int f = m.to();
        AtomicBroadcast node = nodes.get(f);
        if (node == null) {
            return;
        }
        if (m.message() instanceof Batch b && !nodes.containsKey(m.from())) {
            // Copy an honest server's requests into this server's own queue: duplicates in its batches.
            BatchCodec.decodeBatch(b.batch(), 1_000, 1 << 20).value().ifPresent(reqs -> {
                for (Bytes r : reqs) {
                    emit(ctx, f, node.handleInput(new AbcInput.Submit(r)));
                }
            });
        }
        emit(ctx, f, node.handleMessage(m.from(), m.message()));
    }

    private void emit(AdversaryContext<AbcMessage> ctx, int f, Step<AbcMessage, AbcDelivery> first) {
        Deque<Step<AbcMessage, AbcDelivery>> steps = new ArrayDeque<>(List.of(first));
        while (!steps.isEmpty()) {
            List<AbcMessage> self = new ArrayList<>();
            for (Outgoing<AbcMessage> o : steps.poll().messages()) {
                for (int to = 1; to <= n; to++) {
                    if (!o.target().includes(to)) {
                        continue;
                    }
                    if (to == f) {
                        self.add(o.message()); // a puppet hears its own true message at once
                        continue;
                    }
                    for (AbcMessage out : tamper(f, to, o.message())) {
                        ctx.send(f, Target.to(to), out);
                    }
                }
            }
            for (AbcMessage m : self) {
                steps.add(nodes.get(f).handleMessage(f, m));
            }
        }
    }

    /**
     * What faulty server f really sends to {@code to} instead of {@code m}. Equivocation: the
     * true batch to the lower half, another one to the upper half, and both to server 1 (so
     * one honest server can see it).
     */
    private List<AbcMessage> tamper(int f, int to, AbcMessage m) {
        if (m instanceof MvbaPart p && byz == Byz.WITHHOLD_COIN && isCoinShare(p.message())) {
            return List.of();
        }
        if (byz == Byz.LYING_PROPOSER && m instanceof AbcMessage.CompactSend c) {
            return List.of(new AbcMessage.CompactSend(c.round(), flipAt(c.compact(), 8))); // the first entry's digest
        }
        if (byz == Byz.LYING_PROPOSER && m instanceof AbcMessage.BatchAnswer a) {
            return List.of(new AbcMessage.BatchAnswer(a.round(), a.server(), flipAt(a.batch(), a.batch().length() - 1)));
        }
        if ((byz == Byz.WITHHOLD_BATCH || byz == Byz.LYING_PROPOSER) && m instanceof Batch) {
            return to == 1 ? List.of(m) : List.of();
        }
        if (!(m instanceof Batch b)) {
            return List.of(m);
        }
        return switch (byz) {
            case EQUIVOCATE -> to == 1 ? List.of(m, alternative(f, b)) : List.of(to > n / 2 ? alternative(f, b) : m);
            case BAD_BATCHES -> switch ((int) (b.round() % 3)) {
                case 0 -> List.of(new Batch(b.round(), b.batch(), flipAt(b.signature(), 0)));
                case 1 -> List.of(new Batch(b.round(), bytes("not a batch"), b.signature()));
                default -> List.of(m);
            };
            default -> List.of(m);
        };
    }

    private final Map<String, Batch> alternatives = new TreeMap<>();

    /** A second, validly signed batch of f for the same round (one per round, so it is consistent per half). */
    private Batch alternative(int f, Batch b) {
        return alternatives.computeIfAbsent(f + "/" + b.round(), k -> {
            Bytes batch = BatchCodec.encodeBatch(List.of(own(f)));
            Bytes sig = Bytes.of(ctxs.get(f).signer().sign(BatchCodec.statement(tag, b.round(), batch)));
            return new Batch(b.round(), batch, sig);
        });
    }

    private static Bytes flipAt(Bytes b, int at) {
        byte[] s = b.toArray();
        if (at >= 0 && at < s.length) {
            s[at] ^= 1;
        }
        return Bytes.of(s);
    }


    private static boolean isCoinShare(MvbaMessage m) {
        return m instanceof MvbaMessage.CoinPart
                || m instanceof MvbaMessage.AbaPart a && a.message() instanceof AbaMessage.Coin;
    }
}
