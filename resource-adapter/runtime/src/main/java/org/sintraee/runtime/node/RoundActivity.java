package org.sintraee.runtime.node;

import java.util.List;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.Tag;

/**
 * The agreement gauges of the current ABC round, derived from the durable records this
 * server wrote (every vote and share it gives is one), so no protocol internals are read.
 * Records of round r live under {@code abc/r/mvba}: {@code v-vote/l} in the agreement itself
 * (iteration l, from 0), {@code pre-vote/k} under {@code .../aba/a} (one per binary-agreement
 * round k of candidate a), {@code coin-share} under {@code .../perm} and
 * {@code .../aba/a/coin/k} (one per coin tossed). Records of older rounds are ignored; a
 * newer round resets the gauges. Loop thread only.
 */
final class RoundActivity {
    private final Tag abc;
    private final int depth;
    private long round;
    private int iterations;
    private int abbaRounds;
    private int coinTosses;

    RoundActivity(Tag abc) {
        this.abc = abc;
        this.depth = abc.segments().size();
    }

    void observe(DurableRecord r) {
        List<String> s = r.tag().segments();
        if (s.size() < depth + 2 || !r.tag().startsWith(abc) || !s.get(depth + 1).equals("mvba")) {
            return; // the ABC's own batch/r record, or not ours
        }
        long of;
        try {
            of = Long.parseLong(s.get(depth));
        } catch (NumberFormatException e) {
            return;
        }
        roundIs(of);
        if (of != round) {
            return;
        }
        String what = r.what();
        if (what.startsWith("v-vote/") && s.size() == depth + 2) {
            iterations = Math.max(iterations, suffix(what) + 1);
        } else if (what.startsWith("pre-vote/")) {
            abbaRounds++;
        } else if (what.equals("coin-share")) {
            coinTosses++;
        }
    }

    /** The broadcast is in round {@code r} now: a newer round starts from zero. */
    void roundIs(long r) {
        if (r > round) {
            round = r;
            iterations = 0;
            abbaRounds = 0;
            coinTosses = 0;
        }
    }

    private static int suffix(String what) {
        try {
            return Integer.parseInt(what.substring(what.indexOf('/') + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    long round() {
        return round;
    }

    int iterations() {
        return iterations;
    }

    int abbaRounds() {
        return abbaRounds;
    }

    int coinTosses() {
        return coinTosses;
    }
}
