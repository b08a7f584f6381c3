package org.sintraee.runtime.node;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sintraee.protocol.abc.AbcDelivery;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.Fault;
import org.sintraee.protocol.core.Outgoing;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.DecryptionKey;
import org.sintraee.protocol.crypto.Share;
import org.sintraee.protocol.crypto.ThresholdDecryption;
import org.sintraee.protocol.scabc.ScabcDecryption;
import org.sintraee.protocol.scabc.ScabcDelivery;
import org.sintraee.protocol.scabc.ScabcInput;
import org.sintraee.protocol.scabc.ScabcMessage;
import org.sintraee.runtime.journal.DeliveryReader;
import org.sintraee.runtime.journal.Journal;
import org.sintraee.runtime.journal.OpenedRecords;
import org.sintraee.runtime.wire.WireCodec;

/**
 * Secure causal atomic broadcast on the node loop (see package-info, "Encrypted requests").
 * Every ordered seq enters the SC-ABC decryption layer at position = seq: an encrypted request
 * ({@link OpenedRecords#MARKER} + ciphertext) as its ciphertext, a plain one as empty bytes,
 * which the layer skips at once without a share. So the layer's in-order output is the release
 * order: a plain request waits behind an earlier encrypted one until that one opened, and the
 * listener sees every seq, in order, without gaps. Own shares are journaled in the group that
 * makes them and sent after its sync; each opened encrypted seq gets an {@code opened/<seq>}
 * record before it is released, so a restart replays it without decrypting again.
 *
 * <p>Restart: seqs up to the first encrypted one without an opened record are handed out from
 * the journal; the layer resumes there ({@link ScabcDecryption#resume}), is fed the journaled
 * seqs below the broadcast's resume point, and then the broadcast's re-derived deliveries.
 * Peers that opened a position long ago answer this server's share with theirs
 * ({@link RecentShares}).
 *
 * <p>Memory: the layer holds at most {@link #MAX_PENDING} positions; ordered seqs beyond them
 * wait in a queue that grows only while this server cannot open a position (it lags more than
 * the peers' {@link RecentShares#WINDOW} behind, or fewer than t + 1 servers hold the key).
 * Without a decryption key (null scheme) encrypted requests are released unopened, as ordered.
 * Loop thread only.
 */
final class Decryption {
    private static final Logger LOG = Logger.getLogger(Decryption.class.getName());
    /** Positions the layer holds before ordered seqs queue here instead. */
    static final int MAX_PENDING = 1 << 14;
    /** Journaled deliveries read back per slice at start. */
    private static final int REPLAY_SLICE = 1024;
    private static final String SHARE_WHAT = "dec-share/";

    /** A seq released to the listener: as ordered (for the submitter's future) and as shown. */
    record Released(AbcDelivery ordered, byte[] shown) {
        AbcDelivery asShown() {
            return new AbcDelivery(ordered.seq(), ordered.round(), Bytes.of(shown));
        }
    }

    private record Frame(int peer, byte[] bytes) {
    }

    private final Tag tag;
    private final int self;
    private final int n;
    private final ScabcDecryption layer;
    private final Durability journal;
    private final PeerCounters counters;
    private final Certification.FrameSender sender;
    private final Recovery recovery;
    private final Journal history;
    private final long resumeSeq;
    private long nextFeed;
    private final ArrayDeque<AbcDelivery> waiting = new ArrayDeque<>();
    private final TreeMap<Long, AbcDelivery> held = new TreeMap<>();
    private final List<Released> released = new ArrayList<>();
    private final List<Frame> frames = new ArrayList<>();
    private final RecentShares recent;
    private int appended;

    /** The decryption layer's instance under the node's tag: frames with it carry {@code ScabcMessage}s. */
    static Tag tagOf(Tag nodeTag) {
        return nodeTag.child("dec");
    }

    /** What a restarted node's journal scan gathers for this layer (see {@link Recovery}). */
    static DecryptionRecovery recoveryOf(Tag nodeTag) {
        return new DecryptionRecovery(tagOf(nodeTag), SHARE_WHAT);
    }

    /**
     * @param scheme  null (with key null) when this server holds no decryption key
     * @param history the journal, read back for the deliveries before the resume point
     */
    Decryption(ServerContext ctx, Tag nodeTag, ThresholdDecryption scheme, DecryptionKey key, Recovery recovery,
               Journal history, Durability journal, PeerCounters counters, Certification.FrameSender sender) {
        this.tag = tagOf(nodeTag);
        this.self = ctx.self();
        this.n = ctx.n();
        this.journal = journal;
        this.history = history;
        this.counters = counters;
        this.sender = sender;
        this.recovery = recovery;
        this.recent = new RecentShares(n);
        DecryptionRecovery found = recovery.decryption;
        this.resumeSeq = scheme == null || found == null ? recovery.end() : found.resumeSeq(recovery.end());
        SortedMap<Long, Bytes> decrypted = found == null ? new TreeMap<>() : found.decryptedBelow(resumeSeq);
        this.layer = scheme == null ? null
                : ScabcDecryption.resume(ctx, tag, scheme, key, MAX_PENDING, resumeSeq, decrypted);
        if (found != null) {
            found.sharesBelow(resumeSeq).forEach((seq, data) -> recent.kept(seq,
                    WireCodec.encode(tag, new ScabcMessage.DecShare(seq, new Share(self, data)))));
        }
    }

