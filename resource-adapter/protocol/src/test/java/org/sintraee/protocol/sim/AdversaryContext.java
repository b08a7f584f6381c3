package org.sintraee.protocol.sim;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.sintraee.protocol.core.Target;

/** What an {@link Adversary} may see and do: it controls the faulty servers, never the honest ones. */
public interface AdversaryContext<M> {

    int n();

    Set<Integer> faulty();

    /** The run's one random source: using it keeps the run replayable from its seed. */
    SplittableRandom random();

    /** Injects a message from a faulty server ({@link Target#all()} reaches every server). */
    void send(int fromFaulty, Target target, M message);

    /** Every message in flight, in send order (the adversary reads contents, not secrets). */
    List<InFlight<M>> pending();
}
