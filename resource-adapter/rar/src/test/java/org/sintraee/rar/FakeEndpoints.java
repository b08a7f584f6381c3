package org.sintraee.rar;

import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;
import javax.transaction.xa.XAResource;
import org.sintraee.api.Delivery;
import org.sintraee.api.SintraListener;

/**
 * A message endpoint factory as a container offers one for an MDB: each endpoint is a proxy
 * implementing MessageEndpoint and SintraListener, calling one application "bean" that keeps
 * its applied position (as OrderedDeliveryBean does in its database) and records every call.
 */
final class FakeEndpoints implements MessageEndpointFactory {

    private final Object lock = new Object();
    private long position;
    private final List<Delivery> applied = new ArrayList<>();
    private final List<Long> attempts = new ArrayList<>();
    private volatile LongPredicate failing = seq -> false;
    private volatile long lostCommit = -1;
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger released = new AtomicInteger();
    private final boolean transacted;

    FakeEndpoints(long position, boolean transacted) {
        this.position = position;
        this.transacted = transacted;
    }

    /** The next call for {@code seq} returns normally but applies nothing: a commit lost silently. */
    void loseCommitOnce(long seq) {
        lostCommit = seq;
    }

    /** Deliveries of the seqs {@code failing} accepts throw (and are not applied) until changed. */
    void failWhen(LongPredicate seqs) {
        failing = seqs;
    }

    List<Delivery> applied() {
        synchronized (lock) {
            return List.copyOf(applied);
        }
    }

    List<Long> attempts() {
        synchronized (lock) {
            return List.copyOf(attempts);
        }
    }

    int created() {
        return created.get();
    }

    int released() {
        return released.get();
    }

    private final SintraListener bean = new SintraListener() {
        @Override
        public void onDelivery(Delivery d) {
            synchronized (lock) {
                attempts.add(d.seq());
                if (failing.test(d.seq())) {
                    throw new IllegalStateException("the test fails seq " + d.seq());
                }
                if (d.seq() > position) { // as the real bean: never leave a gap
                    throw new IllegalStateException("delivery " + d.seq() + " would skip seqs from " + position);
                }
                if (d.seq() == lostCommit) {
                    lostCommit = -1;
                    return;
                }
                if (d.seq() == position) { // idempotent, as the real bean
                    applied.add(d);
                    position = d.seq() + 1;
                }
            }
        }

        @Override
        public long firstUnapplied() {
            synchronized (lock) {
                return position;
            }
        }
    };

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource) {
        created.incrementAndGet();
        return (MessageEndpoint) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MessageEndpoint.class, SintraListener.class}, (proxy, method, args) -> {
                    if (method.getName().equals("release")) {
                        released.incrementAndGet();
                        return null;
                    }
                    if (method.getDeclaringClass() == SintraListener.class) {
                        try {
                            return method.invoke(bean, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                    if (method.getDeclaringClass() == Object.class) {
                        return method.invoke(this, args);
                    }
                    return null; // beforeDelivery / afterDelivery: not used by the adapter
                });
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) {
        return createEndpoint(xaResource);
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
        return transacted;
    }

    @Override
    public String getActivationName() {
        return "test#OrderedBean";
    }

    @Override
    public Class<?> getEndpointClass() {
        return FakeEndpoints.class;
    }
}
