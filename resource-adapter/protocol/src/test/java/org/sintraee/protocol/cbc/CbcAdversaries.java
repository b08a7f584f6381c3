package org.sintraee.protocol.cbc;

import org.sintraee.protocol.core.Bytes;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sintraee.protocol.cbc.CbcMessage.CAnswer;
import org.sintraee.protocol.cbc.CbcMessage.CEcho;
import org.sintraee.protocol.cbc.CbcMessage.CFinal;
import org.sintraee.protocol.cbc.CbcMessage.CRequest;
import org.sintraee.protocol.cbc.CbcMessage.CSend;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.core.Target;
import org.sintraee.protocol.crypto.QuorumCertificate;
import org.sintraee.protocol.sim.Adversary;
import org.sintraee.protocol.sim.AdversaryContext;
import org.sintraee.protocol.sim.InFlight;

/** Byzantine strategies against consistent broadcast; they sign only with the faulty servers' keys. */
final class CbcAdversaries {
    private CbcAdversaries() {
    }

    /**
     * A faulty sender (with its faulty colluders signing everything, if {@code colluders}) that sends payload
     * {@code a} to the honest servers in {@code halfA} and {@code b} to the others (then the
     * other payload too, to every honest server with {@code both}), forms a
     * certificate for every digest that gathers an echo quorum, sends each C-FINAL to all
     * and answers requests truthfully, or with the other payload if it {@code lies}. Consistency says at most one certificate forms.
     */
    static final class EquivocatingSender implements Adversary<CbcMessage> {
        private final List<ServerContext> ctxs;
        private final Tag tag;
        private final int sender;
        private final Map<String, byte[]> payloads = new TreeMap<>();
        private final byte[] a;
        private final byte[] b;
        private final Set<Integer> halfA;
        private final Map<String, TreeMap<Integer, byte[]>> echoes = new TreeMap<>();
        private final Set<String> certified = new TreeSet<>();
        private final boolean colluders;
        private final boolean both;
        private boolean lies;

        EquivocatingSender(List<ServerContext> ctxs, Tag tag, int sender, byte[] a, byte[] b, Set<Integer> halfA,
                           boolean colluders, boolean both) {
            this.colluders = colluders;
            this.both = both;
            this.ctxs = ctxs;
            this.tag = tag;
            this.sender = sender;
            this.halfA = halfA;
            this.a = a;
            this.b = b;
            payloads.put(hex(CbcProof.digestOf(a)), a);
            payloads.put(hex(CbcProof.digestOf(b)), b);
        }

        @Override
        public void start(AdversaryContext<CbcMessage> ctx) {
            for (int h = 1; h <= ctx.n(); h++) {
                if (!ctx.faulty().contains(h)) {
                    ctx.send(sender, Target.to(h), new CSend(Bytes.of(halfA.contains(h) ? a : b)));
                    if (both) {
                        ctx.send(sender, Target.to(h), new CSend(Bytes.of(halfA.contains(h) ? b : a)));
                    }
                }
            }
            for (byte[] p : List.of(a, b)) {
                for (int f : colluders ? ctx.faulty() : Set.of(sender)) {
                    byte[] d = CbcProof.digestOf(p);
                    addEcho(ctx, d, f, ctxs.get(f - 1).signer().sign(CbcProof.readyStatement(tag, d)));
                }
            }
        }

        @Override
        public void onMessage(InFlight<CbcMessage> m, AdversaryContext<CbcMessage> ctx) {
            if (m.to() == sender && m.message() instanceof CEcho e) {
                for (byte[] p : payloads.values()) {
                    byte[] d = CbcProof.digestOf(p);
                    if (ctxs.get(0).verifier().verify(m.from(), CbcProof.readyStatement(tag, d), e.signature().toArray())) {
                        addEcho(ctx, d, m.from(), e.signature().toArray());
                    }
                }
            } else if (m.message() instanceof CRequest r && payloads.containsKey(hex(r.digest().toArray()))) {
                byte[] asked = payloads.get(hex(r.digest().toArray()));
                byte[] other = Arrays.equals(asked, a) ? b : a;
                ctx.send(m.to(), Target.to(m.from()), new CAnswer(Bytes.of(lies ? other : asked)));
            }
        }

