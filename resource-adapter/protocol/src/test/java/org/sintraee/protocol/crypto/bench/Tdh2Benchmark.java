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
import org.sintraee.protocol.crypto.Ciphertext;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.Hashes;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.Share;
import org.sintraee.protocol.crypto.Verdict;
import org.sintraee.protocol.crypto.ec.DlogSharing;
import org.sintraee.protocol.crypto.ec.Tdh2;
import org.sintraee.protocol.crypto.ec.Tdh2Key;

/** TDH2 with a 1 KiB payload: encrypt, ciphertext check, share, share check, combine t+1. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class Tdh2Benchmark {
    @Param({"4"})
    int n;

    private Tdh2 tdh2;
    private Tdh2Key key;
    private SeededRandom rnd;
    private byte[] label;
    private byte[] plaintext;
    private Ciphertext ciphertext;
    private Share share;
    private List<Share> shares;

    @Setup
    public void setup() {
        int t = (n - 1) / 3;
        DlogSharing sharing = DlogSharing.deal(n, t + 1, new SeededRandom(4));
        tdh2 = Tdh2.of(sharing);
        rnd = new SeededRandom(5);
        label = Hashes.utf8("scabc/client-1/request-1");
        plaintext = new byte[1024];
        ciphertext = tdh2.encrypt(label, plaintext, rnd);
        shares = new ArrayList<>();
        for (int i = 1; i <= t + 1; i++) {
            shares.add(Tdh2Key.of(tdh2, sharing, i).decryptionShare(ciphertext).orElseThrow());
        }
        key = Tdh2Key.of(tdh2, sharing, 1);
        share = shares.get(0);
    }

    @Benchmark
    public Ciphertext tdh2Encrypt() {
        return tdh2.encrypt(label, plaintext, rnd);
    }

    @Benchmark
    public Verdict tdh2VerifyCiphertext() {
        return tdh2.verifyCiphertext(ciphertext);
    }

    @Benchmark
    public Share tdh2Share() {
        return key.decryptionShare(ciphertext).orElseThrow();
    }

    @Benchmark
    public Verdict tdh2VerifyShare() {
        return tdh2.verifyShare(ciphertext, share);
    }

    @Benchmark
    public Decoded<byte[]> tdh2Combine() {
        return tdh2.combine(ciphertext, shares);
    }
}
