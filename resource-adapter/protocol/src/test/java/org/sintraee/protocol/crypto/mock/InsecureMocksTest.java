package org.sintraee.protocol.crypto.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.crypto.Hashes;
import org.sintraee.protocol.crypto.QuorumCertificate;
import org.sintraee.protocol.crypto.Share;

class InsecureMocksTest {
    private static final byte[] NAME = Hashes.utf8("tag/coin/1");

    @Test
    void mockCoinBehavesLikeACoinToItsUsers() {
        InsecureMockCoin coin = new InsecureMockCoin(4, 2);
        Share s1 = coin.key(1).share(NAME);
        Share s3 = coin.key(3).share(NAME);
        assertTrue(coin.verifyShare(NAME, s1).isValid());
        assertFalse(coin.verifyShare(NAME, new Share(2, s1.data())).isValid(), "misattributed");
        assertFalse(coin.verifyShare(Hashes.utf8("tag/coin/2"), s1).isValid(), "other name");
        assertFalse(coin.verifyShare(NAME, new Share(5, s1.data())).isValid(), "unknown index");
        assertEquals(coin.combine(NAME, List.of(s1, s3)),
                coin.combine(NAME, List.of(coin.key(2).share(NAME), coin.key(4).share(NAME))));
        assertThrows(IllegalArgumentException.class, () -> coin.combine(NAME, List.of(s1, s1)));
    }

    @Test
    void mockSignaturesAreBoundToSignerAndStatement() {
        InsecureMockSignatures sigs = new InsecureMockSignatures(4);
        byte[] st = Hashes.utf8("statement");
        byte[] sig = sigs.signer(2).sign(st);
        assertTrue(sigs.verify(2, st, sig));
        assertFalse(sigs.verify(3, st, sig));
        assertFalse(sigs.verify(2, Hashes.utf8("other"), sig));
        QuorumCertificate qc = new QuorumCertificate(Map.of(1, sigs.signer(1).sign(st), 2, sig));
        assertTrue(qc.verify(sigs, st, 2).isValid());
        assertFalse(qc.verify(sigs, st, 3).isValid());
    }
}
