package org.sintraee.api;

/**
 * The message listener a message-driven bean implements to receive the total order from the
 * Sintra EE resource adapter (activation property {@code resourceAdapter}: the adapter's name).
 *
 * <p><b>Contract.</b> The adapter runs one serial delivery per activation. It first calls
 * {@link #firstUnapplied()} to learn where to resume, then calls {@link #onDelivery} with
 * every delivery from there on, in total order, without gaps, one call at a time. Each call
 * runs in the container's transaction (a container-managed {@code REQUIRED} transaction).
 * If a call throws, the transaction rolls back and the adapter retries the same delivery
 * after a backoff (100 ms, doubling up to 5 s) until it succeeds: a delivery is never skipped
 * and never reordered. The failure is shown on the admin page meanwhile.
 *
 * <p><b>Exactly once per server.</b> The adapter delivers at least once (after a crash or a
 * retry the same seq may come again). An endpoint applies each seq exactly once by keeping
 * its applied position in the same transactional store as the effects of the deliveries: in
 * {@code onDelivery}, lock the position, ignore a seq below it, else apply and advance it, all
 * in the one transaction; {@code firstUnapplied} reads it.
 */
public interface SintraListener {

    /**
     * Applies one delivery, in the container's transaction. Throw (or mark the transaction for
     * rollback) to have it retried; never return normally without having applied it, or a seq
     * below the position.
     */
    void onDelivery(Delivery delivery);

    /**
     * The first seq this endpoint has not applied (0 for a new one), read in a transaction from
     * the store the deliveries update. Called before the first delivery of each activation.
     */
    long firstUnapplied();
}
