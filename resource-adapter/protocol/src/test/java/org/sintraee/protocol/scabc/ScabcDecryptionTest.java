package org.sintraee.protocol.scabc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.Ciphertext;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.Share;
import org.sintraee.protocol.scabc.ScabcFixtures.Crypto;
import org.sintraee.protocol.sim.Contexts;

/** One layer driven by hand (n = 4, t = 1, mock decryption): misuse, order, windows, faults, labels. */
class ScabcDecryptionTest {
    private static final int N = 4;
    private final Crypto crypto = Crypto.mock(N);
    private final List<ServerContext> ctxs = Contexts.mock(N, 1);

    private ScabcDecryption layer(int maxPending) {
        return new ScabcDecryption(ctxs.get(0), ScabcFixtures.TAG, crypto.scheme(), crypto.key(1), maxPending);
    }

    private Ciphertext request(long id, String text) {
        return ScabcClient.encrypt(crypto.scheme(), ScabcFixtures.TAG, "alice", id, text.getBytes(),
                new SeededRandom(id));
    }

    private ScabcMessage.DecShare share(int server, long seq, Ciphertext c) {
        return new ScabcMessage.DecShare(seq, crypto.key(server).decryptionShare(c).orElseThrow());
    }

    private static ScabcInput.Ordered ordered(long seq, Ciphertext c) {
        return new ScabcInput.Ordered(seq, c.encode());
    }

    @Test
    void localMisuseThrows() {
        ScabcDecryption l = layer(1);
        assertThrows(IllegalArgumentException.class, () -> l.handleInput(ordered(1, request(0, "a"))));
        l.handleInput(ordered(0, request(0, "a")));
        assertFalse(l.acceptsInput());
        assertThrows(IllegalStateException.class, () -> l.handleInput(ordered(1, request(1, "b"))));
        assertThrows(IllegalArgumentException.class,
                () -> new ScabcDecryption(ctxs.get(0), ScabcFixtures.TAG, crypto.scheme(), crypto.key(2), 4));
        assertThrows(IllegalArgumentException.class,
                () -> new ScabcDecryption(ctxs.get(0), ScabcFixtures.TAG, Crypto.mock(N).scheme(), crypto.key(1), 0));
        assertFalse(l.terminated());
    }

    @Test
    void sharesAreReleasedOnOrderAndDeliveryNeverOvertakes() {
        ScabcDecryption l = layer(4);
        Ciphertext a = request(0, "first");
        Ciphertext b = request(1, "second");
        Step<ScabcMessage, ScabcDelivery> s0 = l.handleInput(ordered(0, a));
        assertEquals(List.of(share(1, 0, a)), s0.messages().stream().map(m -> m.message()).toList());
        assertEquals("dec-share/0", s0.durable().get(0).what());
        l.handleInput(ordered(1, b));
        assertTrue(l.handleMessage(1, share(1, 1, b)).outputs().isEmpty());
        assertTrue(l.handleMessage(3, share(3, 1, b)).outputs().isEmpty(), "seq 1 decrypted, but waits for seq 0");
        assertTrue(l.handleMessage(2, share(2, 0, a)).outputs().isEmpty(), "one share is not t + 1");
        Step<ScabcMessage, ScabcDelivery> done = l.handleMessage(4, share(4, 0, a));
        assertEquals(List.of(new ScabcDelivery.Delivered(0, "first".getBytes()),
                new ScabcDelivery.Delivered(1, "second".getBytes())), done.outputs());
        assertTrue(l.handleMessage(1, share(1, 0, a)).isEmpty(), "late shares are ignored");
    }

    @Test
    void replaysAndInvalidCiphertextsAreSkippedWithoutAShare() {
        ScabcDecryption l = layer(8);
        Ciphertext a = request(0, "x");
        Ciphertext relabelled = new Ciphertext(ScabcClient.label(ScabcFixtures.TAG, "mallory", 0), a.body());
        Step<ScabcMessage, ScabcDelivery> s = l.handleInput(ordered(0, relabelled));
        assertTrue(s.messages().isEmpty() && s.durable().isEmpty());
        assertTrue(((ScabcDelivery.Skipped) s.outputs().get(0)).reason().startsWith("invalid ciphertext"));
        assertEquals(1, l.handleInput(ordered(1, a)).messages().size());
        Step<ScabcMessage, ScabcDelivery> replay = l.handleInput(ordered(2, a));
        assertTrue(replay.messages().isEmpty());
        Step<ScabcMessage, ScabcDelivery> unexpected = l.handleMessage(2, share(2, 2, a));
        assertEquals(FaultKind.UNEXPECTED, unexpected.faults().get(0).kind());
        assertTrue(l.handleMessage(1, share(1, 1, a)).isEmpty(), "own share, back from the network");
        Step<ScabcMessage, ScabcDelivery> out = l.handleMessage(2, share(2, 1, a));
        assertEquals(List.of(new ScabcDelivery.Delivered(1, "x".getBytes()),
                new ScabcDelivery.Skipped(2, "replays the key of the ciphertext ordered at 1")), out.outputs());
        Step<ScabcMessage, ScabcDelivery> junk = l.handleInput(new ScabcInput.Ordered(3, new byte[] {1, 2}));
        assertTrue(((ScabcDelivery.Skipped) junk.outputs().get(0)).reason().startsWith("invalid ciphertext: undecodable"));
    }

