package org.sintraee.rar;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.logging.Logger;
import org.sintraee.api.NotBroadcastException;

/**
 * The requests one JTA transaction submitted, held until it ends: broadcast in submission order
 * once it committed, dropped otherwise. Registered as an interposed synchronization, so it runs
 * after the transaction's outcome is final; one per transaction and adapter.
 */
final class CommitBuffer implements Synchronization {

    private static final Logger LOG = Logger.getLogger(CommitBuffer.class.getName());

    private record Pending(byte[] request, CompletableFuture<Long> caller) {
    }

    private final Function<byte[], CompletableFuture<Long>> node;
    private final List<Pending> pending = new ArrayList<>();
    private boolean ended;

    CommitBuffer(Function<byte[], CompletableFuture<Long>> node) {
        this.node = node;
    }

    /** Keeps a request until the transaction ends; false if it already ended (a caller's bug or a race). */
    synchronized boolean add(byte[] request, CompletableFuture<Long> caller) {
        if (ended) {
            return false;
        }
        pending.add(new Pending(request, caller));
        return true;
    }

    @Override
    public void beforeCompletion() {
        // the outcome is not known yet: nothing to do
    }

    /** Runs on the thread that ends the transaction, possibly not the one that submitted; never throws. */
    @Override
    public void afterCompletion(int status) {
        List<Pending> taken;
        synchronized (this) {
            ended = true;
            taken = List.copyOf(pending);
            pending.clear();
        }
        if (status == Status.STATUS_COMMITTED) {
            for (Pending p : taken) {
                SubmitResults.broadcast(node, p.request(), p.caller());
            }
            return;
        }
        String why = status == Status.STATUS_ROLLEDBACK
                ? "the transaction rolled back; the request was not broadcast"
                : "the transaction did not commit (status " + status + "); the request was not broadcast";
        if (!taken.isEmpty()) {
            LOG.fine(() -> "Sintra EE: " + taken.size() + " request(s) dropped: " + why);
        }
        for (Pending p : taken) {
            p.caller().completeExceptionally(new NotBroadcastException("Sintra EE: " + why));
        }
    }
}
