package org.sintraee.protocol.core;

/**
 * Who a message goes to: every server (the sender included: the network hands the
 * sender its own copy like any other, which keeps counting uniform), or one server.
 */
public record Target(int server) {
    private static final Target ALL = new Target(0);

    public static Target all() {
        return ALL;
    }

    /** Server {@code id}, 1..n. */
    public static Target to(int id) {
        if (id < 1) {
            throw new IllegalArgumentException("server ids are 1..n, got " + id);
        }
        return new Target(id);
    }

    public boolean isAll() {
        return server == 0;
    }

    /** True iff a message to this target reaches server {@code id}. */
    public boolean includes(int id) {
        return isAll() || server == id;
    }

    @Override
    public String toString() {
        return isAll() ? "all" : "server " + server;
    }
}
