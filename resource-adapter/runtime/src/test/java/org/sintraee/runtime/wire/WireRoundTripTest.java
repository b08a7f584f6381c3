package org.sintraee.runtime.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.mvba.MvbaMessage;

/** Every message the protocols really send, and every nested layer of it, survives encode then decode unchanged. */
class WireRoundTripTest {
    private static final Tag TAG = Tag.of("svc", "wire").child(7);

    static void roundTrip(Object m) {
        byte[] frame = WireCodec.encode(TAG, m);
        Decoded<WireCodec.Frame> d = WireCodec.decode(frame);
        assertTrue(d.ok(), () -> d.error() + " for " + m);
        assertEquals(TAG, d.get().tag());
        assertEquals(m, d.get().message());
        assertArrayEquals(frame, WireCodec.encode(d.get().tag(), d.get().message()), "canonical re-encoding");
    }

    @Test
    void realMessagesOfEveryKindRoundTrip() {
        List<Object> real = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            real.addAll(WireCaptures.rbcRun(seed));
            real.addAll(WireCaptures.abaRun(seed));
            real.addAll(WireCaptures.stackRun(seed, 4));
        }
        Set<String> seen = new TreeSet<>();
        int frames = 0;
        int proofs = 0;
        for (Object m : real) {
            for (Object layer : WireCaptures.layers(m)) {
                roundTrip(layer);
                frames++;
                if (layer instanceof MvbaMessage.VVote v && v.proof().isPresent()) {
                    proofs++;
                }
            }
            WireCaptures.kinds(m, seen);
        }
        Set<String> fromRuns = new TreeSet<>(seen);
        for (Object m : WireCaptures.synthetic()) {
            roundTrip(m);
            WireCaptures.kinds(m, seen);
        }
        Set<String> missing = new TreeSet<>(WireCaptures.allKinds());
        missing.removeAll(seen);
        assertTrue(missing.isEmpty(), "kinds never round-tripped: " + missing);
        assertTrue(proofs > 0, "no V-VOTE carried a c-broadcast proof");
        // The simulated runs themselves must exercise the bulk of the kinds, not the hand-built list.
        assertTrue(fromRuns.size() >= 27, "runs covered only " + fromRuns);
        System.out.println("wire round trip: " + real.size() + " captured messages, " + frames + " frames, "
                + fromRuns.size() + "/" + WireCaptures.allKinds().size() + " kinds from runs; synthetic only: "
                + new TreeSet<>(WireCaptures.allKinds()).stream().filter(k -> !fromRuns.contains(k)).toList());
    }

    @Test
    void rejectsTrailingBytesBadVersionUnknownKindsAndBadTags() {
        byte[] ok = WireCodec.encode(TAG, WireCaptures.synthetic().get(0));
        byte[] trailing = java.util.Arrays.copyOf(ok, ok.length + 1);
        assertFalse(WireCodec.decode(trailing).ok());
        byte[] version = ok.clone();
        version[2] = 2;
        assertTrue(WireCodec.decode(version).error().contains("version"));
        byte[] magic = ok.clone();
        magic[0] = 'X';
        assertTrue(WireCodec.decode(magic).error().contains("magic"));
        int familyAt = 5 + TAG.toString().length();
        byte[] family = ok.clone();
        family[familyAt] = 99;
        assertTrue(WireCodec.decode(family).error().contains("family"));
        byte[] kind = ok.clone();
        kind[familyAt + 1] = 99;
        assertTrue(WireCodec.decode(kind).error().contains("kind"));
        byte[] tag = ok.clone();
        tag[5] = 'A'; // upper case is not a tag character
        assertTrue(WireCodec.decode(tag).error().contains("tag"));
        assertFalse(WireCodec.decode(null).ok());
        assertFalse(WireCodec.decode(new byte[0]).ok());
    }
}
