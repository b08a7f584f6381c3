package org.sintraee.protocol.crypto.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sintraee.protocol.crypto.CoinValue;
import org.sintraee.protocol.crypto.Hashes;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.Share;
import org.sintraee.protocol.crypto.Verdict;
import org.sintraee.protocol.crypto.ec.DhCoinKey;
import org.sintraee.protocol.crypto.ec.DhThresholdCoin;
import org.sintraee.protocol.crypto.ec.DlogSharing;

/** CKS00 coin: share (with proof), share verification, combination of t+1 shares. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class CoinBenchmark {
    @Param({"4"})
    int n;

    private DhThresholdCoin coin;
    private DhCoinKey key;
    private byte[] name;
    private Share share;
    private List<Share> shares;

    @Setup
    public void setup() {
        int t = (n - 1) / 3;
        DlogSharing sharing = DlogSharing.deal(n, t + 1, new SeededRandom(1));
        coin = new DhThresholdCoin(t + 1, sharing.verificationKeys());
        name = Hashes.utf8("abc/1/mvba/aba/1/coin/1");
        shares = new ArrayList<>();
        for (int i = 1; i <= t + 1; i++) {
            shares.add(new DhCoinKey(coin, i, sharing.secretShare(i)).share(name));
        }
        key = new DhCoinKey(coin, 1, sharing.secretShare(1));
        share = shares.get(0);
    }

    @Benchmark
    public Share coinShare() {
        return key.share(name);
    }

    @Benchmark
    public Verdict coinVerify() {
        return coin.verifyShare(name, share);
    }

    @Benchmark
    public CoinValue coinCombine() {
        return coin.combine(name, shares);
    }
}
