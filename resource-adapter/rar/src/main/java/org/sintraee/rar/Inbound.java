package org.sintraee.rar;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import org.sintraee.api.Delivery;
import org.sintraee.api.InboundStatus;
import org.sintraee.api.SintraListener;

/**
 * Inbound delivery for one start of the adapter: the engine's listener only reports how far
 * the durable total order reaches ({@link #shown}), and each activation's {@link DeliveryWork}
 * reads the deliveries themselves from the journal, from wherever its endpoint resumes. So
 * nothing is queued in memory however far an endpoint lags, and an endpoint activated late
 * (or restarted) catches up from the journal.
 */
final class Inbound {
    private static final Logger LOG = Logger.getLogger(Inbound.class.getName());
    /** How long deactivation and stop wait for a work to end (an endpoint call in progress is let finish). */
    static final long STOP_WAIT_MILLIS = 60_000;
    /** A waiting work re-checks its stop flag at least this often (release() also wakes it). */
    private static final long WAIT_SLICE_MILLIS = 1_000;

    private final WorkManager workManager;
    private final Object monitor = new Object();
    private long shown; // guarded by monitor: every seq below it is durable in the journal
    private volatile DeliverySource source;
    private final List<DeliveryWork> works = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    Inbound(WorkManager workManager) {
        this.workManager = Objects.requireNonNull(workManager, "workManager");
    }

    /** Where the works read deliveries; set once the engine (its journal) is open. */
    void attach(DeliverySource deliveries) {
        source = Objects.requireNonNull(deliveries, "deliveries");
    }

    /** The engine's listener: seq is durable now. Called on the node loop: only a note and a wake-up. */
    void shown(long seq) {
        synchronized (monitor) {
            if (seq >= shown) {
                shown = seq + 1;
            }
            monitor.notifyAll();
        }
    }

    /** Waits (up to a slice) until a seq at or past {@code next} is shown, or until stopped; returns the bound. */
    long awaitShown(long next, BooleanSupplier stopped) throws InterruptedException {
        synchronized (monitor) {
            if (shown <= next && !stopped.getAsBoolean()) {
                monitor.wait(WAIT_SLICE_MILLIS);
            }
            return shown;
        }
    }

    /** A backoff: waits {@code millis} unless stopped first. */
    void pause(long millis, BooleanSupplier stopped) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (monitor) {
            for (long left = millis; left > 0 && !stopped.getAsBoolean();
                    left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
                monitor.wait(Math.min(left, WAIT_SLICE_MILLIS));
            }
        }
    }

    void wake() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    /** Starts the serial delivery work of a new activation on the WorkManager. */
    void activate(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        Objects.requireNonNull(factory, "endpointFactory");
        if (!(spec instanceof SintraActivationSpec sintraSpec)) {
            throw new NotSupportedException("Sintra EE: activation spec " + (spec == null ? null : spec.getClass().getName())
                    + " is not a " + SintraActivationSpec.class.getName());
        }
        sintraSpec.validate();
        DeliverySource from = source;
        if (closed || from == null) {
            throw new ResourceException("Sintra EE: the resource adapter is not running; cannot activate "
                    + nameOf(factory));
        }
        String name = nameOf(factory);
        warnIfNotTransacted(factory, name);
        DeliveryWork work = new DeliveryWork(this, factory, sintraSpec, from, name);
        works.add(work);
        try {
            workManager.scheduleWork(work);
        } catch (WorkException e) {
            works.remove(work);
            throw new ResourceException("Sintra EE: the WorkManager refused the delivery work of " + name
                    + " (error code " + e.getErrorCode() + "): " + e.getMessage(), e);
        }
        LOG.info(() -> "Sintra EE: activated " + name);
    }

    /** Stops the activation's work and waits for it to end (bounded), so the endpoint is not called after. */
    void deactivate(MessageEndpointFactory factory, ActivationSpec spec) {
        for (DeliveryWork work : works) {
            if (work.serves(factory, spec)) {
                works.remove(work);
                work.release();
                awaitEnd(work);
                LOG.info(() -> "Sintra EE: deactivated " + work.progress().endpoint() + " at seq "
                        + work.progress().nextSeq());
            }
        }
    }

    /** The adapter stops: every work is released and waited for. */
    void close() {
        closed = true;
        List<DeliveryWork> all = List.copyOf(works);
        works.clear();
        all.forEach(DeliveryWork::release);
        all.forEach(Inbound::awaitEnd);
    }

    List<InboundStatus> status() {
        return works.stream().map(w -> w.progress().snapshot()).toList();
    }

    private static void awaitEnd(DeliveryWork work) {
        try {
            if (!work.awaitDone(STOP_WAIT_MILLIS)) {
                LOG.warning(() -> "Sintra EE: " + work + " did not end within " + STOP_WAIT_MILLIS
                        + " ms (an endpoint call is still running)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The endpoint's class (the MDB: what an operator knows), else the container's activation name. */
    private static String nameOf(MessageEndpointFactory factory) {
        Class<?> type = factory.getEndpointClass();
        if (type != null) {
            return type.getName();
        }
        String name = factory.getActivationName();
        return name == null || name.isBlank() ? "endpoint@" + Integer.toHexString(System.identityHashCode(factory)) : name;
    }

    /** Exactly once needs the call and the endpoint's position update in one transaction: say so if not. */
    private static void warnIfNotTransacted(MessageEndpointFactory factory, String name) throws ResourceException {
        try {
            if (!factory.isDeliveryTransacted(SintraListener.class.getMethod("onDelivery", Delivery.class))) {
                LOG.warning(() -> "Sintra EE: deliveries to " + name + " are not transacted (use container-managed"
                        + " transactions, REQUIRED): exactly-once then depends on the endpoint itself");
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("SintraListener.onDelivery(Delivery) is missing", e);
        }
    }
}
