package org.sintraee.ejb;

import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.sintraee.api.Delivery;
import org.sintraee.api.OrderedRequest;
import org.sintraee.api.SintraListener;

/**
 * Turns the adapter's ordered deliveries into CDI events, exactly once per server: in one
 * container transaction it locks the applied position, ignores a seq already applied (a
 * retry, or a replay after a crash), fires {@link OrderedRequest} to the application's
 * observers and advances the position. An observer that throws rolls all of it back, and
 * the adapter retries the same delivery.
 *
 * <p>No {@code resourceAdapter} is named: the adapter's name differs by packaging
 * ({@code sintra-rar} standalone on Payara Micro, {@code sintra-ee#sintra-rar} inside the
 * EAR), and with none named Payara binds the bean to the one deployed adapter that supports
 * its message listener type, {@link SintraListener}.
 */
@MessageDriven(name = OrderedDeliveryBean.NAME)
@TransactionManagement(TransactionManagementType.CONTAINER)
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class OrderedDeliveryBean implements SintraListener {

    /** The bean's name. */
    public static final String NAME = "OrderedDeliveryBean";
    /** The position row of this consumer: the application's CDI observers. */
    static final String CONSUMER = "cdi-observers";

    @PersistenceContext(unitName = SintraResources.PERSISTENCE_UNIT)
    private EntityManager em;

    @Inject
    private Event<OrderedRequest> ordered;

    @Override
    public void onDelivery(Delivery delivery) {
        AppliedPosition position = lockedPosition();
        if (delivery.seq() < position.nextSeq()) {
            return; // applied before, in a committed transaction
        }
        if (delivery.seq() > position.nextSeq()) { // the adapter never skips: refuse to leave a gap
            throw new IllegalStateException("delivery " + delivery.seq() + " would skip seqs from "
                    + position.nextSeq() + "; the adapter delivers from firstUnapplied()");
        }
        OrderedRequest event = new OrderedRequest(delivery);
        event.type().map(RequestType.Literal::new).map(ordered::select).orElse(ordered).fire(event);
        position.applied(delivery.seq());
    }

    @Override
    public long firstUnapplied() {
        AppliedPosition position = em.find(AppliedPosition.class, CONSUMER);
        return position == null ? 0 : position.nextSeq();
    }

    /** The position row, locked for this transaction (created, at 0, by the first delivery). */
    private AppliedPosition lockedPosition() {
        AppliedPosition position = em.find(AppliedPosition.class, CONSUMER, LockModeType.PESSIMISTIC_WRITE);
        if (position == null) {
            position = new AppliedPosition(CONSUMER);
            em.persist(position);
            em.flush(); // a concurrent creator fails here, rolls back and is retried
        }
        return position;
    }
}
