package org.sintraee.rar;

import java.io.IOException;
import java.util.List;
import org.sintraee.api.Delivery;
import org.sintraee.runtime.journal.DeliveryReader;

/** Where the delivery works read the total order: the replica's journal (a fake in tests). */
@FunctionalInterface
interface DeliverySource {

    /** Up to {@code max} consecutive deliveries from {@code fromSeq}, all below {@code toSeq} (known durable). */
    List<Delivery> read(long fromSeq, long toSeq, int max) throws IOException;

    /** The journal's deliveries, through the engine's reader. */
    static DeliverySource of(DeliveryReader reader) {
        return (from, to, max) -> reader.deliveries(from, to, max).stream()
                .map(e -> new Delivery(e.seq(), e.round(), e.request().toArray()))
                .toList();
    }
}
