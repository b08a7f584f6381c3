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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sintraee.protocol.crypto.ec.Secp256k1;
import org.sintraee.runtime.dealer.TestDealings;

/** Each kind of damage to the public file is refused with the field named. */
class PublicFileValidationTest {
    private static final Jsonb JSON = JsonbBuilder.create();

    @TempDir
    Path dir;

    static Stream<Arguments> tamperings() {
        PublicKeyFile other = TestDealings.second().publicFile();
        return Stream.of(
                tamper("wrong format", f -> f.format = KeyFileFormat.PRIVATE_FORMAT, "format", "sintra-ee/public-keys"),
                tamper("future version", f -> f.version = 2, "version", "reads version 1"),
                tamper("no servers", f -> f.servers = 0, "servers", "must be in 1.."),
                tamper("t too large", f -> f.faulty = 2, "faulty", "3t < n"),
                tamper("negative t", f -> f.faulty = -1, "faulty", "3t < n"),
                tamper("missing version", f -> f.version = null, "version", "is missing"),
                tamper("missing coin", f -> f.coin = null, "coin", "is missing"),
                tamper("missing certificate", f -> f.members.get(1).certificate = null,
                        "members[1].certificate", "is missing"),
                tamper("too few members", f -> f.members = f.members.subList(0, 3), "members", "expected n = 4"),
                tamper("n disagrees with members", f -> f.servers = 5, "members", "expected n = 5"),
                tamper("id out of range", f -> f.members.get(2).id = 7, "members[2].id", "must be in 1..4"),
                tamper("id repeated", f -> f.members.get(1).id = 1, "members[1].id", "repeats id 1"),
                tamper("port out of range", f -> f.members.get(0).address = "127.0.0.1:99999",
                        "members[0].address", "port"),
                tamper("no port", f -> f.members.get(0).address = "localhost", "members[0].address", "host:port"),
                tamper("bad host", f -> f.members.get(0).address = "bad_host!:7001", "members[0].address", "DNS"),
                tamper("address repeated", f -> f.members.get(3).address = f.members.get(0).address,
                        "members[3].address", "also the address of server 1"),
                tamper("signing key not hex", f -> f.members.get(0).signingKey = "xyz1", "members[0].signingKey", "not hex"),
                tamper("signing key short", f -> f.members.get(0).signingKey = "abcd", "members[0].signingKey", "32 bytes"),
                tamper("signing key is the identity point",
                        f -> f.members.get(0).signingKey = "01" + "00".repeat(31), "members[0].signingKey", "Ed25519"),
                tamper("signing key repeated", f -> f.members.get(2).signingKey = f.members.get(0).signingKey,
                        "members", "same signingKey"),
                tamper("certificate not PEM", f -> f.members.get(3).certificate = "hello", "members[3].certificate", "PEM"),
                tamper("certificate corrupt", f -> f.members.get(3).certificate =
                        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "members[3].certificate", "X.509"),
                tamper("certificate repeated", f -> f.members.get(1).certificate = f.members.get(0).certificate,
                        "members", "same certificate"),
                tamper("coin scheme", f -> f.coin.scheme = "other", "coin.scheme", KeyFileFormat.COIN_SCHEME),
                tamper("coin threshold", f -> f.coin.threshold = 3, "coin.threshold", "t + 1 = 2"),
                tamper("encryption threshold", f -> f.encryption.threshold = 1, "encryption.threshold", "t + 1 = 2"),
                tamper("signature threshold", f -> f.serviceSignature.threshold = 4, "serviceSignature.threshold", "t + 1"),
                tamper("coin key count", f -> f.coin.verificationKeys = f.coin.verificationKeys.subList(0, 3),
                        "coin.verificationKeys", "expected n = 4"),
                tamper("coin key malformed hex", f -> f.coin.verificationKeys = with(f.coin.verificationKeys, 1, "0g"),
                        "coin.verificationKeys[1]", "not hex"),
                tamper("coin key wrong length", f -> f.coin.verificationKeys = with(f.coin.verificationKeys, 1, "02ab"),
                        "coin.verificationKeys[1]", "33 bytes"),
                tamper("encryption key off the curve", f -> f.encryption.verificationKeys =
                        with(f.encryption.verificationKeys, 2, offCurve()), "encryption.verificationKeys[2]", "group element"),
                tamper("coin public key off the curve", f -> f.coin.publicKey = offCurve(), "coin.publicKey", "group element"),
                tamper("coin key from another dealing", f -> f.coin.verificationKeys =
                        with(f.coin.verificationKeys, 3, other.coin.verificationKeys.get(3)),
                        "coin.verificationKeys[3]", "different dealings"),
                tamper("encryption key from another dealing", f -> f.encryption.verificationKeys =
                        with(f.encryption.verificationKeys, 2, other.encryption.verificationKeys.get(2)),
                        "encryption.verificationKeys", "inconsistent"),
                tamper("encryption public key from another dealing", f -> f.encryption.publicKey = other.encryption.publicKey,
                        "encryption.verificationKeys", "inconsistent"),
                tamper("modulus not hex", f -> f.serviceSignature.modulus = "-5", "serviceSignature.modulus", "hex"),
                tamper("modulus even", f -> f.serviceSignature.modulus =
                        new BigInteger(f.serviceSignature.modulus, 16).add(BigInteger.ONE).toString(16),
                        "serviceSignature", "modulus N"),
                tamper("exponent too small", f -> f.serviceSignature.publicExponent = "3",
                        "serviceSignature", "public exponent"),
                tamper("missing u", f -> f.serviceSignature.u = null, "serviceSignature.u", "is missing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperings")
    void tamperedPublicFileIsRefusedNamingTheField(String what, Consumer<PublicKeyFile> change, String field,
                                                   String phrase) throws Exception {
        PublicKeyFile f = TestDealings.first().publicFile();
        change.accept(f);
        Path file = dir.resolve("public.json");
        Files.writeString(file, JSON.toJson(f));
        KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFiles.loadPublic(file));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ": field '" + field + "' "), e.getMessage());
        assertTrue(e.getMessage().contains(phrase), e.getMessage());
    }

    @Test
    void untouchedFileLoads() throws Exception {
        Path file = dir.resolve("public.json");
        Files.writeString(file, JSON.toJson(TestDealings.first().publicFile()));
        assertEquals(4, KeyFiles.loadPublic(file).servers());
    }

    @Test
    void malformedJsonIsAWholeFileErrorWithItsPosition() throws Exception {
        Path file = dir.resolve("public.json");
        String json = JSON.toJson(TestDealings.first().publicFile());
        Files.writeString(file, json.substring(0, json.length() / 2));
        KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFiles.loadPublic(file));
        assertNull(e.field());
        assertTrue(e.getMessage().startsWith(file + ": is not well-formed JSON (line "), e.getMessage());
    }

    @Test
    void wrongJsonTypesNameTheField() throws Exception {
        Path file = dir.resolve("public.json");
        Files.writeString(file, "{\"format\": \"sintra-ee/public-keys\", \"servers\": 4.5}");
        KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFiles.loadPublic(file));
        assertTrue(e.getMessage().contains("field 'servers' must be a whole JSON number"), e.getMessage());

        Files.writeString(file, "{\"members\": [{\"id\": 1, \"address\": {\"host\": \"127.0.0.1\"}}]}");
        e = assertThrows(KeyFileException.class, () -> KeyFiles.loadPublic(file));
        assertTrue(e.getMessage().contains("field 'members.address' has the wrong JSON type"), e.getMessage());
    }

    @Test
    void missingEmptyAndNonObjectFilesAreRefused() throws Exception {
        Path file = dir.resolve("public.json");
        KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFiles.loadPublic(file));
        assertEquals(file + ": does not exist", e.getMessage());
        Files.writeString(file, "\n");
        e = assertThrows(KeyFileException.class, () -> KeyFiles.loadPublic(file));
        assertEquals(file + ": is empty", e.getMessage());
        Files.writeString(file, "null");
        e = assertThrows(KeyFileException.class, () -> KeyFiles.loadPublic(file));
        assertEquals(file + ": does not hold a JSON object", e.getMessage());
    }

    private static Arguments tamper(String what, Consumer<PublicKeyFile> change, String field, String phrase) {
        return Arguments.of(what, change, field, phrase);
    }

    private static List<String> with(List<String> values, int index, String value) {
        List<String> copy = new ArrayList<>(values);
        copy.set(index, value);
        return copy;
    }

    /** A compressed encoding whose x has no point on secp256k1. */
    private static String offCurve() {
        for (int x = 1; ; x++) {
            byte[] candidate = new byte[Secp256k1.POINT_BYTES];
            candidate[0] = 0x02;
            candidate[Secp256k1.POINT_BYTES - 1] = (byte) x;
            if (!Secp256k1.decodePoint(candidate).ok()) {
                return HexFormat.of().formatHex(candidate);
            }
        }
    }
}
