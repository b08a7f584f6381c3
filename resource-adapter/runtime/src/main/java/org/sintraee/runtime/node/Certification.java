package org.sintraee.runtime.node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.sintraee.api.OrderCertificate;
import org.sintraee.api.OrderHashes;
import org.sintraee.protocol.abc.AbcDelivery;
import org.sintraee.protocol.cert.CertInput;
import org.sintraee.protocol.cert.CertMessage;
import org.sintraee.protocol.cert.Certified;
import org.sintraee.protocol.cert.RoundCertifier;
import org.sintraee.protocol.core.Fault;
import org.sintraee.protocol.core.Outgoing;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.runtime.wire.WireCodec;

/**
 * Order certificates on the node loop (see package-info, "Order certificates"): keeps the
 * Merkle leaves of the last {@link #WINDOW_ROUNDS} delivered rounds (and at most
 * {@link #MAX_HELD_LEAVES} leaves, oldest rounds dropped first), feeds each round's statement
 * to the {@link RoundCertifier}, and completes {@code certify(seq)} futures once the round's
 * signature is combined. Works after the group's sync only (deliveries are durable, and the
 * certifier needs no durable record), so it sends its frames directly. Loop thread only.
 */
final class Certification {
    /** Rounds kept, by round number below the newest delivered one; the certifier's window too. */
    static final int WINDOW_ROUNDS = 256;
    /** Leaves kept over all rounds: 32 bytes each, so 8 MiB. */
    static final int MAX_HELD_LEAVES = 1 << 18;
    /** Local certify() calls waiting for their rounds' signatures. */
    static final int MAX_WAITERS = 4096;

    /** How the loop sends one frame to one peer (and counts it). */
    @FunctionalInterface
    interface FrameSender {
        void send(int peer, byte[] frame);
    }

    private record Held(long round, long firstSeq, List<byte[]> leaves, byte[] root) {
    }

    private record Waiter(long seq, CompletableFuture<OrderCertificate> future) {
    }

    private final RoundCertifier certifier;
    private final int self;
    private final int n;
    private final PeerCounters counters;
    private final FrameSender sender;
    private final TreeMap<Long, Held> rounds = new TreeMap<>();
    /** Round by its first seq, for finding a seq's round. */
    private final TreeMap<Long, Long> byFirstSeq = new TreeMap<>();
    private final TreeMap<Long, byte[]> signatures = new TreeMap<>();
    private final Map<Long, List<Waiter>> waiting = new TreeMap<>();
    private int waiters;
    private long heldLeaves;
    /** Deliveries of the group's last round, until {@link #flush()}. */
    private final long liveFrom;
    private long openRound = -1;
    private long openFirst;
    /** The open round holds a replayed delivery: it is not kept (see the constructor). */
    private boolean openReplayed;
    private List<byte[]> openLeaves = new ArrayList<>();
    private long nextSeq;

    /** @param certifier null when this server has no service key share: certify() then fails */
    /**
     * @param liveFrom the first seq this run's atomic broadcast delivers: earlier ones are replayed
     *                 from the journal, where a round past the last Decided marker is only a lower
     *                 bound, so this server never signs a round that holds any of them (another
     *                 server's statement would differ, and this honest server would be blamed)
     */
    Certification(RoundCertifier certifier, int self, int n, PeerCounters counters, FrameSender sender,
                  long liveFrom) {
        this.liveFrom = liveFrom;
        this.certifier = certifier;
        this.self = self;
        this.n = n;
        this.counters = counters;
        this.sender = sender;
    }

    /** The certifier's instance tag under the node's: frames with it carry {@code CertMessage}s. */
    static Tag tagOf(Tag nodeTag) {
        return nodeTag.child("cert");
    }

    /** A durable delivery, in seq order; a round's deliveries all come in one group (one step). */
    void delivered(AbcDelivery d) {
        if (d.round() != openRound) {
            flush();
            openRound = d.round();
            openFirst = d.seq();
            openReplayed = false;
        }
        openReplayed |= d.seq() < liveFrom;
        openLeaves.add(OrderHashes.leaf(d.seq(), d.round(), d.request().toArray()));
        nextSeq = Math.max(nextSeq, d.seq() + 1);
    }

    /** Ends the group's last round: its leaves are complete. */
    void flush() {
        if (openLeaves.isEmpty()) {
            return;
        }
        List<byte[]> leaves = openLeaves;
        openLeaves = new ArrayList<>();
        if (openReplayed) {
            return; // certify() of its seqs fails here; the other servers certify the round
        }
        Held h = new Held(openRound, openFirst, leaves, OrderHashes.root(leaves));
        rounds.put(h.round(), h);
        byFirstSeq.put(h.firstSeq(), h.round());
        heldLeaves += leaves.size();
        while (rounds.size() > 1 && (rounds.firstKey() <= h.round() - WINDOW_ROUNDS || heldLeaves > MAX_HELD_LEAVES)) {
            forget(rounds.firstEntry().getValue());
        }
        if (certifier != null) {
            process(certifier.handleInput(new CertInput.Delivered(h.round(), statement(h))));
        }
    }

