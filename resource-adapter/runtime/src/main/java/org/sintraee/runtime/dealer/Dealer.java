package org.sintraee.runtime.dealer;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sintraee.protocol.crypto.ec.DlogSharing;
import org.sintraee.protocol.crypto.shoup.DealProgress;
import org.sintraee.protocol.crypto.shoup.ShoupDealer;
import org.sintraee.protocol.crypto.shoup.ShoupKeySet;
import org.sintraee.protocol.crypto.sig.Ed25519Signer;

/**
 * The trusted dealer (ARCHITECTURE.md, "Setup: the dealer"): for n servers and threshold t
 * it deals, from one caller-supplied {@link SecureRandom},
 * <ul>
 * <li>the CKS00 coin key and, separately, the TDH2 key: two independent Shamir sharings
 *     over secp256k1, threshold t+1;</li>
 * <li>Shoup's threshold RSA service key, k = t+1: any t+1 servers, at least one of them
 *     honest, sign for the service;</li>
 * <li>per server an Ed25519 signing key (quorum certificates) and an ECDSA P-256 TLS key
 *     with a self-signed certificate.</li>
 * </ul>
 * The dealer sees every secret; it must run on a trusted machine, and the process's
 * memory is the only place all shares are ever together.
 */
public final class Dealer {
    private final SecureRandom rnd;
    private final Clock clock;

    /** @param clock only for the certificates' validity period */
    public Dealer(SecureRandom rnd, Clock clock) {
        this.rnd = Objects.requireNonNull(rnd, "rnd");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @param progress hears about the slow safe-prime search of a production-size modulus */
    public Dealing deal(DealerParameters p, DealProgress progress) throws GeneralSecurityException {
        int n = p.servers();
        int k = p.threshold();
        // The slow part first, so a user watching progress sees it start at once.
        ShoupKeySet serviceSignature = p.modulusBits() < ShoupDealer.MIN_PRODUCTION_MODULUS_BITS
                ? ShoupDealer.dealInsecureForTests(n, k, p.modulusBits(), rnd)
                : ShoupDealer.deal(n, k, p.modulusBits(), rnd, progress);
        DlogSharing coin = DlogSharing.deal(n, k, rnd);
        DlogSharing encryption = DlogSharing.deal(n, k, rnd);
        List<byte[]> signingKeys = new ArrayList<>(n);
        List<KeyPair> tlsKeys = new ArrayList<>(n);
        List<X509Certificate> certificates = new ArrayList<>(n);
        for (int id = 1; id <= n; id++) {
            signingKeys.add(Ed25519Signer.generateSecretKey(rnd));
            KeyPair tls = TlsCertificates.keyPair(rnd);
            tlsKeys.add(tls);
            certificates.add(TlsCertificates.selfSigned(id, p.hosts().get(id - 1), tls, rnd, clock.instant()));
        }
        return new Dealing(p, coin, encryption, serviceSignature, signingKeys, tlsKeys, certificates);
    }
}
