/**
 * The durable journal: one replica's append-only record of what it must never contradict
 * or forget after a crash.
 *
 * <p>Four kinds of record ({@link org.sintraee.runtime.journal.JournalRecord}) in the main file
 * ({@code journal.log}): the durable records of protocol steps ({@code DurableRecord}: this
 * server's own echoes, votes, signatures and shares, so that a restarted server never says
 * something different), the delivered sequence (sequence number, request bytes), whose numbers
 * are consecutive, {@code Decided(round, nextSeqAfter, location)} markers, appended after a
 * round's deliveries (rounds increasing, nextSeqAfter never past the deliveries written), and
 * certified {@code Checkpoint}s ({@link org.sintraee.api.CheckpointCertificate}, with their
 * interval's round leaves), each after its round's Decided marker, rounds increasing. These
 * stay in the main file for good.
 *
 * <p><b>Proof segments.</b> A round's proof (its decided vector of batches) may be megabytes and
 * would double the journal, so it lives apart, in {@code proofs/}: files named by the first round
 * they may hold (zero-padded, {@code proofs/00000000000000000128.log}), each holding rounds from
 * its name's up to the next segment's first round, in the same framing (type 6, body
 * {@code round u64 | proof bytes}). {@code appendDecided} appends the proof to the current
 * segment, then the marker (type 5, body {@code round u64 | nextSeqAfter u64 | location i64})
 * to the main file, and returns the location: the proof frame's offset in its segment, or
 * {@link org.sintraee.runtime.journal.Journal#NO_PROOF} for a round taken without its proof
 * (state transfer). Proofs are never held in memory: a recovered {@code Decided} carries only the
 * location, and {@link org.sintraee.runtime.journal.Journal#readDecided(long, long)} reads one
 * proof back, CRC and round checked, when a peer asks for it. A segment is written from the
 * first proof after open or after {@code rollProofs()}, and never again once another starts.
 * Markers of type 3 (older versions: the proof inline in the main file) are still read; their
 * location is their own offset flagged {@link org.sintraee.runtime.journal.Journal#INLINE}.
 *
 * <p><b>Pruning.</b> A lagging peer gets the rounds up to a certified checkpoint from the
 * checkpoint, so their proofs are not needed any more: {@code pruneProofs(throughRound)} deletes
 * the segments whose rounds all lie at or below it (never the one being written), and
 * {@code readDecided} reads those rounds as empty from then on. The node rolls the segment at
 * each checkpoint so that whole segments fall below the next one.
 *
 * <p><b>Durability contract.</b> The runtime appends a {@code Step}'s durable records and
 * calls {@link org.sintraee.runtime.journal.Journal#sync()} BEFORE any of the step's
 * messages leave the server. With the default {@link org.sintraee.runtime.journal.FsyncPolicy#ALWAYS}
 * {@code sync()} returns only after {@code FileChannel.force(true)}, so whatever a peer may
 * have seen survives a crash or power loss. It forces the current proof segment (and the
 * directory entry of a new one) before the main file, so a synced marker never points at a
 * lost proof. (A marker never synced may still reach the disk without its proof in a power
 * loss; reading that proof then fails as damage, below.) {@code NEVER} is for tests and
 * benchmarks only.
 *
 * <p><b>Framing.</b> Each record is {@code length (int32, big-endian) | CRC32C (int32) |
 * type (1 byte) | body}, where length counts type and body and the CRC covers the length,
 * the type and the body. Lengths are checked against {@link org.sintraee.runtime.journal.JournalFormat#MAX_RECORD}
 * and against the bytes left in the file before anything is allocated.
 *
 * <p><b>Recovery.</b> {@link org.sintraee.runtime.journal.Journal#open} reads every record
 * back in order and checks it, keeping none (memory stays one record, whatever the file's
 * size); {@link org.sintraee.runtime.journal.Journal#replay} streams the checked records again
 * to whoever rebuilds state from them (the node's restart). A damaged record (partial, impossible length, bad CRC) with no valid record
 * anywhere after it is what a crash mid-write leaves: the file is truncated to the last good
 * record and a WARNING is logged (offsets only, never contents). A damaged record followed by
 * a valid one is corruption of acknowledged data and fails with
 * {@link org.sintraee.runtime.journal.JournalCorruptException} (file and byte offset): the
 * journal never drops a good record silently. So do a valid frame with an undecodable body,
 * a delivery whose sequence number is not the previous one plus one, and a Decided marker
 * or a checkpoint out of order. Known limitation:
 * request bytes are client-chosen, so a crash while writing a request that itself contains a
 * well-formed journal frame makes recovery refuse (fail-safe) instead of cutting the tail.
 *
 * <p>Recovery does not read the proof segments: after a crash, the main file is the truth. A
 * segment whose first round is past the last recovered marker can only hold proofs whose markers
 * were lost, and is deleted on open (WARNING); an older segment's torn tail is never read nor
 * appended to (the next proof starts a new segment). A damaged proof that a marker points at is
 * found when it is read: {@code readDecided} fails with a {@code JournalCorruptException} naming
 * the segment and offset. Files in {@code proofs/} whose names are not segments' are ignored
 * (WARNING).
 *
 * <p>The main file only grows (the records above stay for good); the proofs, most of the bytes,
 * go with their segments. The main file is locked while open, and the lock covers the
 * directory. Not thread-safe beyond its synchronized methods: meant for the single node loop.
 */
package org.sintraee.runtime.journal;
