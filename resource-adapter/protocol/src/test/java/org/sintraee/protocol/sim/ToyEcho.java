package org.sintraee.protocol.sim;

import org.sintraee.protocol.core.Fault;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.Protocol;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.core.Target;

/**
 * A tiny protocol for testing the testkit: an input v is broadcast as "hello:v"; a hello
 * is output as "from:v" and acknowledged to its sender with "ack:v"; with {@code pingPong},
 * acks are answered with hellos forever (a run that never quiets). Anything else is a fault.
 */
final class ToyEcho implements Protocol<Integer, String, String> {
    private static final Tag TAG = Tag.of("toy");
    private final boolean pingPong;

    ToyEcho(boolean pingPong) {
        this.pingPong = pingPong;
    }

    @Override
    public Tag tag() {
        return TAG;
    }

    @Override
    public Step<String, String> handleInput(Integer input) {
        return Step.<String, String>builder().broadcast("hello:" + input).build();
    }

    @Override
    public Step<String, String> handleMessage(int sender, String message) {
        if (message.startsWith("hello:")) {
            return Step.<String, String>builder().output(sender + ":" + message.substring(6))
                    .send(Target.to(sender), "ack:" + message.substring(6)).build();
        }
        if (message.startsWith("ack:")) {
            return pingPong ? Step.<String, String>builder().send(Target.to(sender), "hello:" + message.substring(4)).build()
                    : Step.empty();
        }
        return Step.fault(new Fault(sender, TAG, FaultKind.MALFORMED, message));
    }

    @Override
    public boolean terminated() {
        return false;
    }
}
