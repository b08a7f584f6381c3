package org.sintraee.protocol.rbc;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.Fault;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.Protocol;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.core.Target;
import org.sintraee.protocol.crypto.Hashes;
import org.sintraee.protocol.quorum.Quorums;
import org.sintraee.protocol.rbc.RbcMessage.Answer;
import org.sintraee.protocol.rbc.RbcMessage.Echo;
import org.sintraee.protocol.rbc.RbcMessage.Ready;
import org.sintraee.protocol.rbc.RbcMessage.Request;
import org.sintraee.protocol.rbc.RbcMessage.Send;

/**
 * One instance of Bracha's reliable broadcast with digests ([Bra87] as optimised in
 * [CP02]; see {@code package-info}). Input (designated sender only): the payload.
 * Output: the delivered payload, once.
 *
 * <p>Local misuse throws: {@link IllegalStateException} for an input at a server that is
 * not the sender or a second input, {@link IllegalArgumentException} for a payload over
 * the size bound. Everything a peer does wrong is a {@link Fault} in the step.
 */
public final class ReliableBroadcast implements Protocol<Payload, RbcMessage, Payload> {
    /** The digest domain; the tag is hashed in too, so a digest is valid in one instance only. */
    static final String DIGEST_DOMAIN = "sintra-ee/rbc/payload";
    private static final int DIGEST_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();

    private final ServerContext ctx;
    private final Quorums quorums;
    private final Tag tag;
    private final int sender;
    private final int maxPayloadBytes;

    private boolean inputGiven;
    /** The digest of the sender's first valid SEND, or null. */
    private String sendDigest;
    /** Payloads held, by hex digest: the sender's, and at most one fetched with REQUEST. */
    private final Map<String, byte[]> payloads = new TreeMap<>();
    /** One ECHO and one READY per server (hex digests): the first counts, a different second is equivocation. */
    private final Map<Integer, String> echoes = new TreeMap<>();
    private final Map<Integer, String> readies = new TreeMap<>();
    private boolean readySent;
    /** The digest with a ready quorum whose payload this server lacks, or null. */
    private String wanted;
    private final Set<Integer> requestedFrom = new TreeSet<>();
    private final Set<Integer> answersFrom = new TreeSet<>();
    private final Set<Integer> answeredTo = new TreeSet<>();
    private Payload delivered;

    public ReliableBroadcast(ServerContext ctx, Tag tag, int sender, int maxPayloadBytes) {
        this.ctx = ctx;
        this.quorums = ctx.quorums();
        this.tag = tag;
        this.sender = sender;
        this.maxPayloadBytes = maxPayloadBytes;
        if (!quorums.isServer(sender)) {
            throw new IllegalArgumentException("sender " + sender + " is not a server");
        }
        if (maxPayloadBytes < 0) {
            throw new IllegalArgumentException("negative payload bound");
        }
    }

    /** H(tag, m): the digest ECHO and READY name. */
    public static byte[] digest(Tag tag, byte[] payload) {
        return Hashes.sha256(DIGEST_DOMAIN, tag.encoded(), payload);
    }

    @Override
    public Tag tag() {
        return tag;
    }

    @Override
    public boolean terminated() {
        return delivered != null;
    }

    @Override
    public Step<RbcMessage, Payload> handleInput(Payload input) {
        if (ctx.self() != sender) {
            throw new IllegalStateException("server " + ctx.self() + " is not the sender of " + tag);
        }
        if (inputGiven) {
            throw new IllegalStateException("the payload of " + tag + " was already given");
        }
        if (input.size() > maxPayloadBytes) {
            throw new IllegalArgumentException("payload of " + input.size() + " bytes, bound " + maxPayloadBytes);
        }
        inputGiven = true;
        byte[] m = input.bytes();
        return Step.<RbcMessage, Payload>builder()
                .durable(new DurableRecord(tag, "send", digest(tag, m)))
                .broadcast(new Send(Bytes.of(m)))
                .build();
    }

    @Override
    public Step<RbcMessage, Payload> handleMessage(int from, RbcMessage message) {
        if (!quorums.isServer(from)) {
            return faultStep(from, FaultKind.MALFORMED, "sender outside 1.." + quorums.n());
        }
        Step.Builder<RbcMessage, Payload> step = Step.builder();
        if (message instanceof Request r) {
            onRequest(from, r.digest().toArray(), step); // answered even after delivery
        } else if (message instanceof Answer a) {
            onAnswer(from, a.payload().toArray(), step);
        } else if (delivered != null) {
            return Step.empty();                          // late SEND, ECHO, READY: nothing left to do
        } else if (message instanceof Send s) {
            onSend(from, s.payload().toArray(), step);
        } else if (message instanceof Echo e) {
            onEcho(from, e.digest().toArray(), step);
        } else if (message instanceof Ready r) {
            onReady(from, r.digest().toArray(), step);
        }
        return step.build();
    }

    private void onSend(int from, byte[] m, Step.Builder<RbcMessage, Payload> step) {
        if (from != sender) {
            step.fault(fault(from, FaultKind.UNEXPECTED, "SEND from a server that is not the sender"));
            return;
        }
        if (m.length > maxPayloadBytes) {
            step.fault(fault(from, FaultKind.MALFORMED, "payload of " + m.length + " bytes, bound " + maxPayloadBytes));
            return;
        }
        byte[] h = digest(tag, m);
        String d = HEX.formatHex(h);
        if (sendDigest != null) {
            if (!sendDigest.equals(d)) {
                step.fault(fault(from, FaultKind.EQUIVOCATION, "second SEND with a different payload"));
            }
            return;
        }
        sendDigest = d;
        payloads.put(d, m);
        step.durable(new DurableRecord(tag, "echo", h)).broadcast(new Echo(Bytes.of(h)));
        tryDeliver(d, step);
    }

