package org.sintraee.protocol.coin;

import java.util.Objects;
import org.sintraee.protocol.crypto.Share;

/** The threshold coin's one message. */
public sealed interface CoinMessage permits CoinMessage.CoinShare {

    /** {@code COIN-SHARE}: the sender's share of the coin, with its proof of correctness. */
    record CoinShare(Share share) implements CoinMessage {
        public CoinShare {
            Objects.requireNonNull(share, "share");
        }
    }
}
