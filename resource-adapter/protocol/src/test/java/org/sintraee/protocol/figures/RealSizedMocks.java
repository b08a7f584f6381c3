package org.sintraee.protocol.figures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.crypto.CoinKey;
import org.sintraee.protocol.crypto.CoinValue;
import org.sintraee.protocol.crypto.Share;
import org.sintraee.protocol.crypto.SignatureVerifier;
import org.sintraee.protocol.crypto.Signer;
import org.sintraee.protocol.crypto.ThresholdCoin;
import org.sintraee.protocol.crypto.Verdict;
import org.sintraee.protocol.crypto.ec.DhThresholdCoin;
import org.sintraee.protocol.crypto.mock.InsecureMockCoin;
import org.sintraee.protocol.crypto.mock.InsecureMockSignatures;
import org.sintraee.protocol.quorum.Quorums;

/**
 * The INSECURE mocks, zero-padded to the real schemes' sizes: a signature is 64 bytes (as
 * Ed25519), a coin share {@link DhThresholdCoin#SHARE_BYTES} = 97 bytes (as the CKS00 coin on
 * secp256k1: a point and a DLEQ proof). The simulation stays as fast as with the plain mocks
 * (16-byte signatures, 32-byte shares), while every byte count, including signatures buried in
 * opaque payloads such as atomic broadcast's batch vectors, has its production size.
 */
final class RealSizedMocks {
    static final int SIGNATURE_BYTES = 64;
    static final int SHARE_BYTES = DhThresholdCoin.SHARE_BYTES;
    private static final int MOCK_SHARE_BYTES = 32;

    private RealSizedMocks() {
    }

    static List<ServerContext> contexts(int n, int t) {
        Quorums q = Quorums.threshold(n, t);
        InsecureMockSignatures sigs = new InsecureMockSignatures(n);
        InsecureMockCoin coin = new InsecureMockCoin(n, q.honestOne());
        Verifier verifier = new Verifier(sigs);
        Coin padded = new Coin(coin);
        List<ServerContext> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Signer inner = sigs.signer(i);
            int self = i;
            Signer signer = new Signer() {
                @Override
                public int index() {
                    return self;
                }

                @Override
                public byte[] sign(byte[] statement) {
                    return Arrays.copyOf(inner.sign(statement), SIGNATURE_BYTES);
                }
            };
            CoinKey key = coin.key(i);
            CoinKey paddedKey = new CoinKey() {
                @Override
                public int index() {
                    return self;
                }

                @Override
                public Share share(byte[] name) {
                    Share s = key.share(name);
                    return new Share(s.index(), Arrays.copyOf(s.data(), SHARE_BYTES));
                }
            };
            out.add(new ServerContext(i, q, signer, verifier, padded, paddedKey));
        }
        return out;
    }

    /** Accepts a 64-byte signature iff its first 16 bytes are the mock signature and the rest is zero. */
    private record Verifier(InsecureMockSignatures mock) implements SignatureVerifier {
        @Override
        public int servers() {
            return mock.servers();
        }

        @Override
        public boolean verify(int signer, byte[] statement, byte[] signature) {
            return signature != null && signature.length == SIGNATURE_BYTES && zeroFrom(signature, 16)
                    && mock.verify(signer, statement, Arrays.copyOf(signature, 16));
        }
    }

    private record Coin(InsecureMockCoin mock) implements ThresholdCoin {
        @Override
        public int servers() {
            return mock.servers();
        }

        @Override
        public int threshold() {
            return mock.threshold();
        }

        @Override
        public Verdict verifyShare(byte[] name, Share share) {
            byte[] d = share.data();
            if (d.length != SHARE_BYTES || !zeroFrom(d, MOCK_SHARE_BYTES)) {
                return Verdict.invalid("padded mock share of " + d.length + " bytes");
            }
            return mock.verifyShare(name, strip(share));
        }

        @Override
        public CoinValue combine(byte[] name, Collection<Share> validShares) {
            return mock.combine(name, validShares.stream().map(Coin::strip).toList());
        }

        private static Share strip(Share s) {
            return new Share(s.index(), Arrays.copyOf(s.data(), MOCK_SHARE_BYTES));
        }
    }

    private static boolean zeroFrom(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