    private void onEcho(int from, byte[] h, Step.Builder<RbcMessage, Payload> step) {
        String d = vote(echoes, from, h, "ECHO", step);
        if (d == null) {
            return;
        }
        if (d.equals(wanted) && requestedFrom.add(from)) {
            step.send(Target.to(from), new Request(Bytes.of(h))); // a late echoer of the wanted digest holds it
        }
        maybeReady(d, step);
    }

    private void onReady(int from, byte[] h, Step.Builder<RbcMessage, Payload> step) {
        String d = vote(readies, from, h, "READY", step);
        if (d != null) {
            maybeReady(d, step);
            tryDeliver(d, step);
        }
    }

    /** Records the first vote of {@code from}; returns its hex digest, or null if it counts for nothing new. */
    private String vote(Map<Integer, String> votes, int from, byte[] h, String what, Step.Builder<RbcMessage, Payload> step) {
        if (h.length != DIGEST_BYTES) {
            step.fault(fault(from, FaultKind.MALFORMED, what + " digest of " + h.length + " bytes"));
            return null;
        }
        String d = HEX.formatHex(h);
        String first = votes.get(from);
        if (first != null) {
            if (!first.equals(d)) {
                step.fault(fault(from, FaultKind.EQUIVOCATION, "second " + what + " for a different digest"));
            }
            return null;
        }
        votes.put(from, d);
        return d;
    }

    /** READY once: on echoQuorum echoes (digest fixed) or honestOne readies (an honest server saw that). */
    private void maybeReady(String d, Step.Builder<RbcMessage, Payload> step) {
        if (readySent || !(quorums.isEchoQuorum(votersFor(echoes, d)) || quorums.containsHonest(votersFor(readies, d)))) {
            return;
        }
        readySent = true;
        byte[] h = HEX.parseHex(d);
        step.durable(new DurableRecord(tag, "ready", h)).broadcast(new Ready(Bytes.of(h)));
    }

    /** Delivers on readyToDeliver readies for d with the payload held; without it, asks d's echoers. */
    private void tryDeliver(String d, Step.Builder<RbcMessage, Payload> step) {
        if (delivered != null || !quorums.isReadyToDeliver(votersFor(readies, d))) {
            return;
        }
        byte[] m = payloads.get(d);
        if (m != null) {
            delivered = Payload.of(m);
            payloads.keySet().retainAll(Set.of(d));     // keep only what is still asked for
            echoes.clear();
            readies.clear();
            step.output(delivered);
        } else if (wanted == null) {
            wanted = d;
            byte[] h = HEX.parseHex(d);
            for (int echoer : votersFor(echoes, d)) {
                requestedFrom.add(echoer);
                step.send(Target.to(echoer), new Request(Bytes.of(h)));
            }
        }
    }

    private void onRequest(int from, byte[] h, Step.Builder<RbcMessage, Payload> step) {
        if (h.length != DIGEST_BYTES) {
            step.fault(fault(from, FaultKind.MALFORMED, "REQUEST digest of " + h.length + " bytes"));
            return;
        }
        byte[] m = payloads.get(HEX.formatHex(h));
        // one answer per requester: an honest one asks once, and a faulty one gets no amplification
        if (m != null && answeredTo.add(from)) {
            step.send(Target.to(from), new Answer(Bytes.of(m)));
        }
    }

    private void onAnswer(int from, byte[] m, Step.Builder<RbcMessage, Payload> step) {
        if (!requestedFrom.contains(from)) {
            step.fault(fault(from, FaultKind.UNEXPECTED, "ANSWER without a REQUEST"));
            return;
        }
        if (!answersFrom.add(from)) {
            step.fault(fault(from, FaultKind.UNEXPECTED, "second ANSWER"));
            return;
        }
        if (delivered != null) {
            return;                                       // a late answer to a request that others satisfied
        }
        if (m.length > maxPayloadBytes) {
            step.fault(fault(from, FaultKind.MALFORMED, "payload of " + m.length + " bytes, bound " + maxPayloadBytes));
            return;
        }
        String d = HEX.formatHex(digest(tag, m));
        if (!d.equals(wanted)) {
            step.fault(fault(from, FaultKind.INVALID_PROOF, "ANSWER does not hash to the requested digest"));
            return;
        }
        payloads.put(d, m);
        tryDeliver(d, step);
    }

    private static List<Integer> votersFor(Map<Integer, String> votes, String d) {
        return votes.entrySet().stream().filter(e -> e.getValue().equals(d)).map(Map.Entry::getKey).toList();
    }

    private Fault fault(int peer, FaultKind kind, String detail) {
        return new Fault(peer, tag, kind, detail);
    }

    private Step<RbcMessage, Payload> faultStep(int peer, FaultKind kind, String detail) {
        return Step.fault(fault(peer, kind, detail));
    }

    @Override
    public String toString() {
        return "ReliableBroadcast[" + tag + " at " + ctx.self() + ", sender " + sender
                + (delivered != null ? ", delivered " + delivered : "") + "]";
    }
}
