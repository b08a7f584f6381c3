package org.sintraee.runtime.keys;

import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.bouncycastle.math.ec.ECPoint;
import org.sintraee.protocol.crypto.ec.DhThresholdCoin;
import org.sintraee.protocol.crypto.ec.Tdh2;
import org.sintraee.protocol.crypto.ec.VerificationKeys;
import org.sintraee.protocol.crypto.shoup.ShoupDealer;
import org.sintraee.protocol.crypto.shoup.ShoupPublicKey;
import org.sintraee.protocol.crypto.sig.Ed25519Verifier;

/**
 * Validates a bound {@link PublicKeyFile} into {@link PublicKeys}: format and version, n and
 * t with 3t &lt; n, exactly n members with ids 1..n and distinct addresses and keys, every
 * point on the curve, every threshold t+1, and each scheme's verification keys consistent
 * with its public key. Everything here is public, but messages still quote no values.
 */
final class PublicKeysReader {
    private static final Logger LOG = Logger.getLogger(PublicKeysReader.class.getName());

    private final FieldDecoder in;

    PublicKeysReader(String file) {
        this.in = new FieldDecoder(file);
    }

    PublicKeys read(PublicKeyFile f) throws KeyFileException {
        if (!KeyFileFormat.PUBLIC_FORMAT.equals(in.require(f.format, "format"))) {
            throw in.error("format", "must be \"" + KeyFileFormat.PUBLIC_FORMAT + "\" (is this a public key file?)");
        }
        if (in.require(f.version, "version") != KeyFileFormat.VERSION) {
            throw in.error("version", "is " + f.version + "; this build reads version " + KeyFileFormat.VERSION);
        }
        int n = in.require(f.servers, "servers");
        if (n < 1 || n > ShoupPublicKey.MAX_SERVERS) {
            throw in.error("servers", "is " + n + ", must be in 1.." + ShoupPublicKey.MAX_SERVERS);
        }
        int t = in.require(f.faulty, "faulty");
        if (t < 0 || 3 * t >= n) {
            throw in.error("faulty", "is " + t + ", but n = " + n + " servers tolerate at most t = " + (n - 1) / 3
                    + " faulty ones (3t < n)");
        }
        List<Member> members = members(in.list(f.members, "members", n), n);
        Ed25519Verifier verifier = new Ed25519Verifier(members.stream().map(Member::signingKey).toList());
        DhThresholdCoin coin = coin(in.require(f.coin, "coin"), n, t);
        Tdh2 encryption = encryption(in.require(f.encryption, "encryption"), n, t);
        ShoupPublicKey signature = serviceSignature(in.require(f.serviceSignature, "serviceSignature"), n, t);
        return new PublicKeys(n, t, members, verifier, coin, encryption, signature);
    }

    private List<Member> members(List<PublicKeyFile.Member> entries, int n) throws KeyFileException {
        Member[] byId = new Member[n];
        Map<HostPort, Integer> addresses = new HashMap<>();
        for (int i = 0; i < n; i++) {
            PublicKeyFile.Member e = entries.get(i);
            String at = "members[" + i + "]";
            int id = in.require(e.id, at + ".id");
            if (id < 1 || id > n) {
                throw in.error(at + ".id", "is " + id + ", must be in 1.." + n);
            }
            if (byId[id - 1] != null) {
                throw in.error(at + ".id", "repeats id " + id);
            }
            HostPort address;
            try {
                address = HostPort.parse(in.require(e.address, at + ".address"));
            } catch (IllegalArgumentException bad) {
                throw in.error(at + ".address", "is not host:port: " + bad.getMessage());
            }
            Integer other = addresses.putIfAbsent(address, id);
            if (other != null) {
                throw in.error(at + ".address", "is also the address of server " + other);
            }
            byte[] signingKey = in.hex(e.signingKey, at + ".signingKey", 32);
            try {
                new Ed25519Verifier(List.of(signingKey));
            } catch (IllegalArgumentException bad) {
                throw in.error(at + ".signingKey", "is not a valid Ed25519 public key");
            }
            X509Certificate cert = in.certificate(e.certificate, at + ".certificate");
            byId[id - 1] = new Member(id, address, signingKey, cert);
        }
        requireDistinctKeys(byId);
        return List.of(byId);
    }

