package org.sintraee.protocol.figures;

import org.sintraee.protocol.core.Protocol;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;

/** An honest server's instance whose every step's messages are counted in a {@link Traffic}. */
final class Metered<I, M, O, P extends Protocol<I, M, O>> implements Protocol<I, M, O> {
    private final P inner;
    private final int self;
    private final Traffic traffic;

    Metered(P inner, int self, Traffic traffic) {
        this.inner = inner;
        this.self = self;
        this.traffic = traffic;
    }

    P inner() {
        return inner;
    }

    @Override
    public Tag tag() {
        return inner.tag();
    }

    @Override
    public Step<M, O> handleInput(I input) {
        Step<M, O> s = inner.handleInput(input);
        traffic.record(self, s);
        return s;
    }

    @Override
    public Step<M, O> handleMessage(int sender, M message) {
        Step<M, O> s = inner.handleMessage(sender, message);
        traffic.record(self, s);
        return s;
    }

    @Override
    public boolean terminated() {
        return inner.terminated();
    }

    @Override
    public String toString() {
        return inner.toString();
    }
}