        private void addEcho(AdversaryContext<CbcMessage> ctx, byte[] d, int from, byte[] sig) {
            TreeMap<Integer, byte[]> sigs = echoes.computeIfAbsent(hex(d), k -> new TreeMap<>());
            sigs.put(from, sig);
            if (sigs.size() >= ctxs.get(0).quorums().echoQuorum() && certified.add(hex(d))) {
                ctx.send(sender, Target.all(), new CFinal(Bytes.of(d), new QuorumCertificate(sigs)));
            }
        }

        /** Answer requests with the payload that was not asked for (the hash must catch it). */
        EquivocatingSender lying(boolean lie) {
            this.lies = lie;
            return this;
        }

        /** How many distinct digests got a certificate: consistency allows at most one. */
        int certificates() {
            return certified.size();
        }
    }

    /**
     * A faulty sender that sends C-SEND(m) to {@code sendTo} only, forms the certificate with
     * its colluders' signatures, sends C-FINAL to {@code finalTo} only, and (like all faulty
     * servers here) never answers a C-REQUEST.
     */
    static final class PartialFinalSender implements Adversary<CbcMessage> {
        private final List<ServerContext> ctxs;
        private final Tag tag;
        private final int sender;
        private final byte[] m;
        private final Set<Integer> sendTo;
        private final Set<Integer> finalTo;
        private final TreeMap<Integer, byte[]> echoes = new TreeMap<>();
        private boolean finalSent;

        PartialFinalSender(List<ServerContext> ctxs, Tag tag, int sender, byte[] m, Set<Integer> sendTo, Set<Integer> finalTo) {
            this.ctxs = ctxs;
            this.tag = tag;
            this.sender = sender;
            this.m = m;
            this.sendTo = sendTo;
            this.finalTo = finalTo;
        }

        @Override
        public void start(AdversaryContext<CbcMessage> ctx) {
            sendTo.forEach(h -> ctx.send(sender, Target.to(h), new CSend(Bytes.of(m))));
            for (int f : ctx.faulty()) {
                echoes.put(f, ctxs.get(f - 1).signer().sign(CbcProof.readyStatement(tag, CbcProof.digestOf(m))));
            }
        }

        @Override
        public void onMessage(InFlight<CbcMessage> msg, AdversaryContext<CbcMessage> ctx) {
            if (msg.to() == sender && msg.message() instanceof CEcho e && !finalSent) {
                echoes.put(msg.from(), e.signature().toArray());
                if (echoes.size() >= ctxs.get(0).quorums().echoQuorum()) {
                    finalSent = true;
                    CFinal fin = new CFinal(Bytes.of(CbcProof.digestOf(m)), new QuorumCertificate(echoes));
                    finalTo.forEach(h -> ctx.send(sender, Target.to(h), fin));
                }
            }
        }
    }

    /**
     * Faulty non-senders that send junk: random and mutated copies of what is in flight,
     * oversized payloads, echoes with wrong signatures, finals with broken certificates,
     * requests for unknown digests, answers that do not hash right. Each delivery to a
     * faulty server triggers at most one junk message, so a run stays finite.
     */
    static final class Garbage implements Adversary<CbcMessage> {
        private final List<ServerContext> ctxs;
        private final Tag tag;
        private final int maxPayload;

        Garbage(List<ServerContext> ctxs, Tag tag, int maxPayload) {
            this.ctxs = ctxs;
            this.tag = tag;
            this.maxPayload = maxPayload;
        }

        @Override
        public void start(AdversaryContext<CbcMessage> ctx) {
            for (int f : ctx.faulty()) {
                for (int i = 0; i < 3; i++) {
                    junk(f, ctx);
                }
            }
        }

        @Override
        public void onMessage(InFlight<CbcMessage> m, AdversaryContext<CbcMessage> ctx) {
            if (ctx.random().nextBoolean()) {
                junk(m.to(), ctx);
            }
        }

