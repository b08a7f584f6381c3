package org.sintraee.rar;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.sintraee.api.SintraBusyException;
import org.sintraee.api.SintraException;
import org.sintraee.runtime.node.NodeBusyException;
import org.sintraee.runtime.node.NodeStoppedException;

/** Hands a request to the node and turns the node's result into the api's terms for the caller's stage. */
final class SubmitResults {

    private SubmitResults() {
    }

    /** Broadcasts now; {@code caller} completes with the seq or the api's exception. Never throws. */
    static void broadcast(Function<byte[], CompletableFuture<Long>> node, byte[] request,
                          CompletableFuture<Long> caller) {
        CompletableFuture<Long> result;
        try {
            result = node.apply(request);
        } catch (RuntimeException e) {
            caller.completeExceptionally(translate(e));
            return;
        }
        result.whenComplete((seq, failure) -> {
            if (failure == null) {
                caller.complete(seq);
            } else {
                caller.completeExceptionally(translate(failure));
            }
        });
    }

    /** A failed certify(seq) in the api's terms: busy, or why this server has no certificate for seq. */
    static SintraException translateCertify(long seq, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof NodeBusyException) {
            return new SintraBusyException("Sintra EE: the replica is busy; retry certify later: " + cause.getMessage(),
                    cause);
        }
        return new SintraException("Sintra EE: no order certificate for seq " + seq + ": " + cause.getMessage(), cause);
    }

    static SintraException translate(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof SintraException sintra) {
            return sintra;
        }
        if (cause instanceof NodeBusyException) {
            return new SintraBusyException("Sintra EE: the replica is busy and did not take the request; retry later: "
                    + cause.getMessage(), cause);
        }
        if (cause instanceof NodeStoppedException) {
            return new SintraException("Sintra EE: the replica stopped; whether the other servers deliver the request"
                    + " is unknown here: " + cause.getMessage(), cause);
        }
        if (cause instanceof IllegalArgumentException) {
            return new SintraException("Sintra EE: the replica refused the request: " + cause.getMessage(), cause);
        }
        return new SintraException("Sintra EE: the request failed: " + cause, cause);
    }
}
