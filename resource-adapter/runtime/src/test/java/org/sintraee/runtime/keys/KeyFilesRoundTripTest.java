package org.sintraee.runtime.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sintraee.protocol.crypto.Ciphertext;
import org.sintraee.protocol.crypto.CoinValue;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.Share;
import org.sintraee.protocol.crypto.shoup.ShoupPublicKey;
import org.sintraee.protocol.crypto.shoup.SignatureShare;
import org.sintraee.runtime.dealer.TestDealings;

/** Deal once, write, load back, and use every loaded key for what it is for. */
class KeyFilesRoundTripTest {
    @TempDir
    static Path dir;
    static List<Path> files;
    static PublicKeys pub;
    static ServerKeys[] servers = new ServerKeys[5];

    @BeforeAll
    static void writeAndLoad() throws Exception {
        files = TestDealings.write(TestDealings.first(), dir);
        pub = KeyFiles.loadPublic(files.get(0));
        for (int id = 1; id <= 4; id++) {
            servers[id] = KeyFiles.loadPrivate(files.get(id), pub, id);
        }
    }

    @Test
    void writesConventionallyNamedFiles() {
        assertEquals(List.of("public.json", "server-1.private.json", "server-2.private.json",
                "server-3.private.json", "server-4.private.json"),
                files.stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void privateFilesAreReadableByTheirOwnerOnly() throws Exception {
        for (int id = 1; id <= 4; id++) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(id))));
        }
    }

    @Test
    void publicFileGivesTheParametersDealt() {
        assertEquals(4, pub.servers());
        assertEquals(1, pub.faulty());
        assertEquals(2, pub.coin().threshold());
        assertEquals(2, pub.encryption().threshold());
        assertEquals(2, pub.serviceSignature().k());
        assertEquals(512, pub.serviceSignature().modulus().bitLength());
        for (int id = 1; id <= 4; id++) {
            assertEquals(id, pub.member(id).id());
            assertEquals(new HostPort("127.0.0.1", 7000 + id), pub.member(id).address());
            assertEquals(id, servers[id].id());
        }
    }

    @Test
    void coinSharesOfLoadedKeysVerifyAndAnyTwoGiveTheSameCoin() {
        byte[] name = "round-trip coin".getBytes(StandardCharsets.UTF_8);
        List<Share> shares = new ArrayList<>();
        for (int id = 1; id <= 4; id++) {
            Share s = servers[id].coinKey().share(name);
            assertTrue(pub.coin().verifyShare(name, s).isValid());
            shares.add(s);
        }
        CoinValue low = pub.coin().combine(name, shares.subList(0, 2));
        CoinValue high = pub.coin().combine(name, shares.subList(2, 4));
        assertEquals(low, high);
    }

    @Test
    void ed25519SignatureVerifiesUnderThePublicFileOnlyForItsSigner() {
        byte[] statement = "statement".getBytes(StandardCharsets.UTF_8);
        byte[] sig = servers[2].signer().sign(statement);
        assertTrue(pub.signatureVerifier().verify(2, statement, sig));
        assertFalse(pub.signatureVerifier().verify(3, statement, sig));
        assertArrayEquals(servers[2].signer().publicKey(), pub.member(2).signingKey());
    }

    @Test
    void shoupSharesOfTwoServersCombineIntoAStandardRsaSignature() throws Exception {
        byte[] context = "tag".getBytes(StandardCharsets.UTF_8);
        byte[] message = "certify this".getBytes(StandardCharsets.UTF_8);
        ShoupPublicKey key = pub.serviceSignature();
        List<SignatureShare> shares = new ArrayList<>();
        for (int id : new int[] {1, 4}) {
            SignatureShare s = servers[id].serviceSignatureShare().sign(context, message);
            assertTrue(key.verifyShare(context, message, s, id).isValid());
            shares.add(s);
        }
        byte[] signature = key.combine(context, message, shares);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key.toJcaPublicKey());
        rsa.update(message);
        assertTrue(rsa.verify(signature));
    }

    @Test
    void tdh2CiphertextDecryptsWithSharesOfTwoLoadedKeys() {
        byte[] label = "client-1/request-9".getBytes(StandardCharsets.UTF_8);
        byte[] plaintext = "a secret request".getBytes(StandardCharsets.UTF_8);
        Ciphertext ct = pub.encryption().encrypt(label, plaintext, new SeededRandom(99));
        assertTrue(pub.encryption().verifyCiphertext(ct).isValid());
        List<Share> shares = new ArrayList<>();
        for (int id : new int[] {2, 3}) {
            Share s = servers[id].decryptionKey().decryptionShare(ct).orElseThrow();
            assertTrue(pub.encryption().verifyShare(ct, s).isValid());
            shares.add(s);
        }
        assertArrayEquals(plaintext, pub.encryption().combine(ct, shares).get());
    }

    @Test
    void tlsKeyMatchesItsCertificateWhichIsThePublicFilesOne() throws Exception {
        for (int id = 1; id <= 4; id++) {
            assertEquals(pub.member(id).certificate(), servers[id].tlsCertificate());
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(servers[id].tlsPrivateKey());
            signer.update(new byte[] {1, 2, 3});
            byte[] sig = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(pub.member(id).certificate().getPublicKey());
            verifier.update(new byte[] {1, 2, 3});
            assertTrue(verifier.verify(sig));
        }
    }

    @Test
    void loadedObjectsShowNoSecrets() {
        SecretScan scan = new SecretScan(TestDealings.first());
        for (int id = 1; id <= 4; id++) {
            scan.assertClean(servers[id].toString());
            scan.assertClean(servers[id].signer().toString());
            scan.assertClean(servers[id].coinKey().toString());
            scan.assertClean(servers[id].decryptionKey().toString());
            scan.assertClean(servers[id].serviceSignatureShare().toString());
            scan.assertClean(TestDealings.first().privateFile(id).toString());
        }
        scan.assertClean(TestDealings.first().toString());
        assertTrue(scan.secrets().size() >= 4 * 6, "the scan knows every secret");
    }

    @Test
    void publicFileHoldsNoSecret() throws Exception {
        new SecretScan(TestDealings.first()).assertClean(Files.readString(files.get(0)));
    }
}
