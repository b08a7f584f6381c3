package org.sintraee.protocol.crypto.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.crypto.Hashes;
import org.sintraee.protocol.crypto.QuorumCertificate;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.Verdict;

class QuorumCertificateTest {
    private static final byte[] STATEMENT = Hashes.sha256("statement", Hashes.utf8("abc/1/aba/pre-vote/1/1"));

    static List<Ed25519Signer> signers(int n, long seed) {
        SeededRandom rnd = new SeededRandom(seed);
        List<Ed25519Signer> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new Ed25519Signer(i, Ed25519Signer.generateSecretKey(rnd)));
        }
        return out;
    }

    static Ed25519Verifier verifier(List<Ed25519Signer> signers) {
        return new Ed25519Verifier(signers.stream().map(Ed25519Signer::publicKey).toList());
    }

    static QuorumCertificate certify(List<Ed25519Signer> signers, byte[] statement, int... who) {
        Map<Integer, byte[]> sigs = new TreeMap<>();
        for (int i : who) {
            sigs.put(i, signers.get(i - 1).sign(statement));
        }
        return new QuorumCertificate(sigs);
    }

    @Test
    void certificateCountsDistinctSignersAgainstTheRequestedThreshold() {
        List<Ed25519Signer> s = signers(7, 1);
        Ed25519Verifier v = verifier(s);
        QuorumCertificate five = certify(s, STATEMENT, 1, 3, 4, 6, 7);
        assertTrue(five.verify(v, STATEMENT, 5).isValid());          // n - t for n = 7
        assertTrue(five.verify(v, STATEMENT, 3).isValid());          // t + 1
        Verdict tooFew = five.verify(v, STATEMENT, 6);
        assertFalse(tooFew.isValid());
        assertTrue(tooFew.reason().contains("needs 6"), tooFew.reason());
    }

    @Test
    void aCertificateForOneStatementIsNotOneForAnother() {
        List<Ed25519Signer> s = signers(4, 2);
        QuorumCertificate c = certify(s, STATEMENT, 1, 2, 3);
        byte[] other = Hashes.sha256("statement", Hashes.utf8("abc/1/aba/main-vote/1/1"));
        assertFalse(c.verify(verifier(s), other, 3).isValid());
    }

    @Test
    void forgedOrMisattributedSignaturesAreRejected() {
        List<Ed25519Signer> s = signers(4, 3);
        Ed25519Verifier v = verifier(s);
        Map<Integer, byte[]> sigs = new TreeMap<>();
        sigs.put(1, s.get(0).sign(STATEMENT));
        sigs.put(2, s.get(0).sign(STATEMENT)); // signer 1's signature claimed for signer 2
        sigs.put(3, s.get(2).sign(STATEMENT));
        Verdict verdict = new QuorumCertificate(sigs).verify(v, STATEMENT, 3);
        assertFalse(verdict.isValid());
        assertTrue(verdict.reason().contains("signer 2"), verdict.reason());
        sigs.put(2, new byte[64]);
        assertFalse(new QuorumCertificate(sigs).verify(v, STATEMENT, 3).isValid());
        sigs.put(2, new byte[3]);
        assertFalse(new QuorumCertificate(sigs).verify(v, STATEMENT, 3).isValid());
        sigs.remove(2);
        sigs.put(9, s.get(1).sign(STATEMENT));
        assertTrue(new QuorumCertificate(sigs).verify(v, STATEMENT, 3).reason().contains("unknown signer 9"));
    }

    @Test
    void encodingRoundTripsAndDecodingIsStrict() {
        List<Ed25519Signer> s = signers(4, 4);
        QuorumCertificate c = certify(s, STATEMENT, 2, 3, 4);
        assertEquals(c, QuorumCertificate.decode(c.encode()).get());
        byte[] enc = c.encode();
        assertFalse(QuorumCertificate.decode(java.util.Arrays.copyOf(enc, enc.length - 1)).ok());
        assertFalse(QuorumCertificate.decode(java.util.Arrays.copyOf(enc, enc.length + 1)).ok());
        byte[] hugeCount = enc.clone();
        hugeCount[0] = 0x7f;
        assertTrue(QuorumCertificate.decode(hugeCount).error().contains("count"));
        byte[] hugeLength = enc.clone();
        hugeLength[8] = 0x7f; // first entry's signature length
        assertTrue(QuorumCertificate.decode(hugeLength).error().contains("length"));
        byte[] unsorted = enc.clone();
        unsorted[4 + 3] = 9; // first signer becomes 9, above the next one
        assertTrue(QuorumCertificate.decode(unsorted).error().contains("ascending"));
    }

    @Test
    void invalidPublicKeysAreRefusedAtLoadNamingTheServer() {
        List<byte[]> keys = new ArrayList<>(signers(4, 5).stream().map(Ed25519Signer::publicKey).toList());
        byte[] bad = new byte[32];
        bad[0] = 2; // y = 2 is not on edwards25519
        keys.set(2, bad);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Ed25519Verifier(keys));
        assertTrue(e.getMessage().contains("key 3"), e.getMessage());
        keys.set(2, new byte[31]);
        assertThrows(IllegalArgumentException.class, () -> new Ed25519Verifier(keys));
    }

    @Test
    void knownAnswer() {
        Ed25519Signer signer = signers(1, 2026).get(0);
        assertEquals(KAT_PUBLIC, HexFormat.of().formatHex(signer.publicKey()));
        assertEquals(KAT_SIGNATURE, HexFormat.of().formatHex(signer.sign(STATEMENT)));
    }

    private static final String KAT_PUBLIC = "4fa41082acec38c318fcc4de1f65bd4944853cb4e1ba23424bfec295925d7abb";
    private static final String KAT_SIGNATURE = "2d845e0f4f60d9a838912a1741bdb74e2a3aa41675f2e01c6891619334ca8449e60b50fc042d941f4fbf79e63bf4df4a2d446981148ea624a4f293f0bb5f1d02";
}