    /** Completes {@code future} with seq's certificate once its round is certified, or fails it now. */
    void certify(long seq, CompletableFuture<OrderCertificate> future) {
        if (certifier == null) {
            future.completeExceptionally(new IllegalStateException("this node has no service key share"));
            return;
        }
        Map.Entry<Long, Long> e = seq < 0 ? null : byFirstSeq.floorEntry(seq);
        Held h = e == null ? null : rounds.get(e.getValue());
        if (h == null || seq >= h.firstSeq() + h.leaves().size()) {
            future.completeExceptionally(seq >= nextSeq
                    ? new IllegalStateException("seq " + seq + " is not delivered at this server yet")
                    : new IllegalStateException("seq " + seq + " is too old: this server keeps the leaves of the last "
                            + WINDOW_ROUNDS + " rounds (at most " + MAX_HELD_LEAVES + " requests) since its start"));
            return;
        }
        byte[] signature = signatures.get(h.round());
        if (signature != null) {
            future.complete(certificate(h, seq, signature));
            return;
        }
        if (waiters >= MAX_WAITERS) {
            future.completeExceptionally(new NodeBusyException(MAX_WAITERS + " certify calls are waiting"));
            return;
        }
        waiting.computeIfAbsent(h.round(), r -> new ArrayList<>()).add(new Waiter(seq, future));
        waiters++;
        process(certifier.handleInput(new CertInput.Sign(h.round())));
    }

    /** A share from a peer. */
    void received(int peer, CertMessage m) {
        if (certifier != null) {
            process(certifier.handleMessage(peer, m));
        }
    }

    /** Fails every waiting certify() call; after the loop stopped. */
    void failPending(RuntimeException cause) {
        for (List<Waiter> ws : waiting.values()) {
            ws.forEach(w -> w.future().completeExceptionally(cause));
        }
        waiting.clear();
        waiters = 0;
    }

    /** Applies a certifier step: faults counted, frames sent, own copies handled at once (no durable records). */
    private void process(Step<CertMessage, Certified> first) {
        run(certifier, first, self, n, counters, sender).forEach(this::certified);
    }

    /**
     * Runs a certifier step and the steps its copies to this server cause, to the end: faults
     * counted against their peers, frames sent to the others. Returns the outputs in order.
     */
    static List<Certified> run(RoundCertifier certifier, Step<CertMessage, Certified> first, int self, int n,
                               PeerCounters counters, FrameSender sender) {
        List<Certified> out = new ArrayList<>();
        ArrayDeque<Step<CertMessage, Certified>> steps = new ArrayDeque<>();
        steps.add(first);
        for (Step<CertMessage, Certified> step = steps.poll(); step != null; step = steps.poll()) {
            for (Fault f : step.faults()) {
                counters.fault(f.peer(), f.kind(), f.toString());
            }
            for (Outgoing<CertMessage> o : step.messages()) {
                byte[] frame = WireCodec.encode(certifier.tag(), o.message());
                for (int p = 1; p <= n; p++) {
                    if (p != self && o.target().includes(p)) {
                        sender.send(p, frame);
                    }
                }
                if (o.target().includes(self)) {
                    steps.add(certifier.handleMessage(self, o.message()));
                }
            }
            out.addAll(step.outputs());
        }
        return out;
    }

    private void certified(Certified c) {
        Held h = rounds.get(c.round());
        if (h == null) {
            return; // dropped for the leaf cap meanwhile
        }
        signatures.put(c.round(), c.signature());
        List<Waiter> ws = waiting.remove(c.round());
        if (ws != null) {
            waiters -= ws.size();
            for (Waiter w : ws) {
                w.future().complete(certificate(h, w.seq(), c.signature()));
            }
        }
    }

    private void forget(Held h) {
        rounds.remove(h.round());
        byFirstSeq.remove(h.firstSeq());
        signatures.remove(h.round());
        heldLeaves -= h.leaves().size();
        List<Waiter> ws = waiting.remove(h.round());
        if (ws != null) {
            waiters -= ws.size();
            ws.forEach(w -> w.future().completeExceptionally(new IllegalStateException("round " + h.round()
                    + " of seq " + w.seq() + " was dropped before t+1 servers signed it (too old)")));
        }
    }

    private static byte[] statement(Held h) {
        return OrderHashes.statement(h.round(), h.firstSeq(), h.leaves().size(), h.root());
    }

    private static OrderCertificate certificate(Held h, long seq, byte[] signature) {
        int index = (int) (seq - h.firstSeq());
        return new OrderCertificate(seq, h.round(), h.firstSeq(), h.leaves().size(), OrderHashes.path(h.leaves(), index),
                h.root(), signature);
    }
}
