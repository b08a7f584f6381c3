package org.sintraee.protocol.sim;

import java.util.ArrayList;
import java.util.List;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.ec.DhCoinKey;
import org.sintraee.protocol.crypto.ec.DhThresholdCoin;
import org.sintraee.protocol.crypto.ec.DlogSharing;
import org.sintraee.protocol.crypto.mock.InsecureMockCoin;
import org.sintraee.protocol.crypto.mock.InsecureMockSignatures;
import org.sintraee.protocol.crypto.sig.Ed25519Signer;
import org.sintraee.protocol.crypto.sig.Ed25519Verifier;
import org.sintraee.protocol.quorum.Quorums;

/** Server contexts for tests: fast insecure mocks, or the real schemes from a fixed seed. */
public final class Contexts {
    private Contexts() {
    }

    /** Contexts of servers 1..n with the INSECURE mock coin and signatures (fast simulations). */
    public static List<ServerContext> mock(int n, int t) {
        Quorums q = Quorums.threshold(n, t);
        InsecureMockSignatures sigs = new InsecureMockSignatures(n);
        InsecureMockCoin coin = new InsecureMockCoin(n, q.honestOne());
        List<ServerContext> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new ServerContext(i, q, sigs.signer(i), sigs, coin, coin.key(i)));
        }
        return out;
    }

    /** Contexts with the real Ed25519 signatures and CKS00 coin, dealt from {@code seed}. */
    public static List<ServerContext> real(int n, int t, long seed) {
        Quorums q = Quorums.threshold(n, t);
        SeededRandom rnd = new SeededRandom(seed);
        List<Ed25519Signer> signers = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            signers.add(new Ed25519Signer(i, Ed25519Signer.generateSecretKey(rnd)));
        }
        Ed25519Verifier verifier = new Ed25519Verifier(signers.stream().map(Ed25519Signer::publicKey).toList());
        DlogSharing sharing = DlogSharing.deal(n, q.honestOne(), rnd);
        DhThresholdCoin coin = new DhThresholdCoin(q.honestOne(), sharing.verificationKeys());
        List<ServerContext> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new ServerContext(i, q, signers.get(i - 1), verifier, coin,
                    new DhCoinKey(coin, i, sharing.secretShare(i))));
        }
        return out;
    }
}
