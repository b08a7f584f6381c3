package org.sintraee.runtime.replica;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.sintraee.protocol.abc.AbcMessage;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.Statement;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.Hashes;
import org.sintraee.protocol.crypto.Signer;
import org.sintraee.protocol.mvba.MvbaMessage;
import org.sintraee.runtime.node.Outbox;
import org.sintraee.runtime.wire.WireCodec;

/**
 * Test only: wraps a replica's outbox so that the server misbehaves on the wire while its
 * protocol state stays honest. Behaviours combine; each decision is drawn from a seeded
 * random source. Called on the node's loop thread only.
 */
final class ByzantineOutbox implements Outbox {
    /** What the server does wrong. */
    enum Behaviour {
        /** Random bytes, truncated and bit-flipped real frames, to every peer. */
        GARBAGE,
        /** Re-sends frames of earlier rounds. */
        REPLAY,
        /** Sends half of the peers a different, validly signed BATCH for each round. */
        EQUIVOCATE,
        /** Drops its coin shares and binary-agreement votes. */
        WITHHOLD;

        static Set<Behaviour> parse(String list) {
            Set<Behaviour> out = EnumSet.noneOf(Behaviour.class);
            for (String s : list.split(",")) {
                out.add(valueOf(s.trim().toUpperCase(java.util.Locale.ROOT)));
            }
            return out;
        }
    }

    /** The domain BatchCodec hashes a batch under before signing it (the protocol's, restated). */
    private static final String BATCH_DOMAIN = "sintra-ee/abc/batch";
    private static final int HISTORY = 512;

    private record Sent(long round, int peer, byte[] frame) {
    }

    private final Outbox links;
    private final Set<Behaviour> behaviours;
    private final int n;
    private final int self;
    private final Signer signer;
    private final Random random;
    private final List<Sent> history = new ArrayList<>();
    private long currentRound;

    ByzantineOutbox(Outbox links, Set<Behaviour> behaviours, int n, int self, Signer signer, long seed) {
        this.links = links;
        this.behaviours = EnumSet.copyOf(behaviours);
        this.n = n;
        this.self = self;
        this.signer = signer;
        this.random = new Random(seed);
    }

    @Override
    public synchronized void send(int peer, byte[] frame) {
        Decoded<WireCodec.Frame> d = WireCodec.decode(frame);
        AbcMessage m = d.ok() && d.get().message() instanceof AbcMessage a ? a : null;
        if (m != null) {
            currentRound = Math.max(currentRound, m.round());
        }
        if (m != null && behaviours.contains(Behaviour.WITHHOLD) && helpsAgreement(m)) {
            return;
        }
        byte[] out = frame;
        if (m instanceof AbcMessage.Batch b && behaviours.contains(Behaviour.EQUIVOCATE) && peer % 2 == 0) {
            out = otherBatch(d.get(), b);
        }
        links.send(peer, out);
        if (behaviours.contains(Behaviour.REPLAY)) {
            replay(peer);
            if (m != null) {
                remember(new Sent(m.round(), peer, frame));
            }
        }
        if (behaviours.contains(Behaviour.GARBAGE) && random.nextInt(4) == 0) {
            garbage(frame);
        }
    }

    /** Coin shares and binary-agreement votes: without them, only the honest servers finish agreements. */
    private static boolean helpsAgreement(AbcMessage m) {
        return m instanceof AbcMessage.MvbaPart p
                && (p.message() instanceof MvbaMessage.CoinPart || p.message() instanceof MvbaMessage.AbaPart);
    }

    /** A different batch (one made-up request) for the same round, signed with this server's real key. */
    private byte[] otherBatch(WireCodec.Frame f, AbcMessage.Batch b) {
        byte[] request = ("equivocation of server " + self + " in round " + b.round()).getBytes(StandardCharsets.UTF_8);
        byte[] batch = ByteBuffer.allocate(8 + request.length).putInt(1).putInt(request.length).put(request).array();
        byte[] statement = Statement.of(f.tag(), "batch", ByteBuffer.allocate(8).putLong(b.round()).array(),
                Hashes.sha256(BATCH_DOMAIN, batch));
        AbcMessage.Batch other = new AbcMessage.Batch(b.round(), Bytes.of(batch), Bytes.of(signer.sign(statement)));
        return WireCodec.encode(f.tag(), other);
    }

    private void replay(int peer) {
        if (history.isEmpty() || random.nextInt(3) != 0) {
            return;
        }
        Sent old = history.get(random.nextInt(history.size()));
        if (old.round() < currentRound) {
            links.send(peer, old.frame());
        }
    }

    private void remember(Sent s) {
        if (history.size() < HISTORY) {
            history.add(s);
        } else {
            history.set(random.nextInt(HISTORY), s);
        }
    }

    /** Random bytes, a truncated copy and a bit-flipped copy of {@code frame}, to every peer. */
    private void garbage(byte[] frame) {
        byte[] noise = new byte[1 + random.nextInt(256)];
        random.nextBytes(noise);
        byte[] truncated = java.util.Arrays.copyOf(frame, random.nextInt(frame.length));
        byte[] flipped = frame.clone();
        int bit = random.nextInt(flipped.length * 8);
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        for (int p = 1; p <= n; p++) {
            if (p != self) {
                links.send(p, noise);
                links.send(p, truncated);
                links.send(p, flipped);
            }
        }
    }
}
