package org.sintraee.rar;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.sintraee.api.NotBroadcastException;
import org.sintraee.api.SintraException;

/**
 * Decides when a connection's request is broadcast: inside an active JTA transaction it joins
 * the transaction's {@link CommitBuffer} (broadcast after commit, never after rollback); with no
 * transaction, or with no registry from the container, it goes to the node at once.
 *
 * <p>Needs no thread of its own: broadcasts happen on the caller's or the committing thread
 * (the node's submit never blocks), results arrive on the node's delivery thread.
 */
final class OutboundSubmitter {

    /** The key of this adapter's buffer in each transaction; one object per adapter start. */
    private final Object bufferKey = new Object();
    private final TransactionSynchronizationRegistry registry; // null: none available
    private final Function<byte[], CompletableFuture<Long>> node;
    private final int maxRequestBytes;
    private final DeliveryActivity activity; // null: latencies are not recorded

    OutboundSubmitter(TransactionSynchronizationRegistry registry, Function<byte[], CompletableFuture<Long>> node,
                      int maxRequestBytes) {
        this(registry, node, maxRequestBytes, null);
    }

    /** As the other constructor, and records each request's hand-over-to-delivery latency in {@code activity}. */
    OutboundSubmitter(TransactionSynchronizationRegistry registry, Function<byte[], CompletableFuture<Long>> node,
                      int maxRequestBytes, DeliveryActivity activity) {
        this.registry = registry;
        // timed at the hand-over to the node (after the commit, inside a transaction): the
        // replicas' latency, not the application's transaction
        this.node = activity == null ? node : activity.timed(node);
        this.maxRequestBytes = maxRequestBytes;
        this.activity = activity;
    }

    /** The same registry, limit and activity with another node (the adapter's test seam). */
    OutboundSubmitter withNode(Function<byte[], CompletableFuture<Long>> other) {
        return new OutboundSubmitter(registry, other, maxRequestBytes, activity);
    }

    CompletionStage<Long> submit(byte[] request) {
        if (request == null) {
            throw new IllegalArgumentException("Sintra EE: the request is null");
        }
        if (request.length > maxRequestBytes) {
            throw new IllegalArgumentException("Sintra EE: a request of " + request.length
                    + " bytes exceeds the replica's limit of " + maxRequestBytes + " bytes");
        }
        byte[] copy = request.clone(); // the caller may reuse its array before the commit
        CompletableFuture<Long> caller = new CompletableFuture<>();
        CommitBuffer buffer = bufferOfCurrentTransaction();
        if (buffer == null) {
            SubmitResults.broadcast(node, copy, caller);
        } else if (!buffer.add(copy, caller)) {
            throw new SintraException("Sintra EE: the transaction has already ended; the request was not broadcast");
        }
        // minimal: the application cannot complete it itself, so it never completes before the commit
        return caller.minimalCompletionStage();
    }

    /**
     * Encrypts at once with {@code encrypt} (so the plaintext never waits in the transaction),
     * then handles the ciphertext request exactly as {@link #submit}: broadcast after the commit,
     * never after a rollback.
     */
    CompletionStage<Long> submitEncrypted(byte[] plaintext, Function<byte[], byte[]> encrypt) {
        if (plaintext == null) {
            throw new IllegalArgumentException("Sintra EE: the request is null");
        }
        byte[] request;
        try {
            request = encrypt.apply(plaintext);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Sintra EE: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new SintraException("Sintra EE: the replica cannot encrypt: " + e.getMessage(), e);
        }
        return submit(request);
    }

    /** The current transaction's buffer, made on its first request; null outside a transaction. */
    private CommitBuffer bufferOfCurrentTransaction() {
        if (registry == null || registry.getTransactionKey() == null) {
            return null;
        }
        int status = registry.getTransactionStatus();
        switch (status) {
            case Status.STATUS_NO_TRANSACTION:
                return null;
            case Status.STATUS_ACTIVE:
                break;
            case Status.STATUS_MARKED_ROLLBACK:
                throw new NotBroadcastException(
                        "Sintra EE: the transaction is marked for rollback; the request was not broadcast");
            default:
                throw new SintraException("Sintra EE: the transaction is completing (status " + status
                        + ") and cannot take a request; submit before it ends");
        }
        // one thread works in a transaction at a time, so get-then-put does not race
        CommitBuffer buffer = (CommitBuffer) registry.getResource(bufferKey);
        if (buffer == null) {
            buffer = new CommitBuffer(node);
            try {
                registry.registerInterposedSynchronization(buffer);
            } catch (RuntimeException e) { // the transaction ended or is ending meanwhile
                throw new SintraException("Sintra EE: could not join the transaction; the request was not broadcast: "
                        + e, e);
            }
            registry.putResource(bufferKey, buffer);
        }
        return buffer;
    }
}
