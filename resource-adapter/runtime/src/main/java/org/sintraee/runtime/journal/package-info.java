/**
 * The durable journal: one replica's append-only record of what it must never contradict
 * or forget after a crash.
 *
 * <p>Four kinds of record ({@link org.sintraee.runtime.journal.JournalRecord}): the durable
 * records of protocol steps ({@code DurableRecord}: this server's own echoes, votes,
 * signatures and shares, so that a restarted server never says something different), the
 * delivered sequence (sequence number, request bytes), whose numbers are consecutive, and
 * {@code Decided(round, nextSeqAfter, proof)} markers, appended after a round's deliveries
 * (rounds increasing, nextSeqAfter never past the deliveries written). A round's proof may be
 * megabytes, so it is never held in memory: {@code appendDecided} returns the record's file
 * offset, a recovered {@code Decided} carries only (round, nextSeqAfter, offset), and
 * {@link org.sintraee.runtime.journal.Journal#readDecided(long)} reads one proof back, CRC
 * checked, when a peer asks for it. And certified {@code Checkpoint}s
 * ({@link org.sintraee.api.CheckpointCertificate}), each after its round's Decided marker, rounds
 * increasing.
 *
 * <p><b>Durability contract.</b> The runtime appends a {@code Step}'s durable records and
 * calls {@link org.sintraee.runtime.journal.Journal#sync()} BEFORE any of the step's
 * messages leave the server. With the default {@link org.sintraee.runtime.journal.FsyncPolicy#ALWAYS}
 * {@code sync()} returns only after {@code FileChannel.force(true)}, so whatever a peer may
 * have seen survives a crash or power loss. {@code NEVER} is for tests and benchmarks only.
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
 * <p>One file ({@code journal.log}), locked while open; no segments, rotation or compaction
 * yet (a later step: the file grows until then). Not thread-safe beyond its synchronized
 * methods: meant for the single node loop.
 */
package org.sintraee.runtime.journal;
