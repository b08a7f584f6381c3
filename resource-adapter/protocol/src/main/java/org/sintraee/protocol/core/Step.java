package org.sintraee.protocol.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * What one input or message did to a protocol instance: its outputs, the messages to
 * send (each with its target), the faults it observed, and what must be durable before
 * any of those messages leaves this server. Immutable.
 *
 * <p>The runtime's contract with a step, in this order: make {@link #durable()} durable,
 * then send {@link #messages()}, then act on {@link #outputs()}. A child instance never
 * sends anything itself: its parent lifts the child's step into its own with
 * {@link Builder#absorb}.
 */
public final class Step<M, O> {
    private static final Step<?, ?> EMPTY = new Step<>(List.of(), List.of(), List.of(), List.of());

    private final List<O> outputs;
    private final List<Outgoing<M>> messages;
    private final List<Fault> faults;
    private final List<DurableRecord> durable;

    private Step(List<O> outputs, List<Outgoing<M>> messages, List<Fault> faults, List<DurableRecord> durable) {
        this.outputs = List.copyOf(outputs);
        this.messages = List.copyOf(messages);
        this.faults = List.copyOf(faults);
        this.durable = List.copyOf(durable);
    }

    @SuppressWarnings("unchecked")
    public static <M, O> Step<M, O> empty() {
        return (Step<M, O>) EMPTY;
    }

    public static <M, O> Builder<M, O> builder() {
        return new Builder<>();
    }

    /** A step that only records a fault. */
    public static <M, O> Step<M, O> fault(Fault fault) {
        return Step.<M, O>builder().fault(fault).build();
    }

    public List<O> outputs() {
        return outputs;
    }

    public List<Outgoing<M>> messages() {
        return messages;
    }

    public List<Fault> faults() {
        return faults;
    }

    public List<DurableRecord> durable() {
        return durable;
    }

    public boolean isEmpty() {
        return outputs.isEmpty() && messages.isEmpty() && faults.isEmpty() && durable.isEmpty();
    }

    /** The same step with messages and outputs mapped: how a parent re-types a child's step. */
    public <M2, O2> Step<M2, O2> map(Function<? super M, ? extends M2> message, Function<? super O, ? extends O2> output) {
        List<Outgoing<M2>> ms = new ArrayList<>(messages.size());
        for (Outgoing<M> m : messages) {
            ms.add(new Outgoing<>(m.target(), message.apply(m.message())));
        }
        List<O2> os = new ArrayList<>(outputs.size());
        for (O o : outputs) {
            os.add(output.apply(o));
        }
        return new Step<>(os, ms, faults, durable);
    }

    @Override
    public String toString() {
        return "Step[outputs=" + outputs + ", messages=" + messages + ", faults=" + faults + ", durable=" + durable + "]";
    }

    /** Collects a step; not thread-safe, like everything in the core. */
    public static final class Builder<M, O> {
        private final List<O> outputs = new ArrayList<>();
        private final List<Outgoing<M>> messages = new ArrayList<>();
        private final List<Fault> faults = new ArrayList<>();
        private final List<DurableRecord> durable = new ArrayList<>();

        private Builder() {
        }

        public Builder<M, O> output(O output) {
            outputs.add(output);
            return this;
        }

        public Builder<M, O> send(Target target, M message) {
            messages.add(new Outgoing<>(target, message));
            return this;
        }

        public Builder<M, O> broadcast(M message) {
            return send(Target.all(), message);
        }

        public Builder<M, O> fault(Fault fault) {
            faults.add(fault);
            return this;
        }

        public Builder<M, O> durable(DurableRecord record) {
            durable.add(record);
            return this;
        }

        /** Adds everything of a step of the same type, outputs included. */
        public Builder<M, O> append(Step<M, O> step) {
            outputs.addAll(step.outputs);
            messages.addAll(step.messages);
            faults.addAll(step.faults);
            durable.addAll(step.durable);
            return this;
        }

        /**
         * Lifts a child's step: its messages (wrapped into the parent's message type), faults
         * and durable records join this step; its outputs are returned for the parent to act on.
         */
        public <CM, CO> List<CO> absorb(Step<CM, CO> child, Function<? super CM, ? extends M> wrap) {
            for (Outgoing<CM> m : child.messages) {
                messages.add(new Outgoing<>(m.target(), wrap.apply(m.message())));
            }
            faults.addAll(child.faults);
            durable.addAll(child.durable);
            return child.outputs;
        }

        /**
         * As {@link #absorb}, but {@code lift} turns each child message into any number of this
         * step's messages (say, one form for some receivers and another for the rest).
         */
        public <CM, CO> List<CO> absorbEach(Step<CM, CO> child, BiConsumer<Outgoing<CM>, Builder<M, O>> lift) {
            for (Outgoing<CM> m : child.messages) {
                lift.accept(m, this);
            }
            faults.addAll(child.faults);
            durable.addAll(child.durable);
            return child.outputs;
        }

        public Step<M, O> build() {
            if (outputs.isEmpty() && messages.isEmpty() && faults.isEmpty() && durable.isEmpty()) {
                return empty();
            }
            return new Step<>(outputs, messages, faults, durable);
        }
    }
}
