package org.sintraee.runtime.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.sintraee.protocol.aba.AbaMessage;
import org.sintraee.protocol.aba.BinaryAgreement;
import org.sintraee.protocol.aba.Proposal;
import org.sintraee.protocol.aba.Justification;
import org.sintraee.protocol.abc.AbcInput;
import org.sintraee.protocol.abc.AbcMessage;
import org.sintraee.protocol.cbc.CbcMessage;
import org.sintraee.protocol.coin.CoinMessage;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.QuorumCertificate;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.Share;
import org.sintraee.protocol.crypto.mock.InsecureMockDecryption;
import org.sintraee.protocol.mvba.MvbaMessage;
import org.sintraee.protocol.rbc.Payload;
import org.sintraee.protocol.rbc.RbcMessage;
import org.sintraee.protocol.rbc.ReliableBroadcast;
import org.sintraee.protocol.scabc.ScabcClient;
import org.sintraee.protocol.scabc.ScabcMessage;
import org.sintraee.protocol.scabc.ScabcStackMessage;
import org.sintraee.protocol.scabc.SecureCausalAtomicBroadcast;
import org.sintraee.protocol.sim.Adversaries;
import org.sintraee.protocol.sim.InFlight;
import org.sintraee.protocol.sim.Scheduler;
import org.sintraee.protocol.sim.VirtualNet;

/** Real protocol messages captured from simulated runs (every message put in flight), and each message's kinds. */
final class WireCaptures {
    static final Class<?>[] SEALED = {RbcMessage.class, CbcMessage.class, CoinMessage.class, AbaMessage.class,
        Justification.class, MvbaMessage.class, AbcMessage.class, ScabcMessage.class, ScabcStackMessage.class,
        CatchUpMessage.class};

    private WireCaptures() {
    }

    /** Cranks the net to quiet, recording every message the moment it enters the pending list. */
    static <M> List<M> crankAll(VirtualNet<?, M, ?> net, int budget) {
        List<M> seen = new ArrayList<>();
        long[] last = {-1};
        Runnable grab = () -> {
            List<InFlight<M>> p = net.pending();
            int i = p.size();
            while (i > 0 && p.get(i - 1).seq() > last[0]) {
                i--; // new messages are appended at the end
            }
            for (int k = i; k < p.size(); k++) {
                seen.add(p.get(k).message());
                last[0] = p.get(k).seq();
            }
        };
        grab.run();
        for (int d = 0; d < budget && net.crank(); d++) {
            grab.run();
        }
        return seen;
    }

    static List<RbcMessage> rbcRun(long seed) {
        List<ServerContext> ctxs = org.sintraee.protocol.sim.Contexts.mock(4, 1);
        Tag tag = Tag.of("wire", "rbc").child(seed);
        VirtualNet<Payload, RbcMessage, Payload> net = VirtualNet.create(4, Set.of(4), seed,
                id -> new ReliableBroadcast(ctxs.get(id - 1), tag, 1, 1 << 16), Adversaries.silent(),
                Scheduler.partitioned(Set.of(1, 2), 10));
        net.input(1, new Payload(("payload " + seed).getBytes(StandardCharsets.UTF_8)));
        return crankAll(net, 100_000);
    }

    /** Standard binary agreement on split inputs: pre-process votes, and coin rounds until the values agree. */
    static List<AbaMessage> abaRun(long seed) {
        List<ServerContext> ctxs = org.sintraee.protocol.sim.Contexts.mock(4, 1);
        Tag tag = Tag.of("wire", "aba").child(seed);
        VirtualNet<Proposal, AbaMessage, ?> net = VirtualNet.create(4, Set.of(), seed,
                id -> BinaryAgreement.standard(ctxs.get(id - 1), tag), Adversaries.silent(), Scheduler.random());
        for (int id = 1; id <= 4; id++) {
            net.input(id, Proposal.of(id % 2 == 0));
        }
        return crankAll(net, 100_000);
    }

    /** The whole SC-ABC stack (ABC, MVBA, CBC, coin, ABA, decryption) with one crashed server. */
    static List<ScabcStackMessage> stackRun(long seed, int requests) {
        int n = 4;
        List<ServerContext> ctxs = org.sintraee.protocol.sim.Contexts.mock(n, 1);
        InsecureMockDecryption scheme = new InsecureMockDecryption(n, 2);
        Tag tag = Tag.of("wire", "stack").child(seed);
        VirtualNet<AbcInput, ScabcStackMessage, ?> net = VirtualNet.create(n, Set.of(seed % 2 == 0 ? 4 : 1), seed,
                id -> new SecureCausalAtomicBroadcast(ctxs.get(id - 1), tag, scheme, scheme.keys().get(id - 1),
                        2, 4096, 1000, 64), Adversaries.silent(),
                seed % 3 == 0 ? Scheduler.partitioned(Set.of(2, 3), 200) : Scheduler.random());
        Tag decTag = SecureCausalAtomicBroadcast.decryptionTag(tag);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<ScabcStackMessage> seen = new ArrayList<>();
        for (int k = 0; k < requests; k++) {
            byte[] m = ("request " + k).getBytes(StandardCharsets.UTF_8);
            Bytes c = Bytes.of(ScabcClient.encrypt(scheme, decTag, "client", k, m, new SeededRandom(seed * 100 + k)).encode());
            int to = 2 + rnd.nextInt(2);
            net.input(to, new AbcInput.Submit(c));
            seen.addAll(crankAll(net, rnd.nextInt(5, 60)));
        }
        seen.addAll(crankAll(net, 2_000_000));
        return seen;
    }

