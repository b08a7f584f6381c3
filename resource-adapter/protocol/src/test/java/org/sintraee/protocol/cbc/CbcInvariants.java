package org.sintraee.protocol.cbc;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.sim.Invariants;
import org.sintraee.protocol.sim.SimulationFailure;
import org.sintraee.protocol.sim.VirtualNet;

/** The consistent-broadcast properties, checked over a finished simulated run. */
final class CbcInvariants {
    private CbcInvariants() {
    }

    /**
     * Integrity (at most once; only a payload in {@code sent}), consistency (one payload
     * among all honest deliveries), every delivered proof verifies under {@code view} for
     * this tag and payload, and no honest server is blamed. With an honest sender
     * ({@code honestPayload} not null) also validity: every honest server delivered it.
     */
    static void check(VirtualNet<CbcInput, CbcMessage, Delivered> net, ServerContext view, Tag tag,
                      byte[] honestPayload, List<byte[]> sent) {
        Invariants.atMostOnce(net);
        Invariants.noHonestBlamed(net);
        byte[] first = null;
        for (int id : net.honest()) {
            for (Delivered d : net.outputs(id)) {
                byte[] m = d.payload();
                if (sent.stream().noneMatch(s -> Arrays.equals(s, m))) {
                    fail(net, "server " + id + " delivered " + d + ", which was never sent");
                }
                if (first == null) {
                    first = m;
                } else if (!Arrays.equals(first, m)) {
                    fail(net, "consistency violated: " + byNode(net));
                }
                if (!CbcProof.verify(view, tag, m, d.proof()).isValid()) {
                    fail(net, "server " + id + " delivered with a proof that does not verify: " + d);
                }
            }
            if (honestPayload != null && (net.outputs(id).size() != 1
                    || !Arrays.equals(honestPayload, net.outputs(id).get(0).payload()))) {
                fail(net, "validity: honest server " + id + " did not deliver the honest sender's payload: " + byNode(net));
            }
        }
    }

    /** Every honest server delivered (once). */
    static void allDelivered(VirtualNet<CbcInput, CbcMessage, Delivered> net) {
        for (int id : net.honest()) {
            if (net.outputs(id).size() != 1) {
                fail(net, "server " + id + " did not deliver: " + byNode(net));
            }
        }
    }

    static Map<Integer, List<Delivered>> byNode(VirtualNet<CbcInput, CbcMessage, Delivered> net) {
        Map<Integer, List<Delivered>> m = new TreeMap<>();
        net.honest().forEach(id -> m.put(id, net.outputs(id)));
        return m;
    }

    private static void fail(VirtualNet<?, ?, ?> net, String what) {
        throw new SimulationFailure("seed " + net.seed() + ": " + what);
    }
}
