package org.sintraee.runtime.node;

import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sintraee.protocol.abc.AbcDelivery;
import org.sintraee.protocol.abc.AbcMessage;
import org.sintraee.protocol.abc.AtomicBroadcast;
import org.sintraee.protocol.abc.RoundProof;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.Verdict;
import org.sintraee.runtime.journal.JournalCorruptException;
import org.sintraee.runtime.wire.CatchUpMessage;
import org.sintraee.runtime.wire.WireCodec;

/**
 * The node loop's side of catch-up (see package-info): it takes FETCH, PROOF and CHECKPOINTED
 * frames, feeds held answers to the atomic broadcast in round order, and after each group's
 * sync asks peers for rounds and answers their FETCHes from memory or the journal (a pruned
 * round under its checkpoint). Runs on the
 * loop thread only; {@link CatchUp} holds the bookkeeping, this class the IO around it.
 */
final class CatchUpDriver {
    private static final Logger LOG = Logger.getLogger(CatchUpDriver.class.getName());

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
    private final Checkpoints checkpoints;
    /** Bounds of a checkpointed round's requests: what one round may deliver. */
    private final int maxRequests;
    private final int maxRequestBytes;

    CatchUpDriver(int self, int n, Tag tag, AtomicBroadcast abc, DecidedIndex index, Durability journal,
                  PeerCounters counters, FrameSender sender, long now, Checkpoints checkpoints, int maxRequests,
                  int maxRequestBytes) {
        this.checkpoints = checkpoints;
        this.maxRequests = maxRequests;
        this.maxRequestBytes = maxRequestBytes;
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

    /** A FETCH, PROOF or CHECKPOINTED from {@code peer}; a held answer is fed at once. */
    void received(int peer, Object message, StepSink sink) throws IOException {
        if (message instanceof CatchUpMessage.Fetch f) {
            catchUp.fetched(peer, f.round());
        } else if (message instanceof CatchUpMessage.Proof p) {
            catchUp.offer(peer, p.round(), p.proof(), false, abc.round());
            feed(sink);
        } else if (message instanceof CatchUpMessage.Checkpointed c) {
            catchUp.offer(peer, c.round(), c.state(), true, abc.round());
            feed(sink);
        }
    }

    /** Adopts held answers for the current round, in order, as long as they carry the broadcast on. */
    void feed(StepSink sink) throws IOException {
        for (CatchUp.Held h = catchUp.take(abc.round()); h != null; h = catchUp.take(abc.round())) {
            if (h.checkpointed()) {
                takeCheckpointed(h, sink);
                continue;
            }
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

    /** A pruned round from a peer: checked against the certified checkpoint, then taken as delivered. */
    private void takeCheckpointed(CatchUp.Held h, StepSink sink) throws IOException {
        Decoded<CheckpointedRound> d = CheckpointedRound.decode(h.proof().toArray(), maxRequests, maxRequestBytes);
        if (!d.ok() || d.get().round() != h.round()) {
            counters.fault(h.sender(), FaultKind.MALFORMED, "checkpointed round " + h.round() + ": "
                    + (d.ok() ? "of round " + d.get().round() : d.error()));
            return;
        }
        Verdict v = checkpoints.check(d.get());
        if (!v.isValid()) {
            counters.fault(h.sender(), FaultKind.INVALID_PROOF, "checkpointed round " + h.round() + ": " + v.reason());
            return;
        }
        sink.apply(abc.adoptDelivered(h.round(), d.get().requests()));
        catchUp.adopted(h.sender());
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
                if (proof == null && r >= 0 && r < index.size()) {
                    proof = stored(r);
                }
                if (proof != null) {
                    sender.send(e.getKey(), WireCodec.encode(tag, new CatchUpMessage.Proof(r, Bytes.of(proof))));
                } else if (r < index.size()) { // pruned: the round's deliveries under its checkpoint, if one covers it
                    CheckpointedRound c = checkpoints.serve(r, this::requestsOf);
                    if (c != null) {
                        sender.send(e.getKey(), WireCodec.encode(tag, new CatchUpMessage.Checkpointed(r,
                                Bytes.of(c.encode()))));
                    }
                } // else silence: the asker re-asks another peer
            }
        }
    }

    /**
     * Round r's proof from the journal, or null. A damaged one (a power loss can keep a marker
     * whose proof never reached the disk) is logged and not served: the asker asks another peer.
     */
    private byte[] stored(long r) throws IOException {
        try {
            return journal.readDecided(r, index.offset(r)).orElse(null);
        } catch (JournalCorruptException e) {
            LOG.log(Level.WARNING, "server {0}: the journal''s proof of round {1} is damaged ({2}); not serving it",
                    new Object[] {self, r, e.getMessage()});
            return null;
        }
    }

    /** Decided round r's deliveries, from the journal. */
    private List<Bytes> requestsOf(long r) throws IOException {
        return journal.ordered(r == 0 ? 0 : index.nextSeqAfter(r - 1), index.nextSeqAfter(r));
    }
}
