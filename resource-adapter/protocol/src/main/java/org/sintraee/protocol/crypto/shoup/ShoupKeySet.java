package org.sintraee.protocol.crypto.shoup;

import java.util.List;
import java.util.Objects;

/**
 * What the dealer hands out: the public key for everyone and share i for server i.
 * The factors of N and d are not kept; they are discarded when dealing ends.
 */
public record ShoupKeySet(ShoupPublicKey publicKey, List<ShoupKeyShare> shares) {

    public ShoupKeySet {
        Objects.requireNonNull(publicKey, "publicKey");
        shares = List.copyOf(shares);
        if (shares.size() != publicKey.n()) {
            throw new IllegalArgumentException("key set needs n=" + publicKey.n() + " shares, got " + shares.size());
        }
        for (int i = 1; i <= shares.size(); i++) {
            ShoupKeyShare share = shares.get(i - 1);
            if (share.index() != i || !share.publicKey().equals(publicKey)) {
                throw new IllegalArgumentException("share at position " + i + " is not share " + i + " of this key");
            }
        }
    }

    /** Share of server i, 1..n. */
    public ShoupKeyShare share(int i) {
        if (i < 1 || i > shares.size()) {
            throw new IllegalArgumentException("server index must be in [1, " + shares.size() + "]: " + i);
        }
        return shares.get(i - 1);
    }

    @Override
    public String toString() {
        return "ShoupKeySet[" + publicKey + ", " + shares.size() + " secret shares]";
    }
}
