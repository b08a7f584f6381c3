package org.sintraee.runtime.node;

import java.io.IOException;
import org.sintraee.protocol.abc.AbcDelivery;
import org.sintraee.protocol.abc.AbcMessage;
import org.sintraee.protocol.abc.AtomicBroadcast;
import org.sintraee.protocol.abc.RoundProof;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.runtime.wire.CatchUpMessage;
import org.sintraee.runtime.wire.WireCodec;

/**
 * The node loop's side of catch-up (see package-info): it takes FETCH and PROOF frames,
 * feeds held proofs to the atomic broadcast in round order, and after each group's sync
 * asks peers for rounds and answers their FETCHes from memory or the journal. Runs on the
 * loop thread only; {@link CatchUp} holds the bookkeeping, this class the IO around it.
 */
final class CatchUpDriver {

    /** How the loop applies a step (journal now, messages after the sync). */
    @FunctionalInterface
    interface StepSink {
        void apply(Step<AbcMessage, AbcDelivery> step) throws IOException;
    }

    /** How the loop sends one frame to one peer (and counts it). */
    @FunctionalInterface
    interface FrameSender {
        void send(int peer, byte[] frame);
    }

    private final int self;
    private final Tag tag;
    private final AtomicBroadcast abc;
    private final DecidedIndex index;
    private final Durability journal;
    private final PeerCounters counters;
    private final FrameSender sender;
    private final CatchUp catchUp;

    CatchUpDriver(int self, int n, Tag tag, AtomicBroadcast abc, DecidedIndex index, Durability journal,
                  PeerCounters counters, FrameSender sender, long now) {
        this.self = self;
        this.tag = tag;
        this.abc = abc;
        this.index = index;
        this.journal = journal;
        this.counters = counters;
        this.sender = sender;
        this.catchUp = new CatchUp(self, n, now);
    }

    /** True while answers wait for their peer's rate: the loop then wakes up more often. */
    boolean serving() {
        return catchUp.serving();
    }

    /** A FETCH or PROOF from {@code peer}; a held proof is fed at once. */
    void received(int peer, Object message, StepSink sink) throws IOException {
        if (message instanceof CatchUpMessage.Fetch f) {
            catchUp.fetched(peer, f.round());
        } else if (message instanceof CatchUpMessage.Proof p) {
            catchUp.offer(peer, p.round(), p.proof(), abc.round());
            feed(sink);
        }
    }

    /** Adopts held proofs of the current round, in order, as long as they carry the broadcast on. */
    void feed(StepSink sink) throws IOException {
        for (CatchUp.Held h = catchUp.take(abc.round()); h != null; h = catchUp.take(abc.round())) {
            Decoded<RoundProof> d = abc.decodeProof(h.proof().toArray());
            if (!d.ok() || d.get().round() != h.round()) {
                counters.fault(h.sender(), FaultKind.MALFORMED, "round " + h.round() + " proof: "
                        + (d.ok() ? "of round " + d.get().round() : d.error()));
                continue;
            }
            long before = abc.round();
            sink.apply(abc.adopt(h.sender(), d.get())); // an invalid proof is an INVALID_PROOF fault in the step
            if (abc.round() > before) {
                catchUp.adopted(h.sender());
            }
        }
    }

    /** After the group's sync: asks peers for the rounds we miss, and answers the FETCHes now due. */
    void afterSync(long now) throws IOException {
        for (CatchUp.Ask a : catchUp.plan(abc.round(), abc.evidenceOfRound(), now)) {
            if (a.peer() != self) {
                sender.send(a.peer(), WireCodec.encode(tag, new CatchUpMessage.Fetch(a.round())));
            }
        }
        for (var e : catchUp.due(now).entrySet()) {
            for (long r : e.getValue()) {
                byte[] proof = abc.proof(r).map(RoundProof::encode).orElse(null);
                if (proof == null && index.offset(r) >= 0) {
                    proof = journal.readDecided(index.offset(r));
                }
                if (proof != null) { // silence if not held: the asker re-asks another peer
                    sender.send(e.getKey(), WireCodec.encode(tag, new CatchUpMessage.Proof(r, Bytes.of(proof))));
                }
            }
        }
    }
}
