package org.sintraee.protocol.sim;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sintraee.protocol.core.Fault;

/**
 * Properties checked after a simulated run, over the honest nodes' outputs and fault logs.
 * Each throws a {@link SimulationFailure} naming the seed and what was seen.
 */
public final class Invariants {
    private Invariants() {
    }

    /** No honest node reports a fault by another honest node: honest behaviour is never misread. */
    public static void noHonestBlamed(VirtualNet<?, ?, ?> net) {
        for (int id : net.honest()) {
            for (Fault f : net.faults(id)) {
                if (net.honest().contains(f.peer())) {
                    fail(net, "honest server " + id + " blames honest server " + f.peer() + ": " + f);
                }
            }
        }
    }

    /** Integrity: every honest node outputs at most once. */
    public static void atMostOnce(VirtualNet<?, ?, ?> net) {
        for (int id : net.honest()) {
            if (net.outputs(id).size() > 1) {
                fail(net, "server " + id + " output " + net.outputs(id).size() + " times: " + net.outputs(id));
            }
        }
    }

    /** Consistency: honest nodes that output, output the same. */
    public static void consistent(VirtualNet<?, ?, ?> net) {
        Object first = null;
        for (int id : net.honest()) {
            for (Object o : net.outputs(id)) {
                if (first == null) {
                    first = o;
                } else if (!first.equals(o)) {
                    fail(net, "different outputs " + first + " and " + o + "; all: " + outputsByNode(net));
                }
            }
        }
    }

    /** Agreement/totality: if one honest node output, every honest node did. */
    public static void total(VirtualNet<?, ?, ?> net) {
        boolean any = net.honest().stream().anyMatch(id -> !net.outputs(id).isEmpty());
        boolean all = net.honest().stream().allMatch(id -> !net.outputs(id).isEmpty());
        if (any && !all) {
            fail(net, "some honest servers output, not all: " + outputsByNode(net));
        }
    }

    /** Validity: every honest node output {@code expected}. */
    public static <O> void allOutput(VirtualNet<?, ?, O> net, O expected) {
        for (int id : net.honest()) {
            if (!net.outputs(id).equals(List.of(expected))) {
                fail(net, "server " + id + " output " + net.outputs(id) + ", expected [" + expected + "]");
            }
        }
    }

    /** Integrity: nothing fabricated, every honest output is one of {@code allowed}. */
    public static <O> void outputsAmong(VirtualNet<?, ?, O> net, Collection<O> allowed) {
        for (int id : net.honest()) {
            for (O o : net.outputs(id)) {
                if (!allowed.contains(o)) {
                    fail(net, "server " + id + " output " + o + ", which was never sent");
                }
            }
        }
    }

    /**
     * The broadcast properties: at most once, consistency, totality, no honest server
     * blamed, and validity when {@code honestSendersValue} is not null.
     */
    public static <O> void broadcast(VirtualNet<?, ?, O> net, O honestSendersValue) {
        atMostOnce(net);
        consistent(net);
        total(net);
        noHonestBlamed(net);
        if (honestSendersValue != null) {
            allOutput(net, honestSendersValue);
        }
    }

    private static Map<Integer, List<?>> outputsByNode(VirtualNet<?, ?, ?> net) {
        Map<Integer, List<?>> m = new TreeMap<>();
        net.honest().forEach(id -> m.put(id, net.outputs(id)));
        return m;
    }

    private static void fail(VirtualNet<?, ?, ?> net, String what) {
        throw new SimulationFailure("seed " + net.seed() + ": " + what);
    }
}
