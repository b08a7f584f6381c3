package org.sintraee.protocol.crypto.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.sintraee.protocol.crypto.QuorumCertificate;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.Verdict;
import org.sintraee.protocol.crypto.sig.Ed25519Signer;
import org.sintraee.protocol.crypto.sig.Ed25519Verifier;

/** Ed25519 sign/verify, and verification of an (n - t)-of-n quorum certificate. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class SignatureBenchmark {
    @Param({"4", "7", "10"})
    int n;

    private Ed25519Signer signer;
    private Ed25519Verifier verifier;
    private byte[] statement;
    private byte[] signature;
    private QuorumCertificate certificate;
    private int quorum;

    @Setup
    public void setup() {
        SeededRandom rnd = new SeededRandom(2);
        List<Ed25519Signer> signers = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            signers.add(new Ed25519Signer(i, Ed25519Signer.generateSecretKey(rnd)));
        }
        verifier = new Ed25519Verifier(signers.stream().map(Ed25519Signer::publicKey).toList());
        signer = signers.get(0);
        statement = Hashes.sha256("bench", Hashes.utf8("abc/1/aba/main-vote/1/1"));
        signature = signer.sign(statement);
        quorum = n - (n - 1) / 3;
        Map<Integer, byte[]> sigs = new TreeMap<>();
        for (int i = 1; i <= quorum; i++) {
            sigs.put(i, signers.get(i - 1).sign(statement));
        }
        certificate = new QuorumCertificate(sigs);
    }

    @Benchmark
    public byte[] ed25519Sign() {
        return signer.sign(statement);
    }

    @Benchmark
    public boolean ed25519Verify() {
        return verifier.verify(1, statement, signature);
    }

    @Benchmark
    public Verdict certificateVerify() {
        return certificate.verify(verifier, statement, quorum);
    }
}
