/**
 * The replica's node loop: one thread that owns the atomic broadcast
 * ({@link org.sintraee.protocol.abc.AtomicBroadcast}), or in the benchmark's limit mode a
 * non-fault-tolerant fixed-leader order (see "Limit mode"), and works through a mailbox.
 *
 * <p><b>Threads.</b> {@link org.sintraee.runtime.node.Node#start} runs ONE long-lived task on
 * the given executor (it keeps that thread until close). Links call
 * {@link org.sintraee.runtime.node.Node#received} on their own threads, which decode the frame
 * (so decoding is spread over the readers); submitters, metrics readers and close may be any
 * thread. The node creates no threads and needs no other task.
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
 * <p><b>Decided rounds.</b> After every step the loop appends, for each round the step decided,
 * a journal {@code Decided(round, nextSeqAfter, proof)} record after that round's deliveries,
 * in the same group commit, and keeps only its file offset in memory ({@link
 * org.sintraee.runtime.node.DecidedIndex}: two longs per round, never the proofs).
 *
 * <p><b>Catch-up</b> (family {@code CATCHUP} of the wire codec; {@link org.sintraee.runtime.node.CatchUp}).
 * Serving: {@code FETCH(r)} is answered with {@code PROOF(r, proof)} from the broadcast's
 * recent proofs or from the journal (one random read), after the group's sync, at most
 * {@code SERVE_BURST} answers then {@code SERVE_PER_SECOND} per peer, at most {@code SERVE_QUEUE}
 * requests waiting per peer (more are dropped; the asker re-asks); nothing if r is not held.
 * Fetching: at start every peer is asked for the current round once (an idle system shows its
 * last rounds in no later message); when {@code evidenceOfRound() > round()} ({@code honestOne()}
 * servers are ahead), or the last answers moved us on, the next {@code WINDOW} rounds are asked of
 * one peer; after 500 ms without progress the next peer is asked (when nothing shows we are behind,
 * a one-round probe backing off to 8 s, so an idle replica sends one small FETCH every 8 s at
 * most). Time only paces asking; every PROOF is checked by {@code adopt}, so one honest answering
 * peer suffices and a lying one is an {@code INVALID_PROOF} fault (undecodable: {@code MALFORMED}).
 * Proofs for rounds up to {@code ROUND_WINDOW} ahead wait in a bounded map (one per round) and
 * are fed in order; others are dropped. Adoption goes through the same group commit.
 *
 * <p><b>Restart.</b> A node built on a journal that holds records resumes: round = last
 * Decided round + 1 (0 if none), next seq = its nextSeqAfter, the digests of the journal's
 * last {@code DEDUP_WINDOW} deliveries below it, and silence through the highest round of its own durable records
 * ({@code AtomicBroadcast.resume}), so it never contradicts what it said before the crash; it
 * catches up as above. Deliveries journaled past the last Decided marker (a crash inside a group
 * commit) are re-derived by {@code adopt}: each must equal the journal's (else the node fails
 * loudly: a bug or a foreign journal), and is neither journaled nor handed out again.
 * <b>The {@link org.sintraee.runtime.node.DeliveryListener} sees the whole sequence from seq 0
 * on every start</b>: the journaled deliveries first, in order, before any new one (the standalone
 * replica rebuilds its delivery chain this way, read back from the journal file in slices).
 * Memory at recovery is bounded, not the log's size: the journal is streamed once
 * ({@code Journal.replay}, one record at a time) into {@code Recovery}, which keeps the digests
 * of the last {@code AtomicBroadcast.DEDUP_WINDOW} deliveries, the deliveries past the last
 * marker, the Decided index (two longs per round) and, for encrypted requests, one ciphertext
 * per decrypted position (the decryption layer's replay keys grow the same way).
 *
 * <p><b>Limit mode ({@link org.sintraee.runtime.node.NodeSettings.Order#LEADER}): NOT fault
 * tolerant.</b> The benchmark's upper bound runs the same loop, mailbox, wire codec, journal and
 * delivery with agreement replaced by a trivial fixed-leader order ({@code LeaderOrder}): followers
 * send signed batches of their new requests to server 1, which numbers its own signed batches and
 * broadcasts them; everyone delivers them in number order, each request once. Server 1 decides
 * everything: if it crashes nothing more is delivered, if it lies everyone delivers the lie. It is
 * never the product. Catch-up, Decided records and restart are off there (catch-up frames are an
 * {@code UNEXPECTED} fault), and a LEADER node refuses a journal that holds records.
 *
 * <p><b>Order certificates</b> ({@link org.sintraee.runtime.node.Node#certify}; family {@code CERT}
 * of the wire codec, instance {@code <tag>/cert}; the protocol is
 * {@link org.sintraee.protocol.cert.RoundCertifier}). After each group's sync, the deliveries
 * handed out are grouped by round (a round's deliveries always come in one step), each round's
 * leaves and Merkle root ({@link org.sintraee.api.OrderHashes}) are kept, and its statement goes
 * to the certifier. {@code certify(seq)} asks the certifier to sign seq's round; the future
 * completes with the round's combined signature and seq's Merkle path. Bounds: the last 256
 * rounds (by round number) and at most 2^18 leaves (8 MiB), oldest dropped first; at most 4096
 * waiting calls. Rounds delivered before this node started (journal replay) are not kept. The
 * certifier writes no journal record (its shares are deterministic), so its frames leave at once.
 *
 * <p><b>Checkpoints</b> ({@link org.sintraee.api.CheckpointCertificate}; family {@code CERT} of
 * the wire codec, instance {@code <tag>/checkpoint}, a second
 * {@link org.sintraee.protocol.cert.RoundCertifier}; the loop's part is {@code Checkpoints}). The
 * loop keeps the chain ({@link org.sintraee.api.OrderHashes#chain}) over the ordered sequence
 * (for an encrypted request, its ciphertext as ordered) and, per decided round of the current
 * interval, the round leaf (round, next seq after it, chain there). After the sync of the group
 * that decided a round r with {@code (r + 1) % checkpointInterval == 0} (a round decided in this
 * run: by agreement, re-derived, adopted or taken from a checkpoint, so its next seq is exact),
 * every server signs the statement (r, next seq, chain, first round, Merkle root of the interval's
 * leaves) with its share of the service key, unasked, so t + 1 shares meet everywhere; the
 * combined signature is one {@code Checkpoint} record in the journal, with the leaves, and the
 * newest one shows in {@link org.sintraee.runtime.node.NodeMetrics#checkpoint()}. A restarted
 * node recomputes the chain and the current leaves while it streams the journal. Cost: one share,
 * and at most n verified, per interval; bad shares count as the sender's {@code INVALID_PROOF}
 * until t + 1 valid ones are held.
 *
 * <p><b>Pruning.</b> Proofs live in journal segments that start anew after each interval's last
 * round. Once a checkpoint record is synced, the segments whose rounds it covers are deleted;
 * deliveries, durable records, Decided markers and checkpoints stay. A peer asking for a pruned
 * round r gets {@code CHECKPOINTED(r, state)} instead of {@code PROOF}: the round's deliveries
 * read from the journal, the checkpoint whose interval holds r and r's Merkle path under it
 * ({@code CheckpointedRound}). The asker checks the checkpoint's signature with the service key
 * and that the deliveries carry its own chain to the value r's leaf names, then takes the round
 * ({@code AtomicBroadcast.adoptDelivered}) and journals its marker without a proof; anything else
 * is the sender's {@code INVALID_PROOF} (undecodable: {@code MALFORMED}) and the asker goes on to
 * another peer. A server holds a checkpoint only for intervals it certified itself, so it prunes
 * (and serves from checkpoints) only those.
 *
 * <p><b>Encrypted requests</b> (secure causal atomic broadcast, [CKPS01] §6;
 * {@link org.sintraee.runtime.node.Node#submitEncrypted}; family {@code SCABC} of the wire codec,
 * instance {@code <tag>/dec}; the protocol is {@link org.sintraee.protocol.scabc.ScabcDecryption};
 * the loop's part is {@code Decryption}). An encrypted request is an ordinary request whose bytes
 * are {@link org.sintraee.runtime.journal.OpenedRecords#MARKER} + a TDH2 ciphertext labelled
 * {@code (<tag>/dec, "server-<id>", random id)}; {@code submit} refuses one with the marker that
 * fails admission. Every ordered seq enters the decryption layer at position = seq (a plain
 * request as empty bytes, skipped at once), so a server releases its decryption share only after
 * the seq is ordered, journals it in the same group commit, and sends it after the sync. The
 * listener gets seq s (and every later seq) only once s is opened: the plaintext, or an EMPTY
 * request when s cannot be opened (invalid, a replayed key, an undecryptable payload: the same at
 * every honest server). An {@code opened/<seq>} record precedes the release, so replay after a
 * restart shows the same content without decrypting again, and the journal's delivery reader
 * shows it too. A server that orders a seq after its peers opened it (restart between ordering
 * and opening, catch-up) sends its share; each peer answers a late share with its own, kept for
 * its last 16384 shares and at most 32 answers per peer per group. A server lagging further
 * behind holds delivery at that seq until it is restarted with peers that still keep the share
 * (see Decryption). Order certificates cover the released (opened) content. Without a decryption
 * key, encrypted requests are released as ordered (a configuration error).
 *
 * <p><b>Limits.</b> A request among the last {@code AtomicBroadcast.DEDUP_WINDOW} (2^18)
 * deliveries cannot be submitted again (its seq is not kept); older ones are forgotten, and
 * the same bytes are then a new request. The futures complete on the loop thread. The loop
 * waits at most 100 ms for an event (so catch-up can re-ask and pace its answers) and creates
 * no thread for it.
 */
package org.sintraee.runtime.node;
