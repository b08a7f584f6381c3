package org.sintraee.protocol.crypto.ec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sintraee.protocol.crypto.Ciphertext;
import org.sintraee.protocol.crypto.Decoded;
import org.sintraee.protocol.crypto.Hashes;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.Share;
import org.sintraee.protocol.crypto.Verdict;
import org.sintraee.protocol.crypto.ec.Tdh2Test.Setup;

/**
 * Ciphertext integrity: any change to any field, a foreign payload spliced onto an honest
 * TDH2 part, or a new label is caught by the public validity check, and no key shares it.
 */
class Tdh2TamperTest {

    private static final String PROOF_FAILS = "ciphertext validity proof does not verify";
    private static final Setup S = Setup.deal(4, 2, 7);
    private static final byte[] M = "transfer 100 to bob".getBytes(StandardCharsets.UTF_8);
    private static final Ciphertext HONEST = S.scheme().encrypt(Tdh2Test.LABEL, M, new SeededRandom(8));

    private static Ciphertext withBody(Ciphertext ct, byte[] body) {
        return new Ciphertext(ct.label(), body);
    }

    private static void assertRejectedEverywhere(Ciphertext ct, String reasonPart) {
        Verdict v = S.scheme().verifyCiphertext(ct);
        assertFalse(v.isValid(), "accepted a tampered ciphertext");
        assertTrue(v.reason().contains(reasonPart), v.reason());
        for (Tdh2Key key : S.keys()) {
            assertTrue(key.decryptionShare(ct).isEmpty(), "key " + key.index() + " shared an invalid ciphertext");
        }
    }

    @Test
    void honestCiphertextIsValid() {
        assertEquals(Verdict.VALID, S.scheme().verifyCiphertext(HONEST));
    }

    /** One bit flipped in the middle of each field; the reason names the field or the failed proof. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "u,       0,   33, ciphertext u:|" + PROOF_FAILS,
        "u-bar,   33,  66, ciphertext u-bar:|" + PROOF_FAILS,
        "e,       66,  98, ciphertext e:|" + PROOF_FAILS,
        "f,       98,  130, ciphertext f:|" + PROOF_FAILS,
        "iv,      130, 142, " + PROOF_FAILS,
        "aes,     142, -16, " + PROOF_FAILS,
        "tag,     -16, 0,   " + PROOF_FAILS})
    void tamperingWithAnyFieldIsRejected(String field, int from, int to, String reasons) {
        int length = HONEST.bodyLength();
        int start = from < 0 ? length + from : from;
        int end = to <= 0 ? length + to : to;
        for (int at = start; at < end; at++) {
            byte[] body = HONEST.body();
            body[at] ^= (byte) (1 << (at % 8));
            Verdict v = S.scheme().verifyCiphertext(withBody(HONEST, body));
            assertFalse(v.isValid(), field + " byte " + at);
            assertTrue(Arrays.stream(reasons.split("\\|")).anyMatch(v.reason()::startsWith), field + ": " + v.reason());
        }
        byte[] body = HONEST.body();
        body[(start + end) / 2] ^= 0x10;
        assertRejectedEverywhere(withBody(HONEST, body), "");
    }

    @Test
    void scalarsNotBelowTheGroupOrderAreRejected() {
        byte[] body = HONEST.body();
        Arrays.fill(body, Tdh2Ciphertext.E_AT, Tdh2Ciphertext.F_AT, (byte) 0xff);
        assertRejectedEverywhere(withBody(HONEST, body), "ciphertext e: scalar is not below the group order");
        body = HONEST.body();
        byte[] q = Secp256k1.Q.toByteArray();
        System.arraycopy(q, q.length - 32, body, Tdh2Ciphertext.F_AT, 32);
        assertRejectedEverywhere(withBody(HONEST, body), "ciphertext f: scalar is not below the group order");
    }

    @Test
    void infinityAndOffCurvePointsAreRejected() {
        byte[] body = HONEST.body();
        Arrays.fill(body, Tdh2Ciphertext.U_AT, Tdh2Ciphertext.U_BAR_AT, (byte) 0);
        assertRejectedEverywhere(withBody(HONEST, body), "ciphertext u: point is not a compressed encoding");
        body = HONEST.body();
        System.arraycopy(Tdh2ShareTest.offCurve(), 0, body, Tdh2Ciphertext.U_BAR_AT, Secp256k1.POINT_BYTES);
        assertRejectedEverywhere(withBody(HONEST, body), "ciphertext u-bar: point is not on the curve");
    }

    @Test
    void truncatedOrOversizedBodiesAreRejected() {
        assertRejectedEverywhere(withBody(HONEST, HONEST.bodyRange(0, Tdh2Ciphertext.MIN_BODY_BYTES - 1)),
                "ciphertext body is " + (Tdh2Ciphertext.MIN_BODY_BYTES - 1) + " bytes");
        assertRejectedEverywhere(withBody(HONEST, new byte[0]), "a TDH2 ciphertext has at least");
        assertRejectedEverywhere(withBody(HONEST, Arrays.copyOf(HONEST.body(), HONEST.bodyLength() + 1)), PROOF_FAILS);
        assertRejectedEverywhere(withBody(HONEST, new byte[Tdh2Ciphertext.MAX_BODY_BYTES + 1]),
                "more than the TDH2 bound");
    }

    @Test
    void wrongLabelIsRejected() {
        for (String label : List.of("", "abc/17/client-3/request-8", "abc/17/client-3/request-9 ")) {
            assertRejectedEverywhere(new Ciphertext(label.getBytes(StandardCharsets.UTF_8), HONEST.body()),
                    PROOF_FAILS);
        }
    }

    /**
     * THE front-running attack on naive hybrid TDH2: keep the honest (L, u, ū, e, f), attach
     * a payload the attacker made (under its own key, or junk). The splice would decrypt to
     * the honest secret, since u (the replay key) is the same, so it must fail here.
     */
    @Test
    void splicedCiphertextWithForeignPayloadIsRejected() {
        Ciphertext attackers = S.scheme().encrypt(Tdh2Test.LABEL, "junk".getBytes(StandardCharsets.UTF_8),
                new SeededRandom(666));
        byte[] foreignPayload = Tdh2Ciphertext.payload(attackers);
        byte[] junk = Tdh2Test.bytes(Tdh2Ciphertext.payload(HONEST).length, 667);
        byte[] shortJunk = Tdh2Test.bytes(Tdh2Ciphertext.IV_BYTES + Tdh2Ciphertext.TAG_BYTES, 668);
        for (byte[] payload : List.of(foreignPayload, junk, shortJunk)) {
            Ciphertext spliced = new Ciphertext(HONEST.label(), splice(HONEST, payload));
            assertArrayEquals(S.scheme().replayKey(HONEST), S.scheme().replayKey(spliced),
                    "same u: decrypting the splice would reveal the honest request");
            assertRejectedEverywhere(spliced, PROOF_FAILS);
        }
        // The converse splice, the attacker's TDH2 part around the honest payload, fails too.
        assertRejectedEverywhere(new Ciphertext(HONEST.label(), splice(attackers, Tdh2Ciphertext.payload(HONEST))),
                PROOF_FAILS);
    }

