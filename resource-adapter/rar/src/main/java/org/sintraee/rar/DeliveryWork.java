package org.sintraee.rar;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sintraee.api.Delivery;
import org.sintraee.api.SintraListener;

/**
 * The serial delivery of one activation: asks the endpoint where it resumes
 * ({@link SintraListener#firstUnapplied()}), then hands it every delivery from there, in order,
 * one call (one container transaction) at a time. After a failed call it waits 100 ms doubling
 * to 5 s, takes a fresh endpoint (the container may have discarded the instance), asks
 * {@code firstUnapplied()} again and goes on from there: usually the same delivery, but an
 * earlier one if a commit the container failed without telling the caller (Payara only logs
 * it) lost a delivery counted as applied. Nothing is ever skipped or reordered. Returns
 * promptly when released (between calls; a call in progress is let finish).
 */
final class DeliveryWork implements Work {
    private static final Logger LOG = Logger.getLogger(DeliveryWork.class.getName());
    static final long FIRST_BACKOFF_MILLIS = 100;
    static final long MAX_BACKOFF_MILLIS = 5_000;

    /** One call of the endpoint (or of the journal) that may fail and is then retried. */
    @FunctionalInterface
    private interface Attempt<T> {
        T run(SintraListener endpoint) throws Exception;
    }

    private final Inbound hub;
    private final MessageEndpointFactory factory;
    private final SintraActivationSpec spec;
    private final DeliverySource source;
    private final int readBatch;
    private final InboundProgress progress;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean stopping;
    private MessageEndpoint endpoint; // the work's thread only
    private long backoff = FIRST_BACKOFF_MILLIS;

    DeliveryWork(Inbound hub, MessageEndpointFactory factory, SintraActivationSpec spec, DeliverySource source,
                 String name) {
        this.hub = hub;
        this.factory = factory;
        this.spec = spec;
        this.source = source;
        this.readBatch = spec.getReadBatch() == null ? SintraActivationSpec.DEFAULT_READ_BATCH : spec.getReadBatch();
        this.progress = new InboundProgress(name);
    }

    boolean serves(MessageEndpointFactory f, Object s) {
        return factory == f && spec == s;
    }

    InboundProgress progress() {
        return progress;
    }

    @Override
    public void run() {
        try {
            deliverAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the container wants its thread back: end here
        } catch (RuntimeException | Error e) {
            progress.failed(e);
            LOG.log(Level.SEVERE, "Sintra EE: delivery to " + progress.endpoint() + " stopped at seq "
                    + progress.nextSeq() + ": " + e, e);
        } finally {
            releaseEndpoint();
            progress.state(InboundProgress.State.STOPPED);
            done.countDown();
        }
    }

    private void deliverAll() throws InterruptedException {
        Long first = resumePoint();
        if (first == null) {
            return;
        }
        long next = first;
        progress.resumeAt(next);
        LOG.info(() -> "Sintra EE: delivering to " + progress.endpoint() + " from seq " + first);
        deliver:
        while (!stopping) {
            progress.state(InboundProgress.State.WAITING);
            long shown = hub.awaitShown(next, this::stopping);
            if (shown <= next) {
                continue;
            }
            long from = next;
            List<Delivery> batch = attempt("reading the journal", s -> source.read(from, shown, readBatch));
            if (batch == null) {
                return;
            }
            progress.state(InboundProgress.State.DELIVERING);
            for (Delivery d : batch) {
                if (d.seq() != next) { // never skip: a source out of order is a bug, stop loudly
                    throw new IllegalStateException("the journal gave seq " + d.seq() + " where " + next + " was due");
                }
                try {
                    endpoint().onDelivery(d);
                } catch (Exception e) { // the endpoint's (container's): rolled back, or refused
                    failed("delivering seq " + d.seq(), e);
                    Long at = resumePoint();
                    if (at == null) {
                        return;
                    }
                    if (at != next) {
                        long was = next;
                        LOG.warning(() -> "Sintra EE: " + progress.endpoint() + " resumes at seq " + at
                                + " after a failure at seq " + was + " (a commit it did not report failed)");
                    }
                    next = at;
                    progress.resumeAt(next);
                    continue deliver;
                }
                recovered("delivering seq " + d.seq());
                progress.applied(d.seq());
                next++;
            }
        }
    }

    /** Where the endpoint resumes, from its own applied position; null once stopping. */
    private Long resumePoint() throws InterruptedException {
        return attempt("asking where it resumes", s -> {
            long at = s.firstUnapplied();
            if (at < 0) {
                throw new IllegalStateException("firstUnapplied() returned " + at + ", not a seq");
            }
            return at;
        });
    }

    /** Runs {@code call} until it succeeds, backing off between failures; null once stopping. */
    private <T> T attempt(String what, Attempt<T> call) throws InterruptedException {
        while (!stopping) {
            try {
                // a success here ends no failure streak: only a delivery that goes through does
                return call.run(endpoint());
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) { // the endpoint's (container's) exception, or the journal's
                failed(what, e);
            }
        }
        return null;
    }

    private void recovered(String what) {
        if (progress.failing()) {
            LOG.info(() -> "Sintra EE: " + progress.endpoint() + " recovered: " + what);
            progress.succeeded();
        }
        backoff = FIRST_BACKOFF_MILLIS;
    }

    /** Records and logs a failed call, drops the endpoint, and waits the backoff. */
    private void failed(String what, Exception e) throws InterruptedException {
        if (e instanceof InterruptedException ie) {
            throw ie;
        }
        boolean first = !progress.failing();
        progress.failed(e);
        LOG.log(first ? Level.WARNING : Level.FINE, "Sintra EE: " + progress.endpoint() + " failed "
                + what + " (retried in " + backoff + " ms): " + InboundProgress.describe(e), first ? e : null);
        releaseEndpoint(); // the container may have discarded the instance: take a fresh one
        hub.pause(backoff, this::stopping);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
    }

    private SintraListener endpoint() throws UnavailableException {
        if (endpoint == null) {
            endpoint = factory.createEndpoint(null);
        }
        return (SintraListener) endpoint;
    }

    private void releaseEndpoint() {
        MessageEndpoint e = endpoint;
        endpoint = null;
        if (e != null) {
            try {
                e.release();
            } catch (RuntimeException ex) {
                LOG.log(Level.FINE, "Sintra EE: releasing an endpoint of " + progress.endpoint(), ex);
            }
        }
    }

    private boolean stopping() {
        return stopping;
    }

    /** Asks the work to end (between calls); see {@link #awaitDone}. */
    @Override
    public void release() {
        stopping = true;
        hub.wake();
    }

    /** Waits for the work to end; false if it did not within the time. */
    boolean awaitDone(long millis) throws InterruptedException {
        return done.await(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public String toString() {
        return "Sintra EE delivery to " + progress.endpoint();
    }
}
