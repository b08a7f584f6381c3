package org.sintraee.protocol.crypto.shoup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sintraee.protocol.crypto.shoup.ShoupTestKeys.jdkVerifies;
import static org.sintraee.protocol.crypto.shoup.ShoupTestKeys.utf8;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Known answers: the fixture primes (test-fixture-safe-primes-512.txt) and a fixed seed fix
 * the key, and signing is deterministic, so share bytes and signatures are constants. Any
 * change to the dealer, the message encoding, the proof hash or nonce, or the share encoding
 * fails here. The constants were produced once by this code; if a change is intended,
 * regenerate them and say why in the commit.
 */
class ShoupKnownAnswerTest {

    private static final long SEED = 20_000_514L;
    private static final byte[] CONTEXT = utf8("sintra-ee/kat/instance-42");
    /** Under this key "kat message A" has Jacobi symbol -1 (the u path), "kat message B" +1. */
    private static final byte[] MESSAGE_A = utf8("kat message A");
    private static final byte[] MESSAGE_B = utf8("kat message B");

    /** SHA-256 of the public key's values, see {@link #publicKeyDigest}. */
    private static final String PUBLIC_KEY_SHA256 =
            "47f1f3281cad79d751ade5215212e75c73336bc4996d3742e9ee2b288da6a973";
    private static final String SHARE_1_A =
            "00000001000000407222b46287560b3ae15029f6939b3a4329081d104f5fcd9e"
            + "3b6ec3abf0c6a762fd7989b03525895a37ef94487fa96f522651bd1714163bc1"
            + "e7da30055dd3a1e400000060f43ebfa097bf452ac180f97b75a69d0adf46fbed"
            + "79ea50d1cc9cac0a97a10cf88ea3d69d532fe037e5c2825d19635bee924f0d6b"
            + "b0d9844b9ba56ebf29ec65d5c60e8aca488a2d28d571830c2a8e67deee982218"
            + "e49801abd2566047872846930000001032fa10742e3981c007b400286bd1ab83";
    private static final String SHARE_3_A =
            "00000003000000400ebffcfdb7c9074e951ce9891de519c33297179342a83c93"
            + "d4a0e79637a928a7e83e7055dd959e416d4203cb03ac7947145a03a4ec4a9995"
            + "874a4e27d1c5945e000000608f7b46a2fc8182cb12533c748d891d78d718e41e"
            + "4db4bc3abb92cdb0d56d1708e0dbe9b4b1cd8e292789adac7c99d7524888a3b3"
            + "b83d501ade1131c35ef14e1b07db4fb336ea46826545532f12e5d0050475148d"
            + "bb4b55d73e663fa5b39ad2eb000000101d1719907546bce0408a8ed3deba1caf";
    private static final String SIGNATURE_A =
            "7ac57af6990e5c0287c892a28f1932ac153cae81ed49f7e72b79c09e8ee10665"
            + "628fc161800690ddbb83d5de233cf97685aa483c112d943752eb7f7f6451d12f";
    private static final String SHARE_2_B =
            "0000000200000040265f00bba88036a24e913c87f2fe6da9b8cb85e41152a7b2"
            + "462ad2b879d3dbbfa13ede02f7a228c2fcdb4f3b4aa3984110ff1b18d024721a"
            + "871e43fa0fa258a500000060862d96274111813e368ff7eb0cc7df61533f9fbe"
            + "10ec174c607b7213c9eb2313f3ca4a1e9519f650b1e2d4052eaf7f866048d63c"
            + "c0099299d33c8ec8a1bc5da6cf73d3a162572565b4a532f09d190102416f03fc"
            + "aee0c96c8e314e1061c8e8ad00000010899dff74ebae51e13b112bee347abca3";
    private static final String SHARE_4_B =
            "0000000400000040941d6b654eda2020cb8970c19d560a2f39210a30449c7798"
            + "e437b72c5db8945d59e2146b38258d6e63aed36eff4fb917ef3ced32f71f9bee"
            + "7805b78d254ab90b00000060db302f9525c5cff650c70b2cffaec15f78f5deeb"
            + "826100b67eaac9aa99f9324affa4931e232f962f97469450ee606296cbbdeaa4"
            + "634b239f2889b0e600ddc154adeab1b6b144b071eb820cee85d5f9d986c80313"
            + "56cc54b9c8836b28d76fa45b00000010471823dd5b447b1a688851cf59d1af3d";
    private static final String SIGNATURE_B =
            "6a9da661d1974a283b9571bc55e1a1cf14e18cbb9f72027cf5817a6785019ec6"
            + "0fc50ca6d735deafbe095dfbaabd86c91d559f41839148ba2caff3dd32350aad";

