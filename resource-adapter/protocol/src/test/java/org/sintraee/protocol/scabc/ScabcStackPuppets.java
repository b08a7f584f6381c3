package org.sintraee.protocol.scabc;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sintraee.protocol.abc.AbcDelivery;
import org.sintraee.protocol.abc.AbcInput;
import org.sintraee.protocol.abc.AbcMessage;
import org.sintraee.protocol.abc.AtomicBroadcast;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.Outgoing;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Statement;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.core.Target;
import org.sintraee.protocol.crypto.Ciphertext;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.Hashes;
import org.sintraee.protocol.crypto.Share;
import org.sintraee.protocol.scabc.ScabcFixtures.Crypto;
import org.sintraee.protocol.scabc.ScabcStackMessage.Decrypt;
import org.sintraee.protocol.scabc.ScabcStackMessage.Order;
import org.sintraee.protocol.sim.Adversary;
import org.sintraee.protocol.sim.AdversaryContext;
import org.sintraee.protocol.sim.InFlight;

/**
 * Byzantine servers against the whole SC-ABC stack. Each faulty server runs a real
 * atomic broadcast and a real decryption layer ("puppet") with its own keys, so what it sends
 * is well formed and signed, and lies on top. Front-running: every admissible client
 * ciphertext it sees (in an honest batch, or given to it as input) goes into its own batch as
 * a whole copy and either a splice (the honest TDH2 part with its own payload) or a relabelled
 * copy,
 * put straight into its atomic broadcast, bypassing {@code admit}. Then, by {@link Mode}: its
 * decryption shares are withheld, invalid, or equivocated, or its batches equivocate.
 * A whole copy has the honest bytes (TDH2's proof binds u to the label and payload, and the
 * encoding is canonical, so no other valid bytes carry the same u): atomic broadcast delivers
 * it once, at the first position it reaches, which may be the copy's place in a faulty batch.
 * The first puppet's a-delivery log is the observer's view of the total order (the silent
 * mode keeps puppets that listen and never send).
 */
final class ScabcStackPuppets implements Adversary<ScabcStackMessage> {
    enum Mode { SILENT, CORRECT_SHARES, WITHHOLD_SHARES, INVALID_SHARES, EQUIVOCATE_SHARES, EQUIVOCATE_BATCHES }

    static final int BATCH = 4;
    static final int MAX_REQUEST = 4096;
    private static final String BATCH_DOMAIN = "sintra-ee/abc/batch"; // BatchCodec's statement, documented format

    private final Mode mode;
    private final Crypto crypto;
    private final Tag abcTag;
    private final Tag decTag;
    private final int n;
    private final Map<Integer, ServerContext> ctxs = new TreeMap<>();
    private final Map<Integer, AtomicBroadcast> abc = new TreeMap<>();
    private final Map<Integer, ScabcDecryption> dec = new TreeMap<>();
    /** The first puppet's a-deliveries, in order: the observer's copy of the total order. */
    final List<Bytes> log = new ArrayList<>();
    /** Client ciphertexts already front-run (once per ciphertext, by all puppets). */
    private final Set<Bytes> frontRun = new TreeSet<>();
    /** Spliced and relabelled ciphertexts the puppets made. */
    final Set<Bytes> forged = new TreeSet<>();
    private final Map<String, Order> alternatives = new TreeMap<>();
    private int made;
    private AdversaryContext<ScabcStackMessage> ctx;

    ScabcStackPuppets(Mode mode, Crypto crypto, List<ServerContext> all, Tag tag, Set<Integer> faulty) {
        this.mode = mode;
        this.crypto = crypto;
        this.abcTag = tag.child("abc");
        this.decTag = SecureCausalAtomicBroadcast.decryptionTag(tag);
        this.n = all.size();
        for (int f : faulty) {
            ctxs.put(f, all.get(f - 1));
            abc.put(f, new AtomicBroadcast(all.get(f - 1), abcTag, BATCH, MAX_REQUEST, 100_000));
            dec.put(f, new ScabcDecryption(all.get(f - 1), decTag, crypto.scheme(), crypto.key(f), 1 << 20));
        }
    }

    boolean frontRunning() {
        return mode != Mode.SILENT;
    }

