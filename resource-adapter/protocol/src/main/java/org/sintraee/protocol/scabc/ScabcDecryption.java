package org.sintraee.protocol.scabc;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.Fault;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.Protocol;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.Ciphertext;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.DecryptionKey;
import org.sintraee.protocol.crypto.Hashes;
import org.sintraee.protocol.crypto.Share;
import org.sintraee.protocol.crypto.ThresholdDecryption;
import org.sintraee.protocol.crypto.Verdict;

/**
 * The decryption layer of secure causal atomic broadcast ([CKPS01] §6): takes the
 * a-delivered ciphertexts in order, releases this server's decryption share for each valid
 * one only once its position is fixed, combines {@code honestOne()} valid shares, and
 * outputs plaintexts (or deterministic skips) strictly in a-delivery order. See
 * {@code package-info} for the properties.
 *
 * <p>Local misuse (exceptions): an {@link ScabcInput.Ordered} whose seq is not the next one
 * ({@link IllegalArgumentException}), or one given while {@link #acceptsInput()} is false
 * ({@link IllegalStateException}: the caller holds the stream back until outputs drain).
 * Everything a peer sends is a {@link Fault} or ignored, never an exception.
 *
 * <p>A long-lived stream: {@link #terminated()} is always false.
 */
public final class ScabcDecryption implements Protocol<ScabcInput, ScabcMessage, ScabcDelivery> {

    /** Shares of positions up to {@code FUTURE_FACTOR * maxPending} beyond the next output are buffered. */
    static final int FUTURE_FACTOR = 2;
    /** Larger than any scheme's share (TDH2: 97 bytes); bounds what a peer can make us store. */
    static final int MAX_SHARE_BYTES = 1024;
    private static final String REPLAY_DOMAIN = "sintra-ee/scabc/replay-key";

    private final ServerContext ctx;
    private final Tag tag;
    private final ThresholdDecryption scheme;
    private final DecryptionKey key;
    private final int maxPending;
    private final byte[] labelPrefix;

    private long nextOrdered;
    private long nextDeliver;
    private final TreeMap<Long, Slot> slots = new TreeMap<>();
    /** Hash of each decrypted position's replay key → that position; looked up, never iterated. */
    private final Map<Bytes, Long> firstSeqOfKey = new HashMap<>();
    /** Shares for positions not ordered here yet: at most one per (seq, sender), seqs inside the window. */
    private final TreeMap<Long, TreeMap<Integer, Share>> future = new TreeMap<>();

