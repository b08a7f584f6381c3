package org.sintraee.protocol.cert;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.HashMap;
import java.util.Map;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.shoup.ShoupDealer;
import org.sintraee.protocol.crypto.shoup.ShoupKeySet;
import org.sintraee.protocol.crypto.shoup.ShoupPublicKey;

/** Small, INSECURE 512-bit Shoup keys with k = t + 1, dealt once per JVM per n (prime search is the slow part). */
final class CertKeys {
    private static final Map<Integer, ShoupKeySet> DEALT = new HashMap<>();

    private CertKeys() {
    }

    static synchronized ShoupKeySet dealt(int n, int t) {
        return DEALT.computeIfAbsent(n, x -> ShoupDealer.dealInsecureForTests(n, t + 1, 512,
                new SeededRandom(7_000L + n)));
    }

    static byte[] statement(long round) {
        return ("statement of round " + round).getBytes(StandardCharsets.US_ASCII);
    }

    /** The JDK's own check, independent of the shoup package. */
    static boolean jdkVerifies(ShoupPublicKey key, byte[] message, byte[] signature) {
        try {
            Signature v = Signature.getInstance("SHA256withRSA");
            v.initVerify(key.toJcaPublicKey());
            v.update(message);
            return v.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
