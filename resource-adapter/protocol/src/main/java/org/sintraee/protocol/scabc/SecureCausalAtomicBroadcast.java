package org.sintraee.protocol.scabc;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import org.sintraee.protocol.abc.AbcDelivery;
import org.sintraee.protocol.abc.AbcInput;
import org.sintraee.protocol.abc.AtomicBroadcast;
import org.sintraee.protocol.core.Fault;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.Protocol;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.DecryptionKey;
import org.sintraee.protocol.crypto.ThresholdDecryption;
import org.sintraee.protocol.crypto.Verdict;
import org.sintraee.protocol.scabc.ScabcStackMessage.Decrypt;
import org.sintraee.protocol.scabc.ScabcStackMessage.Order;

/**
 * Secure causal atomic broadcast, [CKPS01] §6: atomic broadcast ({@code tag/abc}) of client
 * ciphertexts, whose deliveries are fed in order as {@link ScabcInput.Ordered} into the
 * decryption layer ({@code tag/dec}); outputs that layer's {@link ScabcDelivery} stream.
 * Clients label their ciphertexts for {@link #decryptionTag()} ({@link ScabcClient}).
 *
 * <p>Back-pressure: a-delivered ciphertexts wait in a local queue while the decryption layer
 * does not accept input ({@link ScabcDecryption#acceptsInput()}). That queue grows by at most
 * one round's deliveries ({@code quorum() * batchSize}) per atomic-broadcast round that
 * completes ahead of decryption; stopping the atomic broadcast from starting rounds while it
 * is long is left to the runtime (a later issue).
 *
 * <p>Local misuse (exceptions): a ciphertext that {@link ScabcDecryption#admit} rejects
 * ({@link IllegalArgumentException}), and the atomic broadcast's own (oversized request,
 * full queue). A long-lived stream: {@link #terminated()} is always false.
 */
public final class SecureCausalAtomicBroadcast implements Protocol<AbcInput, ScabcStackMessage, ScabcDelivery> {
    private final Tag tag;
    private final ThresholdDecryption scheme;
    private final AtomicBroadcast abc;
    private final ScabcDecryption dec;
    private final ArrayDeque<ScabcInput.Ordered> ordered = new ArrayDeque<>();

    public SecureCausalAtomicBroadcast(ServerContext ctx, Tag tag, ThresholdDecryption scheme, DecryptionKey key,
                                       int batchSize, int maxRequestBytes, int maxQueue, int maxPending) {
        this.tag = Objects.requireNonNull(tag, "tag");
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.abc = new AtomicBroadcast(ctx, tag.child("abc"), batchSize, maxRequestBytes, maxQueue);
        this.dec = new ScabcDecryption(ctx, decryptionTag(tag), scheme, key, maxPending);
    }

    /** The tag clients label their ciphertexts with, for the instance {@code tag}. */
    public static Tag decryptionTag(Tag tag) {
        return tag.child("dec");
    }

    public Tag decryptionTag() {
        return decryptionTag(tag);
    }

    @Override
    public Tag tag() {
        return tag;
    }

    @Override
    public boolean terminated() {
        return false;
    }

    /** The ordering child, for inspection (round, deliveries). */
    public AtomicBroadcast ordering() {
        return abc;
    }

    /** How many a-delivered ciphertexts wait for the decryption layer to accept them. */
    public int held() {
        return ordered.size();
    }

    @Override
    public Step<ScabcStackMessage, ScabcDelivery> handleInput(AbcInput input) {
        AbcInput.Submit submit = (AbcInput.Submit) Objects.requireNonNull(input, "input");
        Verdict v = ScabcDecryption.admit(scheme, submit.request().toArray(), ScabcClient.labelPrefix(decryptionTag()));
        if (!v.isValid()) {
            throw new IllegalArgumentException("ciphertext not admitted: " + v.reason());
        }
        Step.Builder<ScabcStackMessage, ScabcDelivery> b = Step.builder();
        onOrdered(b.absorb(abc.handleInput(submit), Order::new), b);
        return b.build();
    }

    @Override
    public Step<ScabcStackMessage, ScabcDelivery> handleMessage(int sender, ScabcStackMessage message) {
        Step.Builder<ScabcStackMessage, ScabcDelivery> b = Step.builder();
        if (message instanceof Order o) {
            onOrdered(b.absorb(abc.handleMessage(sender, o.message()), Order::new), b);
        } else if (message instanceof Decrypt d) {
            b.absorb(dec.handleMessage(sender, d.message()), Decrypt::new).forEach(b::output);
            feed(b);
        } else {
            b.fault(new Fault(sender, tag, FaultKind.MALFORMED, "no message"));
        }
        return b.build();
    }

    private void onOrdered(List<AbcDelivery> deliveries, Step.Builder<ScabcStackMessage, ScabcDelivery> b) {
        for (AbcDelivery d : deliveries) {
            ordered.add(new ScabcInput.Ordered(d.seq(), d.request().toArray()));
        }
        feed(b);
    }

    /** Hands held ciphertexts to the decryption layer, in order, while it accepts them. */
    private void feed(Step.Builder<ScabcStackMessage, ScabcDelivery> b) {
        while (!ordered.isEmpty() && dec.acceptsInput()) {
            b.absorb(dec.handleInput(ordered.poll()), Decrypt::new).forEach(b::output);
        }
    }
}