    /**
     * @param maxPending how many a-delivered positions may be undelivered at once (back-pressure)
     * @throws IllegalArgumentException if the scheme, key and context do not fit together
     */
    public ScabcDecryption(ServerContext ctx, Tag tag, ThresholdDecryption scheme, DecryptionKey key, int maxPending) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.tag = Objects.requireNonNull(tag, "tag");
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.key = Objects.requireNonNull(key, "key");
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be positive, got " + maxPending);
        }
        if (scheme.servers() != ctx.n() || scheme.threshold() != ctx.quorums().honestOne()) {
            throw new IllegalArgumentException("decryption scheme " + scheme + " does not fit " + ctx.quorums()
                    + ": SC-ABC needs n key holders and threshold t + 1");
        }
        if (key.index() != ctx.self()) {
            throw new IllegalArgumentException("server " + ctx.self() + " given decryption key " + key.index());
        }
        this.maxPending = maxPending;
        this.labelPrefix = ScabcClient.labelPrefix(tag);
    }

    /**
     * A layer resuming after a restart: positions {@code 0 .. nextSeq - 1} were output before
     * (the runtime journaled their outcomes), so this layer expects {@code Ordered(nextSeq)} next
     * and neither shares nor outputs anything below it. {@code decrypted} holds, by position, the
     * encoded ciphertexts of the earlier positions that were output as
     * {@link ScabcDelivery.Delivered}: their replay keys are re-derived, so a later copy is still
     * skipped exactly as on servers that never restarted.
     *
     * @throws IllegalArgumentException as the constructor, or if nextSeq is negative, a position in
     *         {@code decrypted} is not below nextSeq, or a ciphertext there does not decode
     *         (the journal is not this layer's)
     */
    public static ScabcDecryption resume(ServerContext ctx, Tag tag, ThresholdDecryption scheme, DecryptionKey key,
                                         int maxPending, long nextSeq, SortedMap<Long, Bytes> decrypted) {
        ScabcDecryption l = new ScabcDecryption(ctx, tag, scheme, key, maxPending);
        if (nextSeq < 0) {
            throw new IllegalArgumentException("nextSeq " + nextSeq);
        }
        for (Map.Entry<Long, Bytes> e : decrypted.entrySet()) {
            // Decoding suffices (no proof check): these passed it before, and a restart should not redo the crypto.
            Decoded<Ciphertext> c = Ciphertext.decode(e.getValue().toArray());
            if (e.getKey() < 0 || e.getKey() >= nextSeq || !c.ok()) {
                throw new IllegalArgumentException("position " + e.getKey() + " is not a decrypted position below "
                        + nextSeq);
            }
            l.firstSeqOfKey.putIfAbsent(replayHash(scheme, c.get()), e.getKey());
        }
        l.nextOrdered = nextSeq;
        l.nextDeliver = nextSeq;
        return l;
    }

    private static Bytes replayHash(ThresholdDecryption scheme, Ciphertext c) {
        return Bytes.of(Hashes.sha256(REPLAY_DOMAIN, scheme.replayKey(c)));
    }

    /**
     * The public admission check (PROTOCOLS.md step 1), the same the layer repeats on
     * a-delivery (step 2): the bytes decode, the label is a canonical
     * {@code (tag, client id, request id)} starting with {@code expectedLabelPrefix} (any
     * instance if null), and the ciphertext's validity proof verifies. Never throws.
     */
    public static Verdict admit(ThresholdDecryption scheme, byte[] encodedCiphertext, byte[] expectedLabelPrefix) {
        Decoded<Ciphertext> c = Ciphertext.decode(encodedCiphertext);
        if (!c.ok()) {
            return Verdict.invalid("undecodable: " + c.error());
        }
        return ScabcClient.checkLabel(c.get().label(), expectedLabelPrefix)
                .and(() -> scheme.verifyCiphertext(c.get()));
    }

    @Override
    public Tag tag() {
        return tag;
    }

    /** False while {@code maxPending} ordered positions wait for output: hold the stream back. */
    public boolean acceptsInput() {
        return nextOrdered - nextDeliver < maxPending;
    }

    /** The seq the next {@link ScabcInput.Ordered} must carry. */
    public long nextSeq() {
        return nextOrdered;
    }

    /** How many positions were output (delivered or skipped). */
    public long outputCount() {
        return nextDeliver;
    }

    @Override
    public Step<ScabcMessage, ScabcDelivery> handleInput(ScabcInput input) {
        ScabcInput.Ordered ordered = (ScabcInput.Ordered) Objects.requireNonNull(input, "input");
        if (ordered.seq() != nextOrdered) {
            throw new IllegalArgumentException("expected ordered seq " + nextOrdered + ", got " + ordered.seq());
        }
        if (!acceptsInput()) {
            throw new IllegalStateException(maxPending + " ordered positions are pending; wait for outputs");
        }
        long seq = nextOrdered++;
        Step.Builder<ScabcMessage, ScabcDelivery> b = Step.builder();
        Slot slot = arrive(seq, ordered.encodedCiphertext().toArray(), b);
        slots.put(seq, slot);
        TreeMap<Integer, Share> early = future.remove(seq);
        if (early != null) {
            early.forEach((sender, share) -> onShare(slot, sender, share, b));
        }
        deliverReady(b);
        return b.build();
    }

    /** Step 2: check again, skip deterministically, or release this server's share. */
    private Slot arrive(long seq, byte[] encoded, Step.Builder<ScabcMessage, ScabcDelivery> b) {
        Verdict v = admit(scheme, encoded, labelPrefix);
        if (!v.isValid()) {
            return Slot.skipped(seq, "invalid ciphertext: " + v.reason());
        }
        Ciphertext c = Ciphertext.decode(encoded).get();
        Bytes replay = replayHash(scheme, c);
        Long first = firstSeqOfKey.putIfAbsent(replay, seq);
        if (first != null) {
            return Slot.skipped(seq, "replays the key of the ciphertext ordered at " + first);
        }
        Share share = key.decryptionShare(c).orElseThrow(() -> new IllegalStateException(
                "decryption key refuses a ciphertext the scheme accepts: keys and scheme do not match"));
        b.durable(new DurableRecord(tag, "dec-share/" + seq, share.data()));
        b.broadcast(new ScabcMessage.DecShare(seq, share));
        return Slot.toDecrypt(seq, c);
    }

    @Override
    public Step<ScabcMessage, ScabcDelivery> handleMessage(int sender, ScabcMessage message) {
        if (!ctx.quorums().isServer(sender)) {
            return Step.fault(new Fault(sender, tag, FaultKind.MALFORMED, "sender is not a server"));
        }
        ScabcMessage.DecShare m = (ScabcMessage.DecShare) message;
        if (m == null || m.share().index() != sender || m.seq() < 0 || m.share().length() > MAX_SHARE_BYTES) {
            return Step.fault(new Fault(sender, tag, FaultKind.MALFORMED,
                    "decryption share must carry the sender's index, a seq >= 0 and at most " + MAX_SHARE_BYTES
                            + " bytes: " + m));
        }
        long seq = m.seq();
        if (seq < nextDeliver) {
            return Step.empty(); // output already; late shares are normal
        }
        Step.Builder<ScabcMessage, ScabcDelivery> b = Step.builder();
        if (seq < nextOrdered) {
            onShare(slots.get(seq), sender, m.share(), b);
            deliverReady(b);
        } else if (seq < nextDeliver + (long) FUTURE_FACTOR * maxPending) {
            Share prior = future.computeIfAbsent(seq, s -> new TreeMap<>()).putIfAbsent(sender, m.share());
            if (prior != null && !prior.equals(m.share())) {
                b.fault(new Fault(sender, tag, FaultKind.EQUIVOCATION, "second, different share for seq " + seq));
            }
        }
        // Beyond the window: dropped without blame (an honest peer may be far ahead); see package-info.
        return b.build();
    }

    /** One server's share for an ordered position: counted once, verified, combined when enough. */
    private void onShare(Slot slot, int sender, Share share, Step.Builder<ScabcMessage, ScabcDelivery> b) {
        Share prior = slot.seen.putIfAbsent(sender, share);
        if (prior != null) {
            if (!prior.equals(share)) {
                b.fault(new Fault(sender, tag, FaultKind.EQUIVOCATION, "second, different share for seq " + slot.seq));
            }
            return;
        }
        if (slot.skippedOnArrival()) {
            // Every honest server skips this position without releasing a share.
            b.fault(new Fault(sender, tag, FaultKind.UNEXPECTED, "share for seq " + slot.seq + ", which is skipped"));
            return;
        }
        if (slot.result != null) {
            return; // decided: no need to verify more shares
        }
        Verdict v = scheme.verifyShare(slot.ciphertext, share);
        if (!v.isValid()) {
            b.fault(new Fault(sender, tag, FaultKind.INVALID_PROOF, "seq " + slot.seq + ": " + v.reason()));
            return;
        }
        slot.valid.put(sender, share);
        if (ctx.quorums().containsHonest(slot.valid.keySet())) {
            Decoded<byte[]> plain = scheme.combine(slot.ciphertext, slot.valid.values());
            slot.result = plain.ok() ? new ScabcDelivery.Delivered(slot.seq, plain.get())
                    : new ScabcDelivery.Skipped(slot.seq, "payload does not decrypt: " + plain.error());
        }
    }

    /** Outputs decided positions strictly in order: a later one never overtakes. */
    private void deliverReady(Step.Builder<ScabcMessage, ScabcDelivery> b) {
        while (!slots.isEmpty() && slots.firstKey() == nextDeliver && slots.firstEntry().getValue().result != null) {
            b.output(slots.pollFirstEntry().getValue().result);
            nextDeliver++;
        }
    }

    @Override
    public boolean terminated() {
        return false;
    }

    @Override
    public String toString() {
        return "ScabcDecryption[" + tag + ", server " + ctx.self() + ", ordered " + nextOrdered + ", output "
                + nextDeliver + "]";
    }

    /** For tests: the number of shares buffered for unordered positions. */
    int bufferedShares() {
        return future.values().stream().mapToInt(Map::size).sum();
    }

    Optional<Slot> slot(long seq) {
        return Optional.ofNullable(slots.get(seq));
    }
}
