package org.sintraee.protocol.core;

import java.util.Objects;
import org.sintraee.protocol.crypto.CoinKey;
import org.sintraee.protocol.crypto.SignatureVerifier;
import org.sintraee.protocol.crypto.Signer;
import org.sintraee.protocol.crypto.ThresholdCoin;
import org.sintraee.protocol.quorum.Quorums;

/**
 * What every protocol instance of one server needs to know: who it is, the thresholds,
 * and its keys (real ones in production, insecure mocks in fast simulations).
 *
 * @param self     this server's id, 1..n
 * @param quorums  every threshold
 * @param signer   this server's signing key, for quorum certificates
 * @param verifier every server's verification key
 * @param coin     the threshold coin's public side
 * @param coinKey  this server's coin key
 */
public record ServerContext(int self, Quorums quorums, Signer signer, SignatureVerifier verifier,
                            ThresholdCoin coin, CoinKey coinKey) {
    public ServerContext {
        Objects.requireNonNull(quorums, "quorums");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(coin, "coin");
        Objects.requireNonNull(coinKey, "coinKey");
        if (!quorums.isServer(self) || signer.index() != self || coinKey.index() != self) {
            throw new IllegalArgumentException("server " + self + " needs its own signer and coin key");
        }
        if (verifier.servers() != quorums.n() || coin.servers() != quorums.n()) {
            throw new IllegalArgumentException("keys for " + verifier.servers() + " servers, quorums for " + quorums.n());
        }
    }

    public int n() {
        return quorums.n();
    }
}
