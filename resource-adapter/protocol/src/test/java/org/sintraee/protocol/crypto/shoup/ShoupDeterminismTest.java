package org.sintraee.protocol.crypto.shoup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.sintraee.protocol.crypto.shoup.ShoupTestKeys.utf8;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.crypto.SeededRandom;

/** Signing is a function of (share, context, message); dealing is a function of the seed. */
class ShoupDeterminismTest {

    private static ShoupKeySet keys;

    @BeforeAll
    static void deal() {
        keys = ShoupTestKeys.dealt(4, 3);
    }

    @Test
    void sameContextAndMessageGiveIdenticalShareBytes() {
        ShoupKeyShare share = keys.share(2);
        byte[] once = share.sign(utf8("ctx"), utf8("m")).encode();
        byte[] twice = share.sign(utf8("ctx"), utf8("m")).encode();
        assertArrayEquals(once, twice);
        // A share object rebuilt from the same values (as after loading a key file) agrees.
        ShoupKeyShare reloaded = new ShoupKeyShare(2, share.secretShare(), keys.publicKey());
        assertArrayEquals(once, reloaded.sign(utf8("ctx"), utf8("m")).encode());
    }

    @Test
    void differentContextsGiveDifferentProofsForTheSameXi() {
        SignatureShare a = keys.share(1).sign(utf8("instance-1"), utf8("m"));
        SignatureShare b = keys.share(1).sign(utf8("instance-2"), utf8("m"));
        assertEquals(a.xi(), b.xi());
        assertNotEquals(a.c(), b.c());
        assertNotEquals(a.z(), b.z());
    }

    @Test
    void differentMessagesGiveDifferentXi() {
        assertNotEquals(keys.share(1).sign(utf8("c"), utf8("m1")).xi(), keys.share(1).sign(utf8("c"), utf8("m2")).xi());
    }

    @Test
    void contextIsLengthDelimitedFromTheRestOfTheStatement() {
        // "ab" + "c" must not collide with "a" + "bc": here only the context varies in length.
        SignatureShare a = keys.share(1).sign(utf8("ab"), utf8("m"));
        SignatureShare b = keys.share(1).sign(utf8("abc"), utf8("m"));
        assertNotEquals(a.c(), b.c());
    }

    @Test
    void dealingFromTheSameSeedGivesTheSameKey() {
        ShoupKeySet again = ShoupDealer.dealInsecureForTests(4, 3, ShoupTestKeys.TEST_MODULUS_BITS, new SeededRandom(4_003));
        assertEquals(keys.publicKey(), again.publicKey());
        ShoupKeySet other = ShoupDealer.dealInsecureForTests(4, 3, ShoupTestKeys.TEST_MODULUS_BITS, new SeededRandom(4_004));
        assertNotEquals(keys.publicKey(), other.publicKey());
    }
}
