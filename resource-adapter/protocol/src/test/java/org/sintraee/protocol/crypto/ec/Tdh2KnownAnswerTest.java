package org.sintraee.protocol.crypto.ec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.crypto.Ciphertext;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.Hashes;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.Share;

/**
 * Pins the wire format: from fixed keys and a fixed encryption seed, the ciphertext and a
 * decryption share must encode to the committed bytes. Any change to the layout, a domain
 * string, H1/H2's inputs, the share context or the nonce derivation fails here, and must then
 * be a deliberate, versioned change. The keys come from a fixed polynomial, not the dealer,
 * so that only the TDH2 code is pinned.
 */
class Tdh2KnownAnswerTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] LABEL = "sintra-ee/kat/client-1/request-1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PLAINTEXT = "threshold decryption known answer".getBytes(StandardCharsets.UTF_8);

    private static final String PUBLIC_KEY = "032197faed0d19380a980c626161b66c0eb378a553a8cfdf1cc8f6def8aca89df5";
    private static final String CIPHERTEXT = ""
            + "00000020" // |L|
            + "73696e7472612d65652f6b61742f636c69656e742d312f726571756573742d31" // L
            + "000000bf" // |body|
            + "03e41b2690f5e83cac2e1612ad476749ae7c528d3ea5ae6da3151f6c8919711a9b" // u
            + "038c4a41a9c0f57a648bcad2e0ddf92159f9ac2d133e8155e1ae459b716e4b8cfe" // u-bar
            + "3ed3d1aa751a20648e04121f576794a4fdc295e5e3cf90b1a48c75abe8ef5b56" // e
            + "280070c4cf0aafb59cf99ddfec8bfeacbb3d7e6a34aa00e19fa354cc26b06317" // f
            + "1f05383bcdd05982803c5d7b" // iv
            + "e0e5222610efeb79b34cd03e38a75473982cf49807c190429584b9ba2a04884c"
            + "acfcb907b09142e87b308a4083a17e970b"; // AES-GCM ciphertext || tag
    private static final String SHARE_2 = ""
            + "03430867647eabdc4740a119854962a86d799017a1104966e98fb4f40ecee16e9e" // u_2
            + "e6b911345da986126769ba571adbed2ff96ea083578455a56b0aa61f2337f471" // e_2
            + "29b334b63d23590998e2e104e1bf815d0fc48d9e2461fb21192238b2ff628ec3"; // f_2

    /** n = 4, k = 2: x_i = x + a·i with x, a hashed from fixed strings. */
    private static BigInteger secretShare(int i) {
        BigInteger x = Hashes.toScalar(Secp256k1.Q, "sintra-ee/kat/x");
        BigInteger a = Hashes.toScalar(Secp256k1.Q, "sintra-ee/kat/a1");
        return x.add(a.multiply(BigInteger.valueOf(i))).mod(Secp256k1.Q);
    }

    private static Tdh2 scheme() {
        List<ECPoint> vks = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            vks.add(Secp256k1.fixedBaseMul(Secp256k1.G, secretShare(i)));
        }
        return new Tdh2(2, Secp256k1.fixedBaseMul(Secp256k1.G, secretShare(0)), vks);
    }

    @Test
    void encodingsMatchTheCommittedBytes() {
        Tdh2 scheme = scheme();
        Ciphertext ct = scheme.encrypt(LABEL, PLAINTEXT, new SeededRandom(2024));
        Share share = new Tdh2Key(scheme, 2, secretShare(2)).decryptionShare(ct).orElseThrow();
        assertEquals(PUBLIC_KEY, HEX.formatHex(Secp256k1.encode(scheme.publicKey())));
        assertEquals(CIPHERTEXT, HEX.formatHex(ct.encode()));
        assertEquals(SHARE_2, HEX.formatHex(share.data()));
    }

    /** The committed bytes also decode, verify and decrypt: the decoder is pinned, not only the encoder. */
    @Test
    void committedBytesDecodeVerifyAndDecrypt() {
        Tdh2 scheme = scheme();
        Decoded<Ciphertext> ct = Ciphertext.decode(HEX.parseHex(CIPHERTEXT));
        assertTrue(ct.ok(), ct.error());
        assertArrayEquals(LABEL, ct.get().label());
        assertTrue(scheme.verifyCiphertext(ct.get()).isValid());
        Share share2 = new Share(2, HEX.parseHex(SHARE_2));
        assertTrue(scheme.verifyShare(ct.get(), share2).isValid());
        Share share4 = new Tdh2Key(scheme, 4, secretShare(4)).decryptionShare(ct.get()).orElseThrow();
        assertArrayEquals(PLAINTEXT, scheme.combine(ct.get(), List.of(share4, share2)).get());
    }
}
