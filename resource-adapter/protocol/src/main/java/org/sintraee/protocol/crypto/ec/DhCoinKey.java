package org.sintraee.protocol.crypto.ec;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import org.sintraee.protocol.crypto.CoinKey;
import org.sintraee.protocol.crypto.Share;

/** Server i's secret share {@code x_i} of the coin key. */
public final class DhCoinKey implements CoinKey {
    private final int index;
    private final BigInteger secret;
    private final ECPoint verificationKey;

    /**
     * @throws IllegalArgumentException if the secret does not match the public
     *         verification key of this index (a key file from another dealing)
     */
    public DhCoinKey(DhThresholdCoin coin, int index, BigInteger secret) {
        if (index < 1 || index > coin.servers()) {
            throw new IllegalArgumentException("coin key index " + index + " is not in 1.." + coin.servers());
        }
        if (secret.signum() <= 0 || secret.compareTo(Secp256k1.Q) >= 0) {
            throw new IllegalArgumentException("coin key share is out of range");
        }
        this.index = index;
        this.secret = secret;
        this.verificationKey = coin.verificationKey(index);
        if (!Secp256k1.fixedBaseMul(Secp256k1.G, secret).equals(verificationKey)) {
            throw new IllegalArgumentException("coin key share does not match verification key " + index);
        }
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public Share share(byte[] name) {
        ECPoint h = DhThresholdCoin.base(name);
        ECPoint hx = Secp256k1.mulSecret(h, secret);
        Dleq.Proof proof = Dleq.prove(DhThresholdCoin.DOMAIN, secret,
                new Dleq.Statement(Secp256k1.G, verificationKey, h, hx), name);
        byte[] out = new byte[DhThresholdCoin.SHARE_BYTES];
        System.arraycopy(Secp256k1.encode(hx), 0, out, 0, Secp256k1.POINT_BYTES);
        System.arraycopy(proof.encode(), 0, out, Secp256k1.POINT_BYTES, Dleq.PROOF_BYTES);
        return new Share(index, out);
    }

    @Override
    public String toString() {
        return "DhCoinKey[index=" + index + ", secret=<redacted>]";
    }
}
