package org.sintraee.protocol.abc;

import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.sintraee.protocol.aba.AbaMessage.Decide;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.Verdict;
import org.sintraee.protocol.mvba.ExternalPredicate;
import org.sintraee.protocol.mvba.ValidatedAgreement;
import org.sintraee.protocol.quorum.Quorums;

/**
 * Catch-up's bookkeeping (see package-info, "Catch-up"): checking a round proof, which round a
 * journal record is of, and evidence of progress.
 */
final class CatchUp {
    static final String BATCH_RECORD = "batch/";

    private CatchUp() {
    }

    /** The ABC round of a durable record: {@code batch/r} in the ABC's tag, or any record under {@code tag/r/...}. */
    static OptionalLong roundOf(Tag tag, DurableRecord record) {
        List<String> own = tag.segments();
        List<String> its = record.tag().segments();
        if (its.equals(own)) {
            return record.what().startsWith(BATCH_RECORD) ? number(record.what().substring(BATCH_RECORD.length()))
                    : OptionalLong.empty();
        }
        return record.tag().startsWith(tag) ? number(its.get(own.size())) : OptionalLong.empty();
    }

    /** The highest round any of the records belongs to, or -1: a restarted server says nothing up to it. */
    static long silentThrough(Tag tag, Collection<DurableRecord> journal) {
        long highest = -1;
        for (DurableRecord r : journal) {
            OptionalLong round = roundOf(tag, r);
            if (round.isPresent()) {
                highest = Math.max(highest, round.getAsLong());
            }
        }
        return highest;
    }

    /**
     * The body of {@link AtomicBroadcast#check} for a proof of round {@code p.round() >= 0}, whose
     * agreement is {@code mvbaTag}: the certificate verifies by the agreement's own DECIDE check,
     * π certifies exactly the value, and the value satisfies {@code q}, round r's Q_r.
     */
    static Verdict check(ServerContext ctx, Tag mvbaTag, int maxVectorBytes, RoundProof p, ExternalPredicate q) {
        if (p.iteration() < 1 || p.iteration() > ctx.n() || p.abaRound() < 1) {
            return Verdict.invalid("iteration " + p.iteration() + ", agreement round " + p.abaRound());
        }
        if (p.value().length() > maxVectorBytes) {
            return Verdict.invalid("value of " + p.value().length() + " bytes exceeds " + maxVectorBytes);
        }
        Decide d = p.decide();
        if (d == null) {
            return Verdict.invalid("certificate does not decode");
        }
        byte[] value = p.value().toArray();
        return ValidatedAgreement.verifyDecision(ctx, mvbaTag, value, p.candidate(), d).and(() -> q.check(value));
    }

    private static OptionalLong number(String s) {
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(s));
    }

    /**
     * The highest round each server sent a well-formed message for: one number per server.
     * A round that {@code honestOne()} servers reached was reached by an honest one, so
     * every round before it is decided.
     */
    static final class Evidence {
        private final long[] highest;

        Evidence(int n) {
            highest = new long[n + 1];
            java.util.Arrays.fill(highest, -1);
        }

        void saw(int sender, long round) {
            highest[sender] = Math.max(highest[sender], round);
        }

        /** The highest round {@code sender} sent a well-formed message for, or -1. */
        long of(int sender) {
            return highest[sender];
        }

        /** The highest r that a set of servers containing an honest one all reached, or -1. */
        long round(Quorums quorums) {
            TreeSet<Long> rounds = new TreeSet<>();
            for (int i = 1; i < highest.length; i++) {
                if (highest[i] >= 0) {
                    rounds.add(highest[i]);
                }
            }
            for (long r : rounds.descendingSet()) {
                TreeSet<Integer> reached = new TreeSet<>();
                for (int i = 1; i < highest.length; i++) {
                    if (highest[i] >= r) {
                        reached.add(i);
                    }
                }
                if (quorums.containsHonest(reached)) {
                    return r;
                }
            }
            return -1;
        }
    }
}