    /** The attacker's other move: the honest TDH2 part and payload under the attacker's own label. */
    @Test
    void relabelledHonestTdh2PartIsRejected() {
        byte[] attackerLabel = "abc/17/client-666/request-1".getBytes(StandardCharsets.UTF_8);
        assertRejectedEverywhere(new Ciphertext(attackerLabel, HONEST.body()), PROOF_FAILS);
        Ciphertext attackers = S.scheme().encrypt(attackerLabel, new byte[4], new SeededRandom(669));
        assertRejectedEverywhere(new Ciphertext(attackerLabel, splice(HONEST, Tdh2Ciphertext.payload(attackers))),
                PROOF_FAILS);
    }

    /**
     * A corrupt client knows r, so it can prove a ciphertext whose payload is sealed under some
     * other key. It passes the validity check, yet every set of shares yields the same error.
     */
    @Test
    void validCiphertextWithPayloadUnderAnotherKeyFailsToDecryptDeterministically() {
        BigInteger r = BigInteger.valueOf(123456789);
        Ciphertext good = byHand(r, Tdh2Dem.key(Secp256k1.mul(S.scheme().publicKey(), r)));
        assertTrue(S.scheme().verifyCiphertext(good).isValid());
        assertArrayEquals(M, S.scheme().combine(good, S.shares(good).subList(0, 2)).get(),
                "the hand-made construction matches Tdh2");

        Ciphertext bad = byHand(r, Hashes.sha256("attacker key"));
        assertTrue(S.scheme().verifyCiphertext(bad).isValid());
        List<Share> shares = S.shares(bad);
        for (List<Share> subset : List.of(shares.subList(0, 2), shares.subList(2, 4), shares)) {
            Decoded<byte[]> out = S.scheme().combine(bad, subset);
            assertFalse(out.ok());
            assertEquals("payload does not decrypt under the encapsulated key", out.error());
        }
    }

    /** Builds a ciphertext from the SG98 equations directly, with a chosen r and AES key. */
    private static Ciphertext byHand(BigInteger r, byte[] aesKey) {
        BigInteger s = BigInteger.valueOf(987654321);
        ECPoint u = Secp256k1.mul(Secp256k1.G, r);
        ECPoint uBar = Secp256k1.mul(Secp256k1.G_BAR, r);
        byte[] iv = new byte[Tdh2Ciphertext.IV_BYTES];
        byte[] sealed = Tdh2Dem.seal(aesKey, iv, Tdh2Test.LABEL, M);
        byte[] payload = new byte[iv.length + sealed.length];
        System.arraycopy(sealed, 0, payload, iv.length, sealed.length);
        byte[] c = Hashes.sha256(Tdh2.DOMAIN + "/c", payload);
        byte[][] p = Secp256k1.encodeAll(u, Secp256k1.mul(Secp256k1.G, s), uBar, Secp256k1.mul(Secp256k1.G_BAR, s));
        BigInteger e = Hashes.toScalar(Secp256k1.Q, Tdh2.DOMAIN + "/H2", c, Tdh2Test.LABEL, p[0], p[1], p[2], p[3]);
        BigInteger f = s.add(r.multiply(e)).mod(Secp256k1.Q);
        return new Ciphertext(Tdh2Test.LABEL, Tdh2Ciphertext.body(u, uBar, e, f, payload));
    }

    private static byte[] splice(Ciphertext tdh2PartFrom, byte[] payload) {
        byte[] body = Arrays.copyOf(tdh2PartFrom.bodyRange(0, Tdh2Ciphertext.PAYLOAD_AT),
                Tdh2Ciphertext.PAYLOAD_AT + payload.length);
        System.arraycopy(payload, 0, body, Tdh2Ciphertext.PAYLOAD_AT, payload.length);
        return body;
    }
}
