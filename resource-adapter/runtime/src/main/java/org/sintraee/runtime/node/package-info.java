/**
 * The replica's node loop: one thread that owns the atomic broadcast
 * ({@link org.sintraee.protocol.abc.AtomicBroadcast}) and works through a mailbox.
 *
 * <p><b>Threads.</b> {@link org.sintraee.runtime.node.Node#start} runs ONE long-lived task on
 * the given executor (it keeps that thread until close). Links call
 * {@link org.sintraee.runtime.node.Node#received} on their own threads, which decode the frame
 * (so decoding is spread over the readers); submitters, metrics readers and close may be any
 * thread. The node creates no threads.
 *
 * <p><b>Durability before sending (group commit).</b> Each turn the loop processes the copies
 * of its own messages addressed to itself, then up to {@code drainBatch} mailbox events; it
 * appends every durable record and every delivery of those steps to the journal, calls
 * {@code sync()} once, then hands the steps' messages to the {@link org.sintraee.runtime.node.Outbox}
 * in step order, then gives the deliveries to the {@link org.sintraee.runtime.node.DeliveryListener}
 * and completes the submitters' futures. So no message leaves, and nobody sees a delivery,
 * before the records of its own step and of every earlier step are durable. Copies for this
 * server itself ({@code Target.all()} or {@code Target.to(self)}) never touch the links: they
 * re-enter the loop as messages from self, also only after the sync. A failed sync or append
 * (IOException) stops the node before anything else is sent.
 *
 * <p><b>Bounds and fairness.</b> The mailbox gives each peer a share of {@code perPeerInbound}
 * frames and {@code perPeerInboundBytes} bytes: when it is full, {@code received} blocks that
 * peer's caller only (TCP backpressure on that link), never another peer's. Local submissions
 * get what remains of {@code mailboxCapacity} and never block: a full share, or a full
 * broadcast queue ({@code maxQueue}), completes the future with
 * {@link org.sintraee.runtime.node.NodeBusyException}.
 *
 * <p><b>Faults.</b> An undecodable frame ({@code MALFORMED}), a frame for another instance
 * than the node's tag ({@code UNEXPECTED}) and a message of the wrong type for the tag
 * ({@code MALFORMED}) count against the sending peer, as do the faults the protocol steps
 * report; fault logs are at FINE, at most 10 lines a second. None of it is an exception. An
 * exception from the broadcast itself (local misuse or a bug) is logged SEVERE and stops the
 * node: pending submissions fail, {@link org.sintraee.runtime.node.NodeMetrics#failure()} says why.
 *
 * <p><b>Gauges.</b> The agreement gauges of the current round are derived from the durable
 * records this server wrote (its own votes and shares), see
 * {@link org.sintraee.runtime.node.RoundActivity}: iteration = highest {@code v-vote/l} + 1 under
 * {@code tag/r/mvba}; ABBA rounds = {@code pre-vote/k} records under {@code tag/r/mvba/aba/*};
 * coin tosses = {@code coin-share} records under {@code tag/r/mvba}. They count what this
 * server took part in, not what others did.
 *
 * <p><b>Limits.</b> A journal that holds a previous run is refused (restart recovery needs the
 * verifiable catch-up, not built yet). A request already delivered cannot be submitted again
 * (its seq is not kept). The futures complete on the loop thread.
 */
package org.sintraee.runtime.node;
