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
import org.sintraee.protocol.crypto.Hashes;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.Verdict;
import org.sintraee.protocol.crypto.shoup.ShoupDealer;
import org.sintraee.protocol.crypto.shoup.ShoupKeySet;
import org.sintraee.protocol.crypto.shoup.ShoupPublicKey;
import org.sintraee.protocol.crypto.shoup.SignatureShare;

/** Shoup threshold RSA with a 2048-bit modulus: share with proof, verify, combine t+1. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class ShoupBenchmark {
    @Param({"4"})
    int n;

    private ShoupKeySet keys;
    private ShoupPublicKey publicKey;
    private byte[] context;
    private byte[] message;
    private SignatureShare share;
    private List<SignatureShare> shares;

    @Setup
    public void setup() {
        int t = (n - 1) / 3;
        keys = ShoupDealer.deal(n, t + 1, ShoupDealer.DEFAULT_MODULUS_BITS, new SeededRandom(3));
        publicKey = keys.publicKey();
        context = Hashes.utf8("notary/batch/1");
        message = Hashes.sha256("bench", Hashes.utf8("merkle root"));
        shares = new ArrayList<>();
        for (int i = 1; i <= t + 1; i++) {
            shares.add(keys.share(i).sign(context, message));
        }
        share = shares.get(0);
    }

    @Benchmark
    public SignatureShare shoupShare() {
        return keys.share(1).sign(context, message);
    }

    @Benchmark
    public Verdict shoupVerify() {
        return publicKey.verifyShare(context, message, share);
    }

    @Benchmark
    public byte[] shoupCombine() {
        return publicKey.combine(context, message, shares);
    }
}
