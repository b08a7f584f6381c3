package org.sintraee.runtime.node;

import org.sintraee.protocol.abc.AbcDelivery;
import org.sintraee.protocol.abc.AbcInput;
import org.sintraee.protocol.abc.AbcMessage;
import org.sintraee.protocol.abc.AtomicBroadcast;
import org.sintraee.protocol.core.Protocol;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;

/**
 * What the node loop needs of the protocol that orders requests: atomic broadcast, or the
 * benchmark's {@link LeaderOrder}. Catch-up, Decided records and restart use the
 * {@link AtomicBroadcast} itself and exist in ABC mode only.
 */
interface Ordering extends Protocol<AbcInput, AbcMessage, AbcDelivery> {

    /** The current round (ABC) or the next leader batch to deliver (LEADER). */
    long round();

    /** Undelivered local requests held; {@code handleInput} refuses more than the settings' maxQueue. */
    int queued();

    /** Requests delivered: the next delivery's seq. */
    long deliveredCount();

    static Ordering of(AtomicBroadcast abc) {
        return new Ordering() {
            @Override
            public Tag tag() {
                return abc.tag();
            }

            @Override
            public Step<AbcMessage, AbcDelivery> handleInput(AbcInput input) {
                return abc.handleInput(input);
            }

            @Override
            public Step<AbcMessage, AbcDelivery> handleMessage(int sender, AbcMessage message) {
                return abc.handleMessage(sender, message);
            }

            @Override
            public boolean terminated() {
                return abc.terminated();
            }

            @Override
            public long round() {
                return abc.round();
            }

            @Override
            public int queued() {
                return abc.queued();
            }

            @Override
            public long deliveredCount() {
                return abc.deliveredCount();
            }
        };
    }
}