    /** The message and every message nested in it (wrapped children), outermost first. */
    static List<Object> layers(Object m) {
        List<Object> out = new ArrayList<>();
        Object cur = m;
        while (cur != null) {
            out.add(cur);
            cur = cur instanceof ScabcStackMessage.Order o ? o.message()
                    : cur instanceof ScabcStackMessage.Decrypt d ? d.message()
                    : cur instanceof AbcMessage.MvbaPart p ? p.message()
                    : cur instanceof MvbaMessage.CbcPart p ? p.message()
                    : cur instanceof MvbaMessage.CoinPart p ? p.message()
                    : cur instanceof MvbaMessage.AbaPart p ? p.message()
                    : cur instanceof AbaMessage.Coin c ? c.message() : null;
        }
        return out;
    }

    /** Every record kind in the message, including justifications (recursively). */
    static void kinds(Object m, Set<String> into) {
        for (Object layer : layers(m)) {
            into.add(layer.getClass().getName());
            if (layer instanceof AbaMessage.PreVote v) {
                justification(v.justification(), into);
            } else if (layer instanceof AbaMessage.MainVote v) {
                justification(v.justification(), into);
            }
        }
    }

    private static void justification(Justification j, Set<String> into) {
        into.add(j.getClass().getName());
        if (j instanceof Justification.Abstain a) {
            justification(a.forZero(), into);
            justification(a.forOne(), into);
        }
    }

    /** Every kind the codec must handle: the permitted records of each protocol's sealed message type. */
    static Set<String> allKinds() {
        Set<String> all = new java.util.TreeSet<>();
        for (Class<?> c : SEALED) {
            for (Class<?> k : c.getPermittedSubclasses()) {
                all.add(k.getName());
            }
        }
        return all;
    }

    static QuorumCertificate cert(int signers) {
        Map<Integer, byte[]> m = new TreeMap<>();
        for (int i = 1; i <= signers; i++) {
            m.put(i, new byte[] {(byte) i, 2, 3});
        }
        return new QuorumCertificate(m);
    }

    /** Hand-built messages for the kinds an honest simulated run rarely produces (retrieval, abstain, ...). */
    static List<Object> synthetic() {
        Bytes d = Bytes.of(new byte[32]);
        Justification pre = new Justification.PreVoted(cert(3));
        return List.of(new RbcMessage.Request(d), new RbcMessage.Answer(Bytes.of(new byte[] {1, 2})),
                new CbcMessage.CRequest(d), new CbcMessage.CAnswer(Bytes.EMPTY),
                new AbaMessage.MainVote(3, org.sintraee.protocol.aba.VoteValue.ABSTAIN,
                        new Justification.Abstain(new Justification.Hard(cert(3)), new Justification.Soft(cert(2))),
                        Bytes.EMPTY, d),
                new AbaMessage.PreVote(1, true, new Justification.Initial(), Bytes.of(new byte[] {9}), d),
                new AbaMessage.PreVote(2, false, new Justification.PreProcessed(cert(2)), Bytes.EMPTY, d),
                new AbaMessage.MainVote(2, org.sintraee.protocol.aba.VoteValue.ONE, pre, Bytes.EMPTY, d),
                new AbaMessage.Decide(4, true, cert(3), Bytes.of(new byte[] {7})),
                new MvbaMessage.VVote(1, 2, false, Optional.empty()),
                new ScabcMessage.DecShare(5, new Share(3, new byte[] {4, 5})),
                new CatchUpMessage.Fetch(0), new CatchUpMessage.Fetch(Long.MAX_VALUE),
                new CatchUpMessage.Proof(17, Bytes.of(new byte[] {1, 2, 3, 4, 5})), new CatchUpMessage.Proof(3, Bytes.EMPTY),
                new CatchUpMessage.Checkpointed(9, Bytes.of(new byte[] {6, 7, 8})),
                new AbcMessage.CompactSend(2, Bytes.of(new byte[] {0, 0, 0, 0})), new AbcMessage.BatchRequest(2, 3, d),
                new AbcMessage.BatchAnswer(2, 3, Bytes.of(new byte[] {0, 0, 0, 0})));
    }
}
