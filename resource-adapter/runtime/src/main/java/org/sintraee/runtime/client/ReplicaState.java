package org.sintraee.runtime.client;

import java.util.HexFormat;

/** What a replica's STATUS answer says: readiness, its round, how many it delivered, and its delivery chain. */
public record ReplicaState(boolean ready, long round, long delivered, byte[] chain) {
    public ReplicaState {
        chain = chain.clone();
    }

    @Override
    public byte[] chain() {
        return chain.clone();
    }

    @Override
    public String toString() {
        return "ReplicaState[ready=" + ready + ", round=" + round + ", delivered=" + delivered + ", chain="
                + HexFormat.of().formatHex(chain, 0, 8) + "...]";
    }
}
