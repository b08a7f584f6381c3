package org.sintraee.protocol.crypto.shoup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.HashMap;
import java.util.Map;
import org.sintraee.protocol.crypto.SeededRandom;

/**
 * Test keys, dealt once per JVM: safe-prime search is the slow part, so every test class
 * shares these instead of dealing its own. All are small, insecure moduli.
 */
final class ShoupTestKeys {

    static final int TEST_MODULUS_BITS = 512;
    private static final Map<String, ShoupKeySet> DEALT = new HashMap<>();
    private static final Map<Integer, BigInteger[]> FIXTURE_PRIMES = new HashMap<>();

    private ShoupTestKeys() {
    }

    /** A freshly searched 512-bit key for (n, k), from a seed fixed per (n, k). */
    static synchronized ShoupKeySet dealt(int n, int k) {
        return DEALT.computeIfAbsent(n + "/" + k, key -> ShoupDealer.dealInsecureForTests(
                n, k, TEST_MODULUS_BITS, new SeededRandom(1_000L * n + k)));
    }

    /** A key over the committed fixture primes for a {@code modulusBits}-bit N (512 or 2048). */
    static ShoupKeySet fromFixture(int modulusBits, int n, int k, long seed) {
        BigInteger[] pq = fixturePrimes(modulusBits);
        return ShoupDealer.dealFromSafePrimes(pq[0], pq[1], n, k, new SeededRandom(seed), true, DealProgress.NONE);
    }

    /** {p, q} from test-fixture-safe-primes-{modulusBits}.txt. */
    static synchronized BigInteger[] fixturePrimes(int modulusBits) {
        return FIXTURE_PRIMES.computeIfAbsent(modulusBits, ShoupTestKeys::readFixture).clone();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The JDK's own SHA256withRSA check, independent of this package's code. */
    static boolean jdkVerifies(ShoupPublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key.toJcaPublicKey());
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static BigInteger[] readFixture(int modulusBits) {
        String name = "test-fixture-safe-primes-" + modulusBits + ".txt";
        BigInteger p = null;
        BigInteger q = null;
        try (InputStream in = ShoupTestKeys.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("p=")) {
                    p = new BigInteger(line.substring(2).trim(), 16);
                } else if (line.startsWith("q=")) {
                    q = new BigInteger(line.substring(2).trim(), 16);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (p == null || q == null) {
            throw new IllegalStateException(name + " needs lines p=<hex> and q=<hex>");
        }
        return new BigInteger[] {p, q};
    }
}
