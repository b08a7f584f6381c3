package org.sintraee.protocol.crypto;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * TEST FIXTURE ONLY: a deterministic "SecureRandom" (SHA-256 in counter mode over a
 * seed), so that dealt keys and known-answer tests are reproducible from a fixed seed.
 * It is predictable by design and must never be used for real keys.
 */
public final class SeededRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] seed;
    private long counter;
    private byte[] block = new byte[0];
    private int used;

    public SeededRandom(long seed) {
        super(new byte[0]);
        this.seed = ByteBuffer.allocate(8).putLong(seed).array();
    }

    @Override
    public synchronized void nextBytes(byte[] out) {
        for (int i = 0; i < out.length; i++) {
            if (used == block.length) {
                block = nextBlock();
                used = 0;
            }
            out[i] = block[used++];
        }
    }

    @Override
    public void setSeed(long ignored) {
        // The seed is fixed at construction; SecureRandom's constructor calls this.
    }

    @Override
    public byte[] generateSeed(int numBytes) {
        byte[] b = new byte[numBytes];
        nextBytes(b);
        return b;
    }

    private byte[] nextBlock() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(seed);
            sha.update(ByteBuffer.allocate(8).putLong(counter++).array());
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
