package org.sintraee.runtime.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sintraee.protocol.crypto.ec.Secp256k1;
import org.sintraee.runtime.dealer.Dealing;
import org.sintraee.runtime.dealer.TestDealings;

/**
 * A private file that does not belong to this server of this dealing, or is damaged, is
 * refused naming the field, and no message gives away any part of any secret.
 */
class PrivateFileValidationTest {
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final SecretScan SECRETS = new SecretScan(TestDealings.first(), TestDealings.second());

    @TempDir
    static Path publicDir;
    static PublicKeys pub;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadPublicFile() throws Exception {
        Path file = publicDir.resolve("public.json");
        Files.writeString(file, JSON.toJson(TestDealings.first().publicFile()));
        pub = KeyFiles.loadPublic(file);
    }

    static Stream<Arguments> tamperings() {
        Dealing first = TestDealings.first();
        Dealing second = TestDealings.second();
        PrivateKeyFile three = first.privateFile(3);
        PrivateKeyFile otherDealing = second.privateFile(2);
        BigInteger modulus = new BigInteger(first.publicFile().serviceSignature.modulus, 16);
        return Stream.of(
                tamper("server 2's file claiming to be server 3's", f -> f.server = 3, "signingSecretKey",
                        "does not match the public file's signing key of server 3"),
                tamper("signing key of another dealing", f -> f.signingSecretKey = otherDealing.signingSecretKey,
                        "signingSecretKey", "does not match"),
                tamper("coin share of server 3", f -> f.coinShare = three.coinShare, "coinShare",
                        "does not match the public file's coin verification key 2"),
                tamper("coin share of another dealing", f -> f.coinShare = otherDealing.coinShare, "coinShare",
                        "does not match the public file's coin verification key 2"),
                tamper("encryption share of another dealing", f -> f.encryptionShare = otherDealing.encryptionShare,
                        "encryptionShare", "does not match the public file's encryption verification key 2"),
                tamper("coin share in the encryption field", f -> f.encryptionShare = f.coinShare,
                        "encryptionShare", "does not match"),
                tamper("shoup share of server 3", f -> f.serviceSignatureShare = three.serviceSignatureShare,
                        "serviceSignatureShare", "verification key v_2"),
                tamper("shoup share of another dealing", f -> f.serviceSignatureShare = otherDealing.serviceSignatureShare,
                        "serviceSignatureShare", "does not match"),
                tamper("swapped certificate", f -> f.tlsCertificate = three.tlsCertificate, "tlsCertificate",
                        "certificate of server 2"),
                tamper("TLS key of server 3", f -> f.tlsPrivateKey = three.tlsPrivateKey, "tlsPrivateKey",
                        "does not match the public file's certificate of server 2"),
                tamper("certificate instead of the TLS key", f -> f.tlsPrivateKey = f.tlsCertificate, "tlsPrivateKey",
                        "PKCS#8"),
                tamper("TLS key damaged", f -> f.tlsPrivateKey = f.tlsPrivateKey.replace("MEE", "MFF"), "tlsPrivateKey",
                        "PKCS#8"),
                tamper("coin share not hex", f -> f.coinShare = "g" + f.coinShare.substring(1), "coinShare", "not hex"),
                tamper("coin share truncated", f -> f.coinShare = f.coinShare.substring(2), "coinShare", "32 bytes"),
                tamper("coin share zero", f -> f.coinShare = "00".repeat(32), "coinShare", "1..q-1"),
                tamper("coin share not below q", f -> f.coinShare = KeyEncoding.bytes(toBytes32(Secp256k1.Q)),
                        "coinShare", "1..q-1"),
                tamper("shoup share not below N", f -> f.serviceSignatureShare = modulus.toString(16),
                        "serviceSignatureShare", "below the service signature modulus"),
                tamper("shoup share signed", f -> f.serviceSignatureShare = "-" + f.serviceSignatureShare,
                        "serviceSignatureShare", "hex number"),
                tamper("signing key too long", f -> f.signingSecretKey = f.signingSecretKey + "00",
                        "signingSecretKey", "32 bytes"),
                tamper("missing encryption share", f -> f.encryptionShare = null, "encryptionShare", "is missing"),
                tamper("public file format", f -> f.format = KeyFileFormat.PUBLIC_FORMAT, "format", "private key file"),
                tamper("old version", f -> f.version = 0, "version", "reads version 1"),
                tamper("server 0", f -> f.server = 0, "server", "must be in 1..4"),
                tamper("server 5", f -> f.server = 5, "server", "must be in 1..4"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperings")
    void tamperedPrivateFileIsRefusedNamingTheFieldAndNoSecret(String what, Consumer<PrivateKeyFile> change,
                                                                String field, String phrase) throws Exception {
        PrivateKeyFile f = TestDealings.first().privateFile(2);
        change.accept(f);
        Path file = write(f);
        KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFiles.loadPrivate(file, pub));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ": field '" + field + "' "), e.getMessage());
        assertTrue(e.getMessage().contains(phrase), e.getMessage());
        SECRETS.assertClean(e);
    }

    @Test
    void untouchedFileLoads() throws Exception {
        assertEquals(2, KeyFiles.loadPrivate(write(TestDealings.first().privateFile(2)), pub).id());
    }

    @Test
    void fileOfAnotherServerIsRefusedWhenTheIdIsConfigured() throws Exception {
        Path file = write(TestDealings.first().privateFile(2));
        KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFiles.loadPrivate(file, pub, 3));
        assertEquals("server", e.field());
        assertTrue(e.getMessage().contains("is 2, but this is configured as server 3"), e.getMessage());
    }

    @Test
    void wholeFileOfAnotherDealingIsRefused() throws Exception {
        Path file = write(TestDealings.second().privateFile(2));
        KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFiles.loadPrivate(file, pub, 2));
        assertTrue(e.getMessage().contains("another dealing"), e.getMessage());
        SECRETS.assertClean(e);
    }

    /** A parser error right inside a secret must not quote it. */
    @Test
    void malformedJsonInsideASecretDoesNotQuoteIt() throws Exception {
        PrivateKeyFile f = TestDealings.first().privateFile(2);
        String json = JSON.toJson(f);
        int cut = json.indexOf(f.coinShare) + 40;
        for (String broken : new String[] {
                json.substring(0, cut),
                json.replace("\"" + f.coinShare + "\"", f.coinShare),
                json.replace("\"" + f.serviceSignatureShare + "\"", f.serviceSignatureShare),
                json.replace("\"" + f.encryptionShare + "\"", "[\"" + f.encryptionShare + "\"}")}) {
            Path file = dir.resolve("broken.json");
            Files.writeString(file, broken);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFiles.loadPrivate(file, pub));
            assertNull(e.field());
            assertTrue(e.getMessage().startsWith(file + ": is not well-formed JSON"), e.getMessage());
            SECRETS.assertClean(e);
        }
    }

    private Path write(PrivateKeyFile f) throws Exception {
        Path file = dir.resolve("server-2.private.json");
        Files.deleteIfExists(file);
        new KeyFileWriter(false, false).writePrivate(file, f);
        return file;
    }

    private static Arguments tamper(String what, Consumer<PrivateKeyFile> change, String field, String phrase) {
        return Arguments.of(what, change, field, phrase);
    }

    private static byte[] toBytes32(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        System.arraycopy(raw, raw.length - 32, out, 0, 32);
        return out;
    }
}