    @Override
    public void start(AdversaryContext<ScabcStackMessage> ctx) {
        this.ctx = ctx;
        if (frontRunning()) {
            for (int f : abc.keySet()) {
                submit(f, own(f)); // undecodable junk of its own: ordered and skipped
            }
        }
    }

    /** A client gives its ciphertext to faulty server f (it may front-run before any honest server has it). */
    void clientInput(int f, Bytes ciphertext) {
        if (frontRunning() && abc.containsKey(f)) {
            copyInto(f, List.of(ciphertext));
        }
    }

    @Override
    public void onMessage(InFlight<ScabcStackMessage> m, AdversaryContext<ScabcStackMessage> ctx) {
        this.ctx = ctx;
        int f = m.to();
        if (!abc.containsKey(f)) {
            return;
        }
        if (frontRunning() && m.message() instanceof Order o && o.message() instanceof AbcMessage.Batch b
                && !abc.containsKey(m.from())) {
            decodeBatch(b.batch()).ifPresent(reqs -> copyInto(f, reqs));
        }
        emit(f, handle(f, m.from(), m.message()));
    }

    private Bytes own(int f) {
        return Bytes.of(("byz:" + f + ":" + made++).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Whole copy, splice and relabelled copy of each admissible client ciphertext, into f's own queue. */
    private void copyInto(int f, List<Bytes> requests) {
        for (Bytes r : requests) {
            byte[] raw = r.toArray();
            if (!ScabcDecryption.admit(crypto.scheme(), raw, ScabcClient.labelPrefix(decTag)).isValid()
                    || !frontRun.add(r)) {
                continue;
            }
            Ciphertext c = Ciphertext.decode(raw).get();
            // One forgery per ciphertext (keeps runs short), before or after the whole copy.
            Bytes forgery = ctx.random().nextBoolean() ? splice(c, ctx.random()) : relabel(c);
            List<Bytes> copies = ctx.random().nextBoolean() ? List.of(r, forgery) : List.of(forgery, r);
            for (Bytes copy : copies) {
                if (!copy.equals(r)) {
                    forged.add(copy);
                }
                submit(f, copy);
            }
        }
    }

    private Bytes splice(Ciphertext honest, SplittableRandom rnd) {
        int head = crypto.headBytes();
        byte[] body = new byte[Math.max(head + 1, honest.bodyLength())];
        System.arraycopy(honest.bodyRange(0, head), 0, body, 0, head);
        for (int i = head; i < body.length; i++) {
            body[i] = (byte) rnd.nextInt(256);
        }
        return Bytes.of(new Ciphertext(honest.label(), body).encode());
    }

    private Bytes relabel(Ciphertext honest) {
        return Bytes.of(new Ciphertext(ScabcClient.label(decTag, "mallory", made++), honest.body()).encode());
    }

    private void submit(int f, Bytes request) {
        emit(f, wrap(abc.get(f).handleInput(new AbcInput.Submit(request)), f));
    }

    private Step<ScabcStackMessage, ScabcDelivery> handle(int f, int from, ScabcStackMessage m) {
        if (m instanceof Order o) {
            return wrap(abc.get(f).handleMessage(from, o.message()), f);
        }
        Step.Builder<ScabcStackMessage, ScabcDelivery> b = Step.builder();
        b.absorb(dec.get(f).handleMessage(from, ((Decrypt) m).message()), Decrypt::new);
        return b.build();
    }

    /** Lifts an atomic-broadcast step, feeding its deliveries to f's decryption layer (and the observer log). */
    private Step<ScabcStackMessage, ScabcDelivery> wrap(Step<AbcMessage, AbcDelivery> s, int f) {
        Step.Builder<ScabcStackMessage, ScabcDelivery> b = Step.builder();
        for (AbcDelivery d : b.absorb(s, Order::new)) {
            if (f == abc.keySet().iterator().next()) {
                log.add(d.request());
            }
            b.absorb(dec.get(f).handleInput(new ScabcInput.Ordered(d.seq(), d.request().toArray())), Decrypt::new);
        }
        return b.build();
    }

    /** Sends a step's messages with f's lies; f hears its own true messages at once. */
    private void emit(int f, Step<ScabcStackMessage, ScabcDelivery> first) {
        Deque<Step<ScabcStackMessage, ScabcDelivery>> steps = new ArrayDeque<>(List.of(first));
        while (!steps.isEmpty()) {
            List<ScabcStackMessage> self = new ArrayList<>();
            for (Outgoing<ScabcStackMessage> o : steps.poll().messages()) {
                for (int to = 1; to <= n; to++) {
                    if (!o.target().includes(to)) {
                        continue;
                    }
                    if (to == f) {
                        self.add(o.message());
                    } else if (mode != Mode.SILENT) {
                        for (ScabcStackMessage out : tamper(f, to, o.message())) {
                            ctx.send(f, Target.to(to), out);
                        }
                    }
                }
            }
            for (ScabcStackMessage m : self) {
                steps.add(handle(f, f, m));
            }
        }
    }

    private List<ScabcStackMessage> tamper(int f, int to, ScabcStackMessage m) {
        SplittableRandom rnd = ctx.random();
        if (m instanceof Decrypt d && d.message() instanceof ScabcMessage.DecShare s) {
            Decrypt bad = new Decrypt(new ScabcMessage.DecShare(s.seq(), garbage(f, s.share().length(), rnd)));
            return switch (mode) {
                case WITHHOLD_SHARES -> rnd.nextInt(3) == 0 ? List.of(m) : List.of();
                case INVALID_SHARES -> List.of(bad);
                case EQUIVOCATE_SHARES -> switch (rnd.nextInt(4)) {
                    case 0 -> List.of(bad);
                    case 1 -> List.of(bad, m);
                    case 2 -> List.of(m, bad);
                    default -> List.of(m);
                };
                default -> List.of(m);
            };
        }
        if (mode == Mode.EQUIVOCATE_BATCHES && m instanceof Order o && o.message() instanceof AbcMessage.Batch b) {
            // The true batch to the lower half, another validly signed one to the upper half, both to server 1.
            Order alt = alternative(f, b);
            return to == 1 ? List.of(m, alt) : List.of(to > n / 2 ? alt : m);
        }
        return List.of(m);
    }

    private static Share garbage(int f, int length, SplittableRandom rnd) {
        byte[] b = new byte[Math.max(1, length)];
        rnd.nextBytes(b);
        return new Share(f, b);
    }

    private Order alternative(int f, AbcMessage.Batch b) {
        return alternatives.computeIfAbsent(f + "/" + b.round(), k -> {
            // The same junk request every round: once delivered, it no longer makes servers join new rounds, so
            // runs stay well inside AtomicBroadcast.ROUND_WINDOW (a laggard beyond it needs the runtime's catch-up).
            Bytes batch = encodeBatch(List.of(Bytes.of(("byz-alt:" + f).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            byte[] statement = Statement.of(abcTag, "batch", ByteBuffer.allocate(8).putLong(b.round()).array(),
                    Hashes.sha256(BATCH_DOMAIN, batch.toArray()));
            return new Order(new AbcMessage.Batch(b.round(), batch, Bytes.of(ctxs.get(f).signer().sign(statement))));
        });
    }

    /** The documented batch encoding: int32 count, then per request int32 length || bytes. */
    static Bytes encodeBatch(List<Bytes> requests) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Hashes.int32(requests.size()));
        for (Bytes r : requests) {
            out.writeBytes(Hashes.int32(r.length()));
            out.writeBytes(r.toArray());
        }
        return Bytes.of(out.toByteArray());
    }

    static java.util.Optional<List<Bytes>> decodeBatch(Bytes batch) {
        ByteBuffer in = ByteBuffer.wrap(batch.toArray());
        List<Bytes> out = new ArrayList<>();
        if (in.remaining() < 4) {
            return java.util.Optional.empty();
        }
        int count = in.getInt();
        for (int k = 0; k < count && count <= BATCH; k++) {
            if (in.remaining() < 4) {
                return java.util.Optional.empty();
            }
            int len = in.getInt();
            if (len < 0 || len > in.remaining()) {
                return java.util.Optional.empty();
            }
            byte[] r = new byte[len];
            in.get(r);
            out.add(Bytes.of(r));
        }
        return java.util.Optional.of(out);
    }

    /** Whether these bytes decode to a ciphertext at all (for the model's skip reasons). */
    static boolean decodes(Bytes b) {
        Decoded<Ciphertext> c = Ciphertext.decode(b.toArray());
        return c.ok();
    }
}
