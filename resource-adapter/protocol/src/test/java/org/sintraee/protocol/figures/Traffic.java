package org.sintraee.protocol.figures;

import java.util.Map;
import java.util.TreeMap;
import org.sintraee.protocol.abc.AbcMessage;
import org.sintraee.protocol.core.Outgoing;
import org.sintraee.protocol.core.Step;

/**
 * What each sending server put on the wire: messages and estimated bytes
 * ({@link ByteEstimate}), counted once per receiver: a broadcast to n servers (the sender's
 * own copy included, as the network delivers it) is n transmissions. Atomic broadcast's
 * messages are also attributed to their round, so warm-up rounds can be left out.
 */
final class Traffic {
    private final int n;
    /** sender -> round (0 for single-shot protocols) -> {messages, bytes}. */
    private final Map<Integer, TreeMap<Long, long[]>> bySender = new TreeMap<>();

    Traffic(int n) {
        this.n = n;
    }

    /** Counts the messages of a step server {@code sender} produced. */
    void record(int sender, Step<?, ?> step) {
        TreeMap<Long, long[]> rounds = bySender.computeIfAbsent(sender, k -> new TreeMap<>());
        for (Outgoing<?> o : step.messages()) {
            long round = o.message() instanceof AbcMessage a ? a.round() : 0;
            long[] c = rounds.computeIfAbsent(round, k -> new long[2]);
            int receivers = o.target().isAll() ? n : 1;
            c[0] += receivers;
            c[1] += receivers * ByteEstimate.of(o.message());
        }
    }

    long messages(int sender) {
        return sum(sender, Long.MIN_VALUE, Long.MAX_VALUE, 0);
    }

    long bytes(int sender) {
        return sum(sender, Long.MIN_VALUE, Long.MAX_VALUE, 1);
    }

    /** Mean over the metered (honest) servers of the messages of rounds {@code from..to}. */
    double meanMessages(long from, long to) {
        return bySender.keySet().stream().mapToLong(s -> sum(s, from, to, 0)).average().orElse(0);
    }

    double meanBytes(long from, long to) {
        return bySender.keySet().stream().mapToLong(s -> sum(s, from, to, 1)).average().orElse(0);
    }

    double meanMessages() {
        return meanMessages(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    double meanBytes() {
        return meanBytes(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private long sum(int sender, long from, long to, int field) {
        TreeMap<Long, long[]> rounds = bySender.get(sender);
        if (rounds == null) {
            return 0;
        }
        return rounds.subMap(from, true, to, true).values().stream().mapToLong(c -> c[field]).sum();
    }
}