        private void junk(int from, AdversaryContext<CbcMessage> ctx) {
            SplittableRandom rnd = ctx.random();
            Target to = rnd.nextInt(3) == 0 ? Target.all() : Target.to(rnd.nextInt(1, ctx.n() + 1));
            CbcMessage sniffed = ctx.pending().isEmpty() ? null
                    : ctx.pending().get(rnd.nextInt(ctx.pending().size())).message();
            CbcMessage out = switch (rnd.nextInt(7)) {
                case 0 -> new CSend(Bytes.of(random(rnd, rnd.nextBoolean() ? maxPayload + 1 : rnd.nextInt(40))));
                case 1 -> new CEcho(Bytes.of(rnd.nextBoolean() ? random(rnd, 16)
                        : ctxs.get(from - 1).signer().sign(CbcProof.readyStatement(tag, random(rnd, 32)))));
                case 2 -> new CFinal(Bytes.of(random(rnd, rnd.nextBoolean() ? 32 : 7)), brokenCertificate(rnd, ctx.n()));
                case 3 -> new CRequest(Bytes.of(random(rnd, 32)));
                case 4 -> new CAnswer(Bytes.of(random(rnd, rnd.nextInt(40))));
                default -> sniffed == null ? new CRequest(Bytes.of(random(rnd, 31))) : mutate(sniffed, rnd);
            };
            ctx.send(from, to, out);
        }

        private static QuorumCertificate brokenCertificate(SplittableRandom rnd, int n) {
            Map<Integer, byte[]> sigs = new TreeMap<>();
            for (int i = rnd.nextInt(n + 2); i > 0; i--) {
                sigs.put(rnd.nextInt(0, n + 3), random(rnd, 16));
            }
            return new QuorumCertificate(sigs);
        }

        /** A replay with one thing changed (or none: a plain replay of honest content). */
        private static CbcMessage mutate(CbcMessage m, SplittableRandom rnd) {
            if (m instanceof CSend s) {
                return new CSend(Bytes.of(flip(s.payload().toArray(), rnd)));
            } else if (m instanceof CEcho e) {
                return new CEcho(Bytes.of(flip(e.signature().toArray(), rnd)));
            } else if (m instanceof CFinal f) {
                return rnd.nextBoolean() ? new CFinal(Bytes.of(flip(f.digest().toArray(), rnd)), f.sigma()) : f;
            } else if (m instanceof CRequest r) {
                return rnd.nextBoolean() ? new CRequest(Bytes.of(flip(r.digest().toArray(), rnd))) : r;
            }
            return new CAnswer(Bytes.of(flip(((CAnswer) m).payload().toArray(), rnd)));
        }

        private static byte[] flip(byte[] b, SplittableRandom rnd) {
            if (b.length == 0) {
                return new byte[] {1};
            }
            b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
            return b;
        }

        private static byte[] random(SplittableRandom rnd, int len) {
            byte[] b = new byte[len];
            rnd.nextBytes(b);
            return b;
        }
    }

    /**
     * Faulty servers that echo the sender's payload (so they become signers of σ, and the
     * lowest-numbered ones are asked first) but never answer a C-REQUEST.
     */
    static Adversary<CbcMessage> echoButNeverAnswer(List<ServerContext> ctxs, Tag tag, int sender) {
        return (m, ctx) -> {
            if (m.from() == sender && m.message() instanceof CSend s) {
                byte[] statement = CbcProof.readyStatement(tag, CbcProof.digestOf(s.payload().toArray()));
                ctx.send(m.to(), Target.to(sender), new CEcho(Bytes.of(ctxs.get(m.to() - 1).signer().sign(statement))));
            }
        };
    }

    /**
     * Faulty non-senders replay another instance ({@code other}: same servers, same payload,
     * another tag): their own C-ECHO signatures and a C-FINAL whose σ every server signed there;
     * and they re-send what this instance's sender sent them (C-SEND, C-FINAL) as their own.
     */
    static Adversary<CbcMessage> replayingAnotherInstance(List<ServerContext> ctxs, Tag other, int sender, byte[] m) {
        return new Adversary<>() {
            @Override
            public void start(AdversaryContext<CbcMessage> ctx) {
                byte[] d = CbcProof.digestOf(m);
                int[] everyone = java.util.stream.IntStream.rangeClosed(1, ctx.n()).toArray();
                CFinal replayed = new CFinal(Bytes.of(d), CbcFixtures.sigma(ctxs, other, m, everyone));
                for (int f : ctx.faulty()) {
                    ctx.send(f, Target.to(sender),
                            new CEcho(Bytes.of(ctxs.get(f - 1).signer().sign(CbcProof.readyStatement(other, d)))));
                    ctx.send(f, Target.all(), replayed);
                }
            }

            @Override
            public void onMessage(InFlight<CbcMessage> msg, AdversaryContext<CbcMessage> ctx) {
                if (msg.from() == sender && (msg.message() instanceof CSend || msg.message() instanceof CFinal)) {
                    ctx.send(msg.to(), Target.all(), msg.message());
                }
            }
        };
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
