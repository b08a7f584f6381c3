package org.sintraee.protocol.abc;

import java.util.Collection;
import java.util.OptionalLong;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.Tag;

/**
 * What a journal of atomic broadcast needs to know to rebuild a server for
 * {@link AtomicBroadcast#resume}: a request's identity for deduplication, and which round a
 * durable record of the instance belongs to (see package-info, "Catch-up"). Pure functions.
 */
public final class AbcRecords {
    private AbcRecords() {
    }

    /** A request's identity for deduplication, as {@link AtomicBroadcast#resume} expects the delivered ones. */
    public static Bytes requestDigest(Bytes request) {
        return BatchCodec.digest(request);
    }

    /** The ABC round a journal record of the instance {@code tag} belongs to: {@code batch/r}, or a child {@code tag/r/...}. */
    public static OptionalLong roundOf(Tag tag, DurableRecord record) {
        return CatchUp.roundOf(tag, record);
    }

    /** The highest ABC round among the journal's records of instance {@code tag}, or -1: resume's {@code silentThrough}. */
    public static long lastRoundOf(Tag tag, Collection<DurableRecord> journal) {
        return CatchUp.silentThrough(tag, journal);
    }
}
