package org.sintraee.runtime.node;

import java.util.Arrays;
import java.util.Optional;
import java.util.TreeMap;

/**
 * This server's own decryption-share frames for its last {@link #WINDOW} shared positions, so
 * that it can send a share again to a peer that opens a position late: a peer restarted after
 * the position was ordered but before it opened, or one that adopted it through catch-up,
 * needs t + 1 shares while everybody else has moved on. Sending an own share again reveals
 * nothing new: the position was opened here, so its order is fixed and its plaintext is
 * out. Only positions this server shared are kept: never an answer for a skipped
 * (invalid or replayed) ciphertext, which would break chosen-ciphertext security.
 *
 * <p>Rate bound: a peer's late share (its request) is answered at most
 * {@link #ANSWERS_PER_GROUP} times per group commit, one frame for one frame, and the peer's
 * inbound share of the mailbox bounds how many requests it can make. Loop thread only.
 */
final class RecentShares {
    /** Own share frames kept (about 150 bytes each for TDH2). */
    static final int WINDOW = 16_384;
    /** Answers to one peer per group commit. */
    static final int ANSWERS_PER_GROUP = 32;

    private final TreeMap<Long, byte[]> frames = new TreeMap<>();
    private final int[] answers;

    RecentShares(int n) {
        this.answers = new int[n + 1];
    }

    /** Keeps the frame of this server's share of {@code seq}; the oldest leaves past the window. */
    void kept(long seq, byte[] frame) {
        frames.put(seq, frame);
        while (frames.size() > WINDOW) {
            frames.pollFirstEntry();
        }
    }

    /** The frame to send {@code peer} for its late share of {@code seq}, if kept and within its budget. */
    Optional<byte[]> answer(int peer, long seq) {
        byte[] frame = frames.get(seq);
        if (frame == null || answers[peer] >= ANSWERS_PER_GROUP) {
            return Optional.empty();
        }
        answers[peer]++;
        return Optional.of(frame);
    }

    /** A new group commit: every peer's budget is full again. */
    void newGroup() {
        Arrays.fill(answers, 0);
    }

    int size() {
        return frames.size();
    }
}
