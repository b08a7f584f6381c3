package org.sintraee.protocol.cbc;

import org.sintraee.protocol.core.Bytes;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.sintraee.protocol.cbc.CbcMessage.CAnswer;
import org.sintraee.protocol.cbc.CbcMessage.CEcho;
import org.sintraee.protocol.cbc.CbcMessage.CFinal;
import org.sintraee.protocol.cbc.CbcMessage.CRequest;
import org.sintraee.protocol.cbc.CbcMessage.CSend;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.Fault;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.Protocol;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.core.Target;
import org.sintraee.protocol.crypto.QuorumCertificate;
import org.sintraee.protocol.crypto.Verdict;
import org.sintraee.protocol.quorum.Quorums;

/**
 * One instance of verifiable consistent broadcast (echo broadcast, [CKPS01] §2) with a
 * designated sender; see the package documentation for the protocol and its properties.
 *
 * <p>Local misuse throws: {@link CbcInput.Broadcast} at a server that is not the sender,
 * twice, or with a payload over {@code maxPayloadBytes}; {@link CbcInput.Adopt} with a proof
 * that does not verify (the caller must check a peer's proof and blame the peer itself).
 * Everything a peer sends is handled without exceptions: misbehaviour becomes a {@link Fault}.
 */
public final class ConsistentBroadcast implements Protocol<CbcInput, CbcMessage, Delivered> {
    private final ServerContext ctx;
    private final Quorums quorums;
    private final Tag tag;
    private final int sender;
    private final int maxPayloadBytes;
    private final PayloadValidity validity;
    private final Retrieval retrieval;

    // At the sender: its payload and the valid echoes for it, one per server.
    private byte[] proposal;
    private byte[] proposalDigest;
    private final SortedMap<Integer, byte[]> echoes = new TreeMap<>();
    private boolean finalSent;

    // At every server.
    private byte[] sendDigest;      // digest of the first C-SEND: the slot, and what this server echoes at most
    private byte[] payload;         // the one payload held (what it echoed, or the certified one)
    private byte[] payloadDigest;
    private CbcProof proof;         // the first valid proof learned
    private Delivered delivered;

