package org.sintraee.runtime.link;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what one server's links deliver. Test payloads say who sent them, to whom, in which
 * epoch (sender incarnation in the test) and their index; the recorder keeps, per sender, the
 * (epoch, index) pairs in arrival order and counts payloads whose claimed sender differs from
 * the id the links attributed them to.
 */
final class Recorder implements Inbound {
    private final int self;
    private final List<List<Long>> bySender = new ArrayList<>();
    private int misattributed;
    private final List<Integer> foreign = new ArrayList<>();

    Recorder(int self) {
        this.self = self;
        for (int i = 0; i <= LinkKeys.N; i++) {
            bySender.add(new ArrayList<>());
        }
    }

    static byte[] payload(int epoch, int from, int to, int index, int size) {
        ByteBuffer b = ByteBuffer.allocate(Math.max(size, 13));
        b.put((byte) epoch).putInt(from).putInt(to).putInt(index);
        return b.array();
    }

    @Override
    public synchronized void received(int peer, byte[] payload) {
        if (payload.length < 13) {
            foreign.add(peer);
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(payload);
        int epoch = b.get();
        int from = b.getInt();
        int to = b.getInt();
        int index = b.getInt();
        if (from != peer || to != self) {
            misattributed++;
        }
        bySender.get(peer).add(((long) epoch << 32) | index);
    }

    /** (epoch << 32 | index) per payload from {@code peer}, in arrival order. */
    synchronized List<Long> from(int peer) {
        return new ArrayList<>(bySender.get(peer));
    }

    synchronized int count(int peer) {
        return bySender.get(peer).size();
    }

    synchronized int misattributed() {
        return misattributed;
    }

    /** The ids that payloads not in the test format (from rogue test clients) were attributed to. */
    synchronized List<Integer> foreign() {
        return new ArrayList<>(foreign);
    }

    static long key(int epoch, int index) {
        return ((long) epoch << 32) | index;
    }
}
