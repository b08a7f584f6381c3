package org.sintraee.protocol.crypto.mock;

import java.util.Arrays;
import java.util.Collection;
import java.util.TreeSet;
import org.sintraee.protocol.crypto.CoinKey;
import org.sintraee.protocol.crypto.CoinValue;
import org.sintraee.protocol.crypto.Hashes;
import org.sintraee.protocol.crypto.Share;
import org.sintraee.protocol.crypto.ThresholdCoin;
import org.sintraee.protocol.crypto.Verdict;

/**
 * INSECURE, TEST ONLY: a threshold coin for fast simulations. Anyone can compute any
 * share and the coin's value in advance, so it offers no unpredictability at all. It
 * keeps the real scheme's interface and its rejection of malformed or misattributed
 * shares, so protocol tests still exercise their fault handling.
 */
public final class InsecureMockCoin implements ThresholdCoin {
    private static final String DOMAIN = "INSECURE-MOCK/coin";
    private final int servers;
    private final int threshold;

    public InsecureMockCoin(int servers, int threshold) {
        this.servers = servers;
        this.threshold = threshold;
    }

    /** Server {@code index}'s key for this coin. */
    public CoinKey key(int index) {
        return new CoinKey() {
            @Override
            public int index() {
                return index;
            }

            @Override
            public Share share(byte[] name) {
                return new Share(index, expected(name, index));
            }
        };
    }

    @Override
    public int servers() {
        return servers;
    }

    @Override
    public int threshold() {
        return threshold;
    }

    @Override
    public Verdict verifyShare(byte[] name, Share share) {
        if (share.index() < 1 || share.index() > servers) {
            return Verdict.invalid("coin share index " + share.index() + " is not in 1.." + servers);
        }
        return Arrays.equals(share.data(), expected(name, share.index()))
                ? Verdict.VALID : Verdict.invalid("coin share proof does not verify (mock)");
    }

    @Override
    public CoinValue combine(byte[] name, Collection<Share> validShares) {
        TreeSet<Integer> distinct = new TreeSet<>();
        validShares.forEach(s -> distinct.add(s.index()));
        if (distinct.size() < threshold) {
            throw new IllegalArgumentException("need " + threshold + " distinct coin shares, got " + distinct.size());
        }
        return new CoinValue(Hashes.sha256(DOMAIN + "/value", name));
    }

    private static byte[] expected(byte[] name, int index) {
        return Hashes.sha256(DOMAIN + "/share", name, Hashes.int32(index));
    }
}