    @Test
    void peerFaultsAreRecordedNotThrown() {
        ScabcDecryption l = layer(4);
        Ciphertext a = request(0, "y");
        l.handleInput(ordered(0, a));
        assertEquals(FaultKind.MALFORMED, l.handleMessage(2, share(3, 0, a)).faults().get(0).kind());
        assertEquals(FaultKind.MALFORMED, l.handleMessage(9, share(3, 0, a)).faults().get(0).kind());
        assertEquals(FaultKind.INVALID_PROOF,
                l.handleMessage(2, new ScabcMessage.DecShare(0, new Share(2, new byte[32]))).faults().get(0).kind());
        Step<ScabcMessage, ScabcDelivery> again = l.handleMessage(2, share(2, 0, a));
        assertEquals(FaultKind.EQUIVOCATION, again.faults().get(0).kind());
        assertTrue(again.outputs().isEmpty(), "the first (invalid) share fills server 2's slot");
        assertTrue(l.handleMessage(1, share(1, 0, a)).isEmpty(), "own share, back from the network");
        assertEquals(1, l.handleMessage(3, share(3, 0, a)).outputs().size());
    }

    @Test
    void futureSharesAreBufferedInsideTheWindowAndDroppedBeyondIt() {
        ScabcDecryption l = layer(2); // window: seqs below 0 + 2 * 2
        Ciphertext a = request(0, "a");
        Ciphertext d = request(3, "d");
        assertTrue(l.handleMessage(2, share(2, 0, a)).isEmpty());
        assertEquals(FaultKind.EQUIVOCATION,
                l.handleMessage(2, new ScabcMessage.DecShare(0, new Share(2, new byte[32]))).faults().get(0).kind());
        assertTrue(l.handleMessage(2, share(2, 3, d)).isEmpty());
        assertTrue(l.handleMessage(3, share(3, 4, d)).isEmpty(), "beyond the window: dropped, nobody blamed");
        assertEquals(2, l.bufferedShares());
        l.handleInput(ordered(0, a));
        assertEquals(1, l.bufferedShares());
        assertEquals(1, l.handleMessage(1, share(1, 0, a)).outputs().size(), "own share + the buffered one");
    }

    @Test
    void admissionAndLabels() {
        byte[] prefix = ScabcClient.labelPrefix(ScabcFixtures.TAG);
        Ciphertext a = request(5, "z");
        assertTrue(ScabcDecryption.admit(crypto.scheme(), a.encode(), prefix).isValid());
        assertTrue(ScabcDecryption.admit(crypto.scheme(), a.encode(), null).isValid());
        assertFalse(ScabcDecryption.admit(crypto.scheme(), a.encode(),
                ScabcClient.labelPrefix(Tag.of("svc", "other"))).isValid());
        assertFalse(ScabcDecryption.admit(crypto.scheme(), new byte[3], prefix).isValid());
        Ciphertext raw = crypto.scheme().encrypt(new byte[] {1, 2, 3}, new byte[] {4}, new SeededRandom(1));
        assertFalse(ScabcDecryption.admit(crypto.scheme(), raw.encode(), null).isValid(), "non-canonical label");
        assertThrows(IllegalArgumentException.class, () -> ScabcClient.label(ScabcFixtures.TAG, "", 1));
        assertFalse(java.util.Arrays.equals(ScabcClient.label(ScabcFixtures.TAG, "a", 1),
                ScabcClient.label(ScabcFixtures.TAG, "a", 2)));
    }

    @Test
    void resumedLayerKeepsReplayKeysAndStartsAtItsNextSeq() {
        Ciphertext a = request(0, "before the restart");
        Ciphertext b = request(1, "after");
        java.util.TreeMap<Long, org.sintraee.protocol.core.Bytes> decrypted = new java.util.TreeMap<>();
        decrypted.put(1L, org.sintraee.protocol.core.Bytes.of(a.encode()));
        ScabcDecryption l = ScabcDecryption.resume(ctxs.get(0), ScabcFixtures.TAG, crypto.scheme(), crypto.key(1), 4,
                3, decrypted);
        assertEquals(3, l.nextSeq());
        assertEquals(3, l.outputCount());
        assertThrows(IllegalArgumentException.class, () -> l.handleInput(ordered(2, b)));
        assertTrue(l.handleMessage(2, share(2, 1, a)).isEmpty(), "positions before the resume point are output");
        Step<ScabcMessage, ScabcDelivery> copy = l.handleInput(ordered(3, a));
        assertTrue(copy.messages().isEmpty(), "no share for a copy of a ciphertext decrypted before the restart");
        assertEquals(List.of(new ScabcDelivery.Skipped(3, "replays the key of the ciphertext ordered at 1")),
                copy.outputs());
        assertEquals(List.of(share(1, 4, b)),
                l.handleInput(ordered(4, b)).messages().stream().map(m -> m.message()).toList());
        decrypted.put(3L, org.sintraee.protocol.core.Bytes.of(b.encode()));
        assertThrows(IllegalArgumentException.class, () -> ScabcDecryption.resume(ctxs.get(0), ScabcFixtures.TAG,
                crypto.scheme(), crypto.key(1), 4, 3, decrypted), "a position at or past the resume point");
    }
}
