package org.sintraee.runtime.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sintraee.protocol.core.DurableRecord;
import org.sintraee.protocol.core.Tag;

class RoundActivityTest {
    private static final Tag ABC = Tag.of("abc");

    private static DurableRecord rec(Tag tag, String what) {
        return new DurableRecord(tag, what, new byte[1]);
    }

    @Test
    void gaugesFollowTheCurrentRoundsRecords() {
        RoundActivity a = new RoundActivity(ABC);
        Tag mvba3 = ABC.child(3).child("mvba");
        a.observe(rec(ABC, "batch/3"));
        a.observe(rec(mvba3.child("cbc").child(2), "c-echo"));
        a.observe(rec(mvba3.child("perm"), "coin-share"));
        a.observe(rec(mvba3, "v-vote/0"));
        a.observe(rec(mvba3.child("aba").child(2), "pre-process"));
        a.observe(rec(mvba3.child("aba").child(2), "pre-vote/0"));
        a.observe(rec(mvba3.child("aba").child(2), "main-vote/0"));
        a.observe(rec(mvba3.child("aba").child(2).child("coin").child(0), "coin-share"));
        a.observe(rec(mvba3.child("aba").child(2), "pre-vote/1"));
        a.observe(rec(mvba3, "v-vote/1"));
        a.observe(rec(mvba3.child("aba").child(4), "pre-vote/0"));
        assertEquals(3, a.round());
        assertEquals(2, a.iterations());
        assertEquals(3, a.abbaRounds());
        assertEquals(2, a.coinTosses());
        a.observe(rec(ABC.child(2).child("mvba"), "v-vote/5")); // an older round: ignored
        assertEquals(2, a.iterations());
        a.roundIs(4);
        assertEquals(0, a.iterations() + a.abbaRounds() + a.coinTosses());
        a.observe(rec(ABC.child(5).child("mvba").child("perm"), "coin-share")); // a newer round resets and counts
        assertEquals(5, a.round());
        assertEquals(1, a.coinTosses());
        a.observe(rec(Tag.of("other").child(5).child("mvba"), "v-vote/1"));
        assertEquals(0, a.iterations());
    }
}
