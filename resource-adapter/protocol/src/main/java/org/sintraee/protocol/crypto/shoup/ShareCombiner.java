package org.sintraee.protocol.crypto.shoup;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.sintraee.protocol.crypto.Verdict;

/**
 * Combining k signature shares (paper, section 2): with the integer Lagrange coefficients
 * lambda_{0,j} = Delta * prod_{j' != j} (0 - j') / (j - j'),
 * w = prod x_j^{2 lambda_{0,j}} satisfies w^e = x̂^{e'} with e' = 4 Delta^2. As e is a prime
 * above n, gcd(e', e) = 1, so a e' + b e = 1 and y = w^a x̂^b has y^e = x̂.
 */
final class ShareCombiner {

    private ShareCombiner() {
    }

    static byte[] combine(ShoupPublicKey key, byte[] context, byte[] message, Collection<SignatureShare> shares) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(shares, "shares");
        List<SignatureShare> chosen = chooseShares(key, shares);
        BigInteger modulus = key.modulus();
        MessageEncoding.Encoded encoded = MessageEncoding.encode(key, message);

        BigInteger w = BigInteger.ONE;
        for (SignatureShare share : chosen) {
            BigInteger lambda = lagrangeAtZero(key.delta(), chosen, share.index());
            w = w.multiply(Numbers.powSigned(share.xi(), lambda.shiftLeft(1), modulus)).mod(modulus);
        }
        BigInteger e = key.publicExponent();
        BigInteger ePrime = key.delta().pow(2).shiftLeft(2);
        BigInteger a = ePrime.modInverse(e);
        BigInteger b = BigInteger.ONE.subtract(a.multiply(ePrime)).divide(e); // exact: a e' = 1 (mod e)
        BigInteger y = w.modPow(a, modulus).multiply(Numbers.powSigned(encoded.xHat(), b, modulus)).mod(modulus);
        if (encoded.adjusted()) {
            y = y.multiply(key.u().modInverse(modulus)).mod(modulus);
        }
        if (!y.modPow(e, modulus).equals(encoded.x())) {
            throw new IllegalArgumentException("combined signature does not verify; the shares must be checked"
                    + " with verifyShare first" + describeBadShares(key, context, message, chosen));
        }
        return Numbers.fixedLength(y, key.modulusByteLength());
    }

    /** The k shares with the lowest indices, after checking indices are distinct and in range. */
    private static List<SignatureShare> chooseShares(ShoupPublicKey key, Collection<SignatureShare> shares) {
        TreeMap<Integer, SignatureShare> byIndex = new TreeMap<>();
        for (SignatureShare share : shares) {
            Objects.requireNonNull(share, "share");
            int i = share.index();
            if (i < 1 || i > key.n()) {
                throw new IllegalArgumentException("share index " + i + " out of range [1, " + key.n() + "]");
            }
            if (byIndex.put(i, share) != null) {
                throw new IllegalArgumentException("shares must come from distinct servers; index " + i
                        + " appears twice");
            }
            if (!Numbers.isUnit(share.xi(), key.modulus())) {
                throw new IllegalArgumentException("share index " + i + ": x_i not in Z_N^*");
            }
        }
        if (byIndex.size() < key.k()) {
            throw new IllegalArgumentException("need k=" + key.k() + " shares from distinct servers, got "
                    + byIndex.size());
        }
        return new ArrayList<>(byIndex.values()).subList(0, key.k());
    }

    /** lambda_{0,j} = Delta prod_{j' in S, j' != j} (0 - j') / (j - j'), an integer since Delta = n!. */
    static BigInteger lagrangeAtZero(BigInteger delta, List<SignatureShare> chosen, int j) {
        BigInteger numerator = delta;
        BigInteger denominator = BigInteger.ONE;
        for (SignatureShare other : chosen) {
            int jPrime = other.index();
            if (jPrime != j) {
                numerator = numerator.multiply(BigInteger.valueOf(-jPrime));
                denominator = denominator.multiply(BigInteger.valueOf(j - jPrime));
            }
        }
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        if (qr[1].signum() != 0) {
            throw new IllegalStateException("Delta did not clear a Lagrange denominator");
        }
        return qr[0];
    }

    private static String describeBadShares(ShoupPublicKey key, byte[] context, byte[] message,
                                            List<SignatureShare> chosen) {
        StringBuilder bad = new StringBuilder();
        for (SignatureShare share : chosen) {
            Verdict verdict = key.verifyShare(context, message, share);
            if (!verdict.isValid()) {
                bad.append("; ").append(verdict.reason());
            }
        }
        return bad.toString();
    }
}