    public ConsistentBroadcast(ServerContext ctx, Tag tag, int sender, int maxPayloadBytes, PayloadValidity validity) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.quorums = ctx.quorums();
        this.tag = Objects.requireNonNull(tag, "tag");
        this.validity = Objects.requireNonNull(validity, "validity");
        if (!quorums.isServer(sender)) {
            throw new IllegalArgumentException("sender " + sender + " is not a server of " + quorums);
        }
        if (maxPayloadBytes < 0) {
            throw new IllegalArgumentException("negative payload bound");
        }
        this.sender = sender;
        this.maxPayloadBytes = maxPayloadBytes;
        this.retrieval = new Retrieval(quorums, ctx.self());
    }

    /** Plain consistent broadcast: every payload is acceptable. */
    public ConsistentBroadcast(ServerContext ctx, Tag tag, int sender, int maxPayloadBytes) {
        this(ctx, tag, sender, maxPayloadBytes, PayloadValidity.acceptAll());
    }

    @Override
    public Tag tag() {
        return tag;
    }

    public int sender() {
        return sender;
    }

    /** The first valid proof this server learned (from a final or an adoption), if any. */
    public Optional<CbcProof> proof() {
        return Optional.ofNullable(proof);
    }

    /** What this instance delivered, if it did. */
    public Optional<Delivered> delivered() {
        return Optional.ofNullable(delivered);
    }

    @Override
    public boolean terminated() {
        return delivered != null;
    }

    @Override
    public Step<CbcMessage, Delivered> handleInput(CbcInput input) {
        Objects.requireNonNull(input, "input");
        if (input instanceof CbcInput.Broadcast b) {
            return broadcast(b.payload().toArray());
        }
        return adopt(((CbcInput.Adopt) input).proof());
    }

    /** The sender's C-SEND(m) to all. */
    public Step<CbcMessage, Delivered> broadcast(byte[] m) {
        if (ctx.self() != sender) {
            throw new IllegalStateException("server " + ctx.self() + " is not the sender of " + tag);
        }
        if (proposal != null) {
            throw new IllegalStateException("the sender of " + tag + " broadcasts once");
        }
        if (m.length > maxPayloadBytes) {
            throw new IllegalArgumentException("payload of " + m.length + " bytes exceeds " + maxPayloadBytes);
        }
        proposal = m.clone();
        proposalDigest = CbcProof.digestOf(proposal);
        if (proof == null) {
            hold(proposal, proposalDigest);
        }
        return Step.<CbcMessage, Delivered>builder()
                .durable(new DurableRecord(tag, "c-send", proposalDigest))
                .broadcast(new CSend(Bytes.of(proposal)))
                .build();
    }

    /** Delivers the payload a valid proof from elsewhere certifies, fetching it if needed. */
    public Step<CbcMessage, Delivered> adopt(CbcProof p) {
        Verdict v = CbcProof.verifyDigest(quorums, ctx.verifier(), tag, p);
        if (!v.isValid()) {
            throw new IllegalArgumentException("adopted proof does not verify: " + v.reason());
        }
        Step.Builder<CbcMessage, Delivered> b = Step.builder();
        learn(0, p, b);
        return b.build();
    }

    @Override
    public Step<CbcMessage, Delivered> handleMessage(int from, CbcMessage message) {
        Step.Builder<CbcMessage, Delivered> b = Step.builder();
        if (!quorums.isServer(from)) {
            return fault(b, from, FaultKind.MALFORMED, "sender out of range");
        }
        if (message instanceof CSend s) {
            onSend(from, s, b);
        } else if (message instanceof CEcho e) {
            onEcho(from, e, b);
        } else if (message instanceof CFinal f) {
            onFinal(from, f, b);
        } else if (message instanceof CRequest r) {
            onRequest(from, r, b);
        } else if (message instanceof CAnswer a) {
            onAnswer(from, a, b);
        } else {
            fault(b, from, FaultKind.MALFORMED, "no message");
        }
        return b.build();
    }

    private void onSend(int from, CSend s, Step.Builder<CbcMessage, Delivered> b) {
        if (from != sender) {
            fault(b, from, FaultKind.UNEXPECTED, "C-SEND from a server that is not the sender " + sender);
            return;
        }
        byte[] m = s.payload().toArray();
        if (m.length > maxPayloadBytes) {
            fault(b, from, FaultKind.MALFORMED, "C-SEND payload of " + m.length + " bytes exceeds " + maxPayloadBytes);
            return;
        }
        byte[] d = CbcProof.digestOf(m);
        if (sendDigest != null) {
            if (!Arrays.equals(sendDigest, d)) {
                fault(b, from, FaultKind.EQUIVOCATION, "a second, different C-SEND");
            }
            return;
        }
        sendDigest = d;
        Verdict v = validity.check(m);
        if (!v.isValid()) {
            fault(b, from, FaultKind.UNJUSTIFIED, "payload fails the validity predicate: " + v.reason());
            return;
        }
        // Durable before the echo leaves: a restarted server must never echo another digest.
        b.durable(new DurableRecord(tag, "c-echo", d));
        b.send(Target.to(sender), new CEcho(Bytes.of(ctx.signer().sign(CbcProof.readyStatement(tag, d)))));
        if (proof == null || Arrays.equals(proof.digest(), d)) {
            hold(m, d);
            serveWaiting(b);
            deliverIfReady(b);
        }
    }

    private void onEcho(int from, CEcho e, Step.Builder<CbcMessage, Delivered> b) {
        if (ctx.self() != sender) {
            fault(b, from, FaultKind.UNEXPECTED, "C-ECHO to a server that is not the sender");
            return;
        }
        if (proposal == null) {
            fault(b, from, FaultKind.UNEXPECTED, "C-ECHO before the sender broadcast");
            return;
        }
        byte[] sig = e.signature().toArray();
        if (sig.length > QuorumCertificate.MAX_SIGNATURE_BYTES) {
            fault(b, from, FaultKind.MALFORMED, "C-ECHO signature of " + sig.length + " bytes");
            return;
        }
        byte[] known = echoes.get(from);
        if (known != null) {
            if (!Arrays.equals(known, sig)) {
                fault(b, from, FaultKind.EQUIVOCATION, "a second, different C-ECHO");
            }
            return;
        }
        if (finalSent) {
            return; // a late echo: the certificate is already out
        }
        if (!ctx.verifier().verify(from, CbcProof.readyStatement(tag, proposalDigest), sig)) {
            fault(b, from, FaultKind.INVALID_PROOF, "C-ECHO signature does not verify on the sender's payload");
            return;
        }
        echoes.put(from, sig);
        if (quorums.isEchoQuorum(echoes.keySet())) {
            finalSent = true;
            b.broadcast(new CFinal(Bytes.of(proposalDigest), new QuorumCertificate(echoes)));
        }
    }

    private void onFinal(int from, CFinal f, Step.Builder<CbcMessage, Delivered> b) {
        byte[] d = f.digest().toArray();
        if (d.length != CbcProof.DIGEST_BYTES) {
            fault(b, from, FaultKind.MALFORMED, "C-FINAL digest of " + d.length + " bytes");
            return;
        }
        if (proof != null && Arrays.equals(proof.digest(), d)) {
            // Already verified a proof for this digest: at most, one more server to ask.
            if (delivered == null) {
                request(from, b);
            }
            return;
        }
        CbcProof p = new CbcProof(d, f.sigma());
        Verdict v = CbcProof.verifyDigest(quorums, ctx.verifier(), tag, p);
        if (!v.isValid()) {
            fault(b, from, FaultKind.INVALID_PROOF, "C-FINAL: " + v.reason());
            return;
        }
        learn(from, p, b);
    }

    /** A valid proof from {@code from} (0: adopted); {@code p} is verified. */
    private void learn(int from, CbcProof p, Step.Builder<CbcMessage, Delivered> b) {
        if (proof == null) {
            proof = p;
            if (payload != null && !Arrays.equals(payloadDigest, p.digest())) {
                payload = null; // echoed, but another digest is certified: it can never be delivered
                payloadDigest = null;
            }
            if (payload != null) {
                deliverIfReady(b);
            } else {
                request(from, b);
            }
        } else if (Arrays.equals(proof.digest(), p.digest())) {
            if (delivered == null) {
                request(from, b);
            }
        } else {
            // Two certified digests: possible only with more than t corrupted servers; those that
            // signed both are proven equivocators. Keep the first.
            for (int s : p.sigma().signers()) {
                if (proof.sigma().signers().contains(s)) {
                    fault(b, s, FaultKind.EQUIVOCATION, "signed c-ready for two digests");
                }
            }
        }
    }

    private void request(int from, Step.Builder<CbcMessage, Delivered> b) {
        for (int server : retrieval.toAsk(from, proof.sigma())) {
            b.send(Target.to(server), new CRequest(Bytes.of(proof.digest())));
        }
    }

    private void onRequest(int from, CRequest r, Step.Builder<CbcMessage, Delivered> b) {
        byte[] d = r.digest().toArray();
        if (d.length != CbcProof.DIGEST_BYTES) {
            fault(b, from, FaultKind.MALFORMED, "C-REQUEST digest of " + d.length + " bytes");
            return;
        }
        if (retrieval.alreadyServed(from)) {
            return; // answered once already; the links are reliable
        }
        if (payload != null && Arrays.equals(payloadDigest, d)) {
            retrieval.serve(from);
            b.send(Target.to(from), new CAnswer(Bytes.of(payload)));
        } else {
            retrieval.await(from, d);
        }
    }

    private void onAnswer(int from, CAnswer a, Step.Builder<CbcMessage, Delivered> b) {
        if (!retrieval.takeAnswer(from)) {
            if (!retrieval.wasAsked(from)) {
                fault(b, from, FaultKind.UNEXPECTED, "C-ANSWER without a C-REQUEST");
            } else {
                fault(b, from, FaultKind.UNEXPECTED, "a second C-ANSWER");
            }
            return;
        }
        byte[] m = a.payload().toArray();
        if (m.length > maxPayloadBytes) {
            fault(b, from, FaultKind.MALFORMED, "C-ANSWER payload of " + m.length + " bytes exceeds " + maxPayloadBytes);
            return;
        }
        byte[] d = CbcProof.digestOf(m);
        if (!Arrays.equals(d, proof.digest())) {
            fault(b, from, FaultKind.INVALID_PROOF, "C-ANSWER does not hash to the requested digest");
            return;
        }
        if (delivered != null || payload != null) {
            return; // another answer (or the C-SEND) came first
        }
        hold(m, d);
        serveWaiting(b);
        deliverIfReady(b);
    }

    private void hold(byte[] m, byte[] d) {
        payload = m;
        payloadDigest = d;
    }

    private void serveWaiting(Step.Builder<CbcMessage, Delivered> b) {
        for (int requester : retrieval.releaseWaiting(payloadDigest)) {
            b.send(Target.to(requester), new CAnswer(Bytes.of(payload)));
        }
    }

    private void deliverIfReady(Step.Builder<CbcMessage, Delivered> b) {
        if (delivered == null && proof != null && payload != null && Arrays.equals(payloadDigest, proof.digest())) {
            delivered = Delivered.sharing(payload, proof); // payload is never changed: one copy, not two
            b.output(delivered);
        }
    }

    private Step<CbcMessage, Delivered> fault(Step.Builder<CbcMessage, Delivered> b, int peer, FaultKind kind, String detail) {
        b.fault(new Fault(peer, tag, kind, detail));
        return b.build();
    }
}