    /**
     * Hands every journaled seq before the resume point to {@code handOut} (opened content for
     * encrypted ones), read back from the journal in slices, and feeds the layer the journaled
     * seqs after it that the broadcast will not re-derive. Returns the records appended (shares),
     * durable at the first group's sync.
     */
    int start(Consumer<AbcDelivery> handOut) throws IOException {
        for (long seq = 0; seq < resumeSeq; ) {
            for (DeliveryReader.Entry e : history.deliveryReader().deliveries(seq, resumeSeq, REPLAY_SLICE)) {
                handOut.accept(new AbcDelivery(e.seq(), roundOf(e.seq()), e.request()));
                seq = e.seq() + 1;
            }
        }
        nextFeed = Math.max(resumeSeq, recovery.nextSeq);
        for (long seq = resumeSeq; seq < nextFeed; ) {
            for (DeliveryReader.Entry e : history.deliveryReader().ordered(seq, nextFeed, REPLAY_SLICE)) {
                take(new AbcDelivery(e.seq(), roundOf(e.seq()), e.request()));
                seq = e.seq() + 1;
            }
        }
        return drainAppended();
    }

    /** A delivery of the ordering, in seq order (re-derived ones before the resume point are ignored). */
    int ordered(AbcDelivery d) throws IOException {
        if (d.seq() < nextFeed) {
            return 0;
        }
        if (d.seq() != nextFeed) {
            throw new IllegalStateException("ordered seq " + d.seq() + " where " + nextFeed + " was due");
        }
        nextFeed++;
        take(d);
        return drainAppended();
    }

    /** A decryption share from a peer; a late one (position opened here) is answered with ours. */
    int received(int peer, ScabcMessage m) throws IOException {
        if (layer == null) {
            return 0; // no key here: nothing to combine (a configuration matter, not the peer's fault)
        }
        if (m instanceof ScabcMessage.DecShare s && s.seq() >= 0 && s.seq() < layer.outputCount()
                && s.share().index() == peer) {
            recent.answer(peer, s.seq()).ifPresent(f -> frames.add(new Frame(peer, f)));
        }
        process(layer.handleMessage(peer, m));
        pump();
        return drainAppended();
    }

    /** After the group's sync: sends the shares (made durable by it) and the answers. */
    void afterSync() {
        for (Frame f : frames) {
            sender.send(f.peer(), f.bytes());
        }
        frames.clear();
        recent.newGroup();
    }

    /** The seqs released since the last call, in order; their opened records are durable by now. */
    List<Released> released() {
        List<Released> out = new ArrayList<>(released);
        released.clear();
        return out;
    }

    /** Whether an ordered seq waits for an earlier encrypted one to open. */
    boolean holding() {
        return !held.isEmpty() || !waiting.isEmpty();
    }

    /** Ordered seqs not released yet. */
    int heldCount() {
        return held.size() + waiting.size();
    }

    private long roundOf(long seq) {
        long round = recovery.index.roundOf(seq);
        return round < 0 ? recovery.round : round;
    }

    private void take(AbcDelivery d) throws IOException {
        if (layer == null) {
            released.add(new Released(d, d.request().toArray()));
            return;
        }
        waiting.add(d);
        pump();
    }

    private void pump() throws IOException {
        while (!waiting.isEmpty() && layer.acceptsInput()) {
            AbcDelivery d = waiting.poll();
            held.put(d.seq(), d);
            byte[] request = d.request().toArray();
            byte[] ciphertext = OpenedRecords.isEncrypted(request) ? OpenedRecords.unwrap(request) : new byte[0];
            process(layer.handleInput(new ScabcInput.Ordered(d.seq(), ciphertext)));
        }
    }

    /** Applies a layer step: faults counted, records appended, frames queued, own copies handled at once. */
    private void process(Step<ScabcMessage, ScabcDelivery> first) throws IOException {
        ArrayDeque<Step<ScabcMessage, ScabcDelivery>> steps = new ArrayDeque<>();
        steps.add(first);
        for (Step<ScabcMessage, ScabcDelivery> step = steps.poll(); step != null; step = steps.poll()) {
            for (Fault f : step.faults()) {
                counters.fault(f.peer(), f.kind(), f.toString());
            }
            for (DurableRecord r : step.durable()) {
                journal.append(r);
                appended++;
            }
            for (Outgoing<ScabcMessage> o : step.messages()) {
                byte[] frame = WireCodec.encode(tag, o.message());
                if (o.message() instanceof ScabcMessage.DecShare s && s.share().index() == self) {
                    recent.kept(s.seq(), frame);
                }
                for (int p = 1; p <= n; p++) {
                    if (p != self && o.target().includes(p)) {
                        frames.add(new Frame(p, frame));
                    }
                }
                if (o.target().includes(self)) {
                    steps.add(layer.handleMessage(self, o.message()));
                }
            }
            for (ScabcDelivery out : step.outputs()) {
                output(out);
            }
        }
    }

    private void output(ScabcDelivery out) throws IOException {
        AbcDelivery d = held.remove(out.seq());
        byte[] request = d.request().toArray();
        if (!OpenedRecords.isEncrypted(request)) {
            released.add(new Released(d, request));
            return;
        }
        DurableRecord opened;
        if (out instanceof ScabcDelivery.Delivered del) {
            opened = OpenedRecords.decrypted(tag, d.seq(), del.plaintext().toArray());
        } else {
            String reason = ((ScabcDelivery.Skipped) out).reason();
            LOG.log(Level.INFO, "server {0}: encrypted request at seq {1} is skipped (shown empty): {2}",
                    new Object[] {self, d.seq(), reason});
            opened = OpenedRecords.skipped(tag, d.seq(), reason);
        }
        journal.append(opened);
        appended++;
        released.add(new Released(d, OpenedRecords.shown(opened)));
    }

    private int drainAppended() {
        int a = appended;
        appended = 0;
        return a;
    }
}
