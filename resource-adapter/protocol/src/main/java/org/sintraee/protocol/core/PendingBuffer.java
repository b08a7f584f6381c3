package org.sintraee.protocol.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Holds messages for instances that do not exist yet (a later round, a child not yet
 * started), bounded per sender: a Byzantine sender can fill only its own share, and
 * what does not fit is dropped and reported as flooding. Release order is arrival order,
 * so a replay is deterministic.
 */
public final class PendingBuffer<K, M> {

    /** A buffered message with its sender. */
    public record Pending<M>(int sender, M message) {
    }

    private final int perSender;
    private final Map<K, List<Pending<M>>> byKey = new LinkedHashMap<>();
    private final Map<Integer, Integer> countBySender = new TreeMap<>();

    public PendingBuffer(int perSender) {
        if (perSender < 1) {
            throw new IllegalArgumentException("per-sender bound must be positive");
        }
        this.perSender = perSender;
    }

    /** Buffers a message; false (and nothing buffered) if the sender is over its bound. */
    public boolean offer(K key, int sender, M message) {
        int count = countBySender.getOrDefault(sender, 0);
        if (count >= perSender) {
            return false;
        }
        countBySender.put(sender, count + 1);
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Pending<>(sender, message));
        return true;
    }

    /** Removes and returns everything buffered under {@code key}, in arrival order. */
    public List<Pending<M>> release(K key) {
        List<Pending<M>> out = byKey.remove(key);
        if (out == null) {
            return List.of();
        }
        for (Pending<M> p : out) {
            countBySender.merge(p.sender(), -1, Integer::sum);
        }
        return out;
    }

    /** Drops everything buffered under keys the predicate names (instances now obsolete). */
    public void discardIf(java.util.function.Predicate<K> obsolete) {
        List<K> keys = new ArrayList<>();
        for (K k : byKey.keySet()) {
            if (obsolete.test(k)) {
                keys.add(k);
            }
        }
        keys.forEach(this::release);
    }

    public int size() {
        return countBySender.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int sizeFrom(int sender) {
        return countBySender.getOrDefault(sender, 0);
    }
}