    private static final HexFormat HEX = HexFormat.of();
    private static ShoupKeySet keys;

    @BeforeAll
    static void deal() {
        keys = ShoupTestKeys.fromFixture(512, 4, 2, SEED);
    }

    @Test
    void dealtKeyIsTheKnownOne() throws Exception {
        assertEquals(PUBLIC_KEY_SHA256, publicKeyDigest(keys.publicKey()));
    }

    @Test
    void messagesCoverBothJacobiCases() {
        assertTrue(MessageEncoding.encode(keys.publicKey(), MESSAGE_A).adjusted());
        assertFalse(MessageEncoding.encode(keys.publicKey(), MESSAGE_B).adjusted());
    }

    @Test
    void sharesAndSignaturesAreTheKnownBytes() {
        assertKnown(MESSAGE_A, 1, SHARE_1_A, 3, SHARE_3_A, SIGNATURE_A);
        assertKnown(MESSAGE_B, 2, SHARE_2_B, 4, SHARE_4_B, SIGNATURE_B);
    }

    @Test
    void knownSignaturesAreStandardRsaSignatures() {
        // Checked by the JDK alone, so the constants themselves are known to be right.
        assertTrue(jdkVerifies(keys.publicKey(), MESSAGE_A, HEX.parseHex(SIGNATURE_A)));
        assertTrue(jdkVerifies(keys.publicKey(), MESSAGE_B, HEX.parseHex(SIGNATURE_B)));
        assertFalse(jdkVerifies(keys.publicKey(), MESSAGE_B, HEX.parseHex(SIGNATURE_A)));
    }

    @Test
    void knownShareBytesDecodeAndVerify() {
        ShoupPublicKey pk = keys.publicKey();
        SignatureShare s1 = pk.decodeShare(HEX.parseHex(SHARE_1_A)).get();
        assertEquals(1, s1.index());
        assertTrue(pk.verifyShare(CONTEXT, MESSAGE_A, s1).isValid());
        assertFalse(pk.verifyShare(CONTEXT, MESSAGE_B, s1).isValid());
    }

    private static void assertKnown(byte[] message, int i, String shareI, int j, String shareJ, String signature) {
        ShoupPublicKey pk = keys.publicKey();
        SignatureShare si = keys.share(i).sign(CONTEXT, message);
        SignatureShare sj = keys.share(j).sign(CONTEXT, message);
        assertEquals(shareI, HEX.formatHex(si.encode()), "share " + i);
        assertEquals(shareJ, HEX.formatHex(sj.encode()), "share " + j);
        assertEquals(signature, HEX.formatHex(pk.combine(CONTEXT, message, List.of(si, sj))));
    }

    /** SHA-256 over N, e, n, k, v, v_1..v_n, u as decimal lines: pins the dealt key. */
    private static String publicKeyDigest(ShoupPublicKey pk) throws Exception {
        StringBuilder s = new StringBuilder();
        s.append(pk.modulus()).append('\n').append(pk.publicExponent()).append('\n')
                .append(pk.n()).append('\n').append(pk.k()).append('\n').append(pk.v()).append('\n');
        for (BigInteger vi : pk.verificationKeys()) {
            s.append(vi).append('\n');
        }
        s.append(pk.u()).append('\n');
        return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(utf8(s.toString())));
    }
}