    /** Two servers with one identity would let one server speak for two: a copy-paste error at best. */
    private void requireDistinctKeys(Member[] byId) throws KeyFileException {
        for (int a = 0; a < byId.length; a++) {
            for (int b = a + 1; b < byId.length; b++) {
                if (Arrays.equals(byId[a].signingKey(), byId[b].signingKey())) {
                    throw in.error("members", "servers " + (a + 1) + " and " + (b + 1) + " have the same signingKey");
                }
                if (sameEncoding(byId[a].certificate(), byId[b].certificate())) {
                    throw in.error("members", "servers " + (a + 1) + " and " + (b + 1) + " have the same certificate");
                }
            }
        }
    }

    private boolean sameEncoding(X509Certificate a, X509Certificate b) throws KeyFileException {
        try {
            return Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (CertificateEncodingException e) {
            throw in.error("members", "holds a certificate that cannot be re-encoded");
        }
    }

    private DhThresholdCoin coin(PublicKeyFile.DlogKey s, int n, int t) throws KeyFileException {
        List<ECPoint> keys = dlogKeys(s, "coin", KeyFileFormat.COIN_SCHEME, n, t);
        ECPoint publicKey = in.point(s.publicKey, "coin.publicKey");
        int bad = VerificationKeys.firstInconsistent(t + 1, publicKey, keys);
        if (bad != 0) {
            throw in.error("coin.verificationKeys[" + (bad - 1) + "]", "does not lie on the sharing polynomial"
                    + " of coin.publicKey and the keys before it (keys from different dealings?)");
        }
        return new DhThresholdCoin(t + 1, keys);
    }

    private Tdh2 encryption(PublicKeyFile.DlogKey s, int n, int t) throws KeyFileException {
        List<ECPoint> keys = dlogKeys(s, "encryption", KeyFileFormat.ENCRYPTION_SCHEME, n, t);
        ECPoint publicKey = in.point(s.publicKey, "encryption.publicKey");
        try {
            return new Tdh2(t + 1, publicKey, keys);
        } catch (IllegalArgumentException bad) {
            throw in.error("encryption.verificationKeys", "do not fit encryption.publicKey: " + bad.getMessage());
        }
    }

    private List<ECPoint> dlogKeys(PublicKeyFile.DlogKey s, String section, String scheme, int n, int t)
            throws KeyFileException {
        requireScheme(s.scheme, section, scheme);
        requireThreshold(s.threshold, section, t);
        List<String> hex = in.list(s.verificationKeys, section + ".verificationKeys", n);
        List<ECPoint> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            keys.add(in.point(hex.get(i), section + ".verificationKeys[" + i + "]"));
        }
        return keys;
    }

    private ShoupPublicKey serviceSignature(PublicKeyFile.ServiceSignature s, int n, int t) throws KeyFileException {
        requireScheme(s.scheme, "serviceSignature", KeyFileFormat.SERVICE_SIGNATURE_SCHEME);
        requireThreshold(s.threshold, "serviceSignature", t);
        BigInteger modulus = in.bigInteger(s.modulus, "serviceSignature.modulus");
        BigInteger e = in.bigInteger(s.publicExponent, "serviceSignature.publicExponent");
        BigInteger v = in.bigInteger(s.v, "serviceSignature.v");
        List<String> hex = in.list(s.verificationKeys, "serviceSignature.verificationKeys", n);
        List<BigInteger> vi = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            vi.add(in.bigInteger(hex.get(i), "serviceSignature.verificationKeys[" + i + "]"));
        }
        BigInteger u = in.bigInteger(s.u, "serviceSignature.u");
        ShoupPublicKey key;
        try {
            key = new ShoupPublicKey(modulus, e, n, t + 1, v, vi, u);
        } catch (IllegalArgumentException bad) {
            // ShoupPublicKey names the offending value (N, e, v, v_i, u); all public.
            throw in.error("serviceSignature", "is not a valid Shoup public key: " + bad.getMessage());
        }
        if (modulus.bitLength() < ShoupDealer.MIN_PRODUCTION_MODULUS_BITS) {
            LOG.warning(() -> "the service signature modulus has only " + modulus.bitLength()
                    + " bits: an insecure test key, never for production");
        }
        return key;
    }

    private void requireScheme(String scheme, String section, String expected) throws KeyFileException {
        if (!expected.equals(in.require(scheme, section + ".scheme"))) {
            throw in.error(section + ".scheme", "must be \"" + expected + "\"");
        }
    }

    private void requireThreshold(Integer threshold, String section, int t) throws KeyFileException {
        if (in.require(threshold, section + ".threshold") != t + 1) {
            throw in.error(section + ".threshold", "is " + threshold + ", must be t + 1 = " + (t + 1));
        }
    }
}
