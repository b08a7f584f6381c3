package org.sintraee.api;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A connection handle to the local replica, valid until {@link #close()}.
 * Inside a JTA transaction, the work done through it follows the transaction.
 */
public interface SintraConnection extends AutoCloseable {

    /**
     * The local replica's current status.
     *
     * @throws SintraException if the connection is closed or the replica cannot answer
     */
    ReplicaStatus status();

    /**
     * Submits a request for atomic broadcast to every replica.
     *
     * <p>Inside a JTA transaction the request is broadcast only after the transaction commits,
     * in the order of the transaction's submit calls, and never if it rolls back: the stage then
     * fails with {@link NotBroadcastException}. Outside a transaction it is broadcast at once.
     * The stage completes with the request's seq in the total order once THIS server delivers it,
     * never before the commit. It fails with {@link SintraBusyException} under back-pressure
     * (retry later) and with {@link SintraException} when the replica stopped or refused the
     * request (for example one already delivered: requests are identified by their bytes).
     *
     * <p>Callbacks attached without an executor may run on the replica's delivery thread: keep
     * them short, or use the {@code *Async} variants with the application's executor.
     *
     * @param request the request's bytes; copied before this method returns
     * @return completes with the seq of the request once this server delivered it
     * @throws IllegalArgumentException if the request is larger than the replica accepts
     * @throws SintraException          if the connection is closed, the replica is not running,
     *                                  or the transaction cannot take part (marked for rollback:
     *                                  {@link NotBroadcastException}; or already completing)
     */
    CompletionStage<Long> submit(byte[] request);

    /**
     * Submits a request encrypted for secure causal atomic broadcast: this server encrypts it at
     * once under the service's one threshold public key, and the replicas order the ciphertext;
     * the servers open it together (t+1 decryption shares) only after its place in the total
     * order is fixed, and every server's listeners get the plaintext at that seq. So the other
     * servers, the corrupted ones included, learn the content only once its order is fixed and
     * cannot front-run it (nobody can get a request of their own ordered before it because of
     * its content). THIS server, which encrypts, sees the plaintext, and so does the local
     * application; use a client that encrypts itself to keep it from this server too.
     *
     * <p>Transactions, completion and failures as {@link #submit}: inside a JTA transaction the
     * ciphertext is broadcast only after the commit, never after a rollback. An encrypted request
     * that the servers cannot open (only a corrupted server can get one ordered) is delivered
     * everywhere as an empty request at its seq.
     *
     * @param request the plaintext; encrypted before this method returns
     * @return completes with the seq of the request once this server delivered it
     * @throws IllegalArgumentException if the encrypted request is larger than the replica accepts
     * @throws SintraException          as {@link #submit}
     */
    CompletionStage<Long> submitEncrypted(byte[] request);

    /**
     * The order certificate of {@code seq}: proof, checkable by anyone with the service's one public
     * key ({@link ServiceKeys#readPem}, {@link OrderCertificate#verify}), that the request at seq was
     * ordered there, in its round. The stage completes once t+1 servers' signature shares on seq's
     * round are combined; this server asks the others to sign the round if nobody has yet, so one
     * call suffices. Call it after {@link #submit}'s stage completed (seq is then delivered here).
     *
     * <p>The stage fails with {@link SintraException} if seq is not delivered at this server yet
     * (it does not wait), if its round is too old for this server to still hold its leaves (it
     * keeps the last 256 rounds delivered since it started), or if the replica stopped; with
     * {@link SintraBusyException} under back-pressure (retry later). Callbacks attached without an
     * executor may run on the replica's delivery thread.
     *
     * @param seq a seq of the total order, as {@link #submit}'s stage gave it
     * @throws SintraException if the connection is closed or the replica is not running
     */
    CompletionStage<OrderCertificate> certify(long seq);

    /**
     * The newest checkpoint this server holds: the service's signature, checkable by anyone with
     * its one public key ({@link CheckpointCertificate#verify}), on how many requests were
     * ordered through a round and on the chain over them ({@link OrderHashes#chain}), so that a
     * copy of the log's prefix from any source can be checked ({@link CheckpointCertificate#covers}).
     * The replicas certify one every so many rounds (64 by default); empty before the first.
     *
     * @throws SintraException if the connection is closed or the replica is not running
     */
    Optional<CheckpointCertificate> checkpoint();

    /** Releases the handle; never throws a checked exception. */
    @Override
    void close();
}
