package org.sintraee.admin.security;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class AdminCredentialTest {

    private static final int FAST = AdminCredential.MIN_ITERATIONS; // keeps the tests quick
    private static final char[] PASSWORD = "correct horse".toCharArray();

    @Test
    void theFileLineRoundTripsAndChecksUserAndPassword() {
        AdminCredential made = AdminCredential.create("admin", PASSWORD, FAST, new SecureRandom());
        String line = made.format();
        AdminCredential read = AdminCredential.parse("# made by a test\n\n" + line + "\n", "test");

        assertAll(line,
                () -> assertTrue(line.matches("admin:10000:[A-Za-z0-9+/=]{24}:[A-Za-z0-9+/=]{44}")),
                () -> assertFalse(line.contains("correct horse")),
                () -> assertTrue(read.matches("admin", PASSWORD)),
                () -> assertFalse(read.matches("admin", "correct horsE".toCharArray())),
                () -> assertFalse(read.matches("root", PASSWORD)),
                () -> assertFalse(read.toString().contains(line.split(":")[3]), "no hash in toString"));
    }

    @Test
    void eachCredentialHasItsOwnSalt() {
        String a = AdminCredential.create("admin", PASSWORD, FAST, new SecureRandom()).format();
        String b = AdminCredential.create("admin", PASSWORD, FAST, new SecureRandom()).format();
        assertNotEquals(a.split(":")[2], b.split(":")[2]);
        assertNotEquals(a.split(":")[3], b.split(":")[3]);
    }

    @Test
    void malformedLinesNameTheFieldAndTheFileNeverTheValue() {
        String good = AdminCredential.create("admin", PASSWORD, FAST, new SecureRandom()).format();
        String[] f = good.split(":");
        IllegalArgumentException fields = assertThrows(IllegalArgumentException.class,
                () -> AdminCredential.parse("admin:" + f[1] + ":" + f[2], "/etc/sintra/admin.credentials"));
        IllegalArgumentException hash = assertThrows(IllegalArgumentException.class,
                () -> AdminCredential.parse(good.substring(0, good.length() - 4) + "%%%%", "f"));
        IllegalArgumentException shortHash = assertThrows(IllegalArgumentException.class,
                () -> AdminCredential.parse(String.join(":", f[0], f[1], f[2], f[2]), "f"));
        assertAll(
                () -> assertTrue(fields.getMessage().contains("/etc/sintra/admin.credentials"), fields.getMessage()),
                () -> assertTrue(hash.getMessage().contains("hash"), hash.getMessage()),
                () -> assertFalse(hash.getMessage().contains(f[3].substring(0, 20)), "no hash in the message"),
                () -> assertTrue(shortHash.getMessage().contains("32"), shortHash.getMessage()));
        assertThrows(IllegalArgumentException.class, () -> AdminCredential.parse(good + "\n" + good, "f"));
        assertThrows(IllegalArgumentException.class, () -> AdminCredential.parse("# only a comment", "f"));
        assertThrows(IllegalArgumentException.class, () -> AdminCredential.parse("ad min:" + f[1] + ":" + f[2] + ":" + f[3], "f"));
        assertThrows(IllegalArgumentException.class, () -> AdminCredential.parse("admin:x:" + f[2] + ":" + f[3], "f"));
        assertThrows(IllegalArgumentException.class, () -> AdminCredential.parse("admin:99:" + f[2] + ":" + f[3], "f"));
    }

    @Test
    void refusesShortPasswordsAndCheapOrCostlyHashes() {
        SecureRandom random = new SecureRandom();
        assertThrows(IllegalArgumentException.class, () -> AdminCredential.create("admin", "short".toCharArray(), FAST, random));
        assertThrows(IllegalArgumentException.class, () -> AdminCredential.create("admin", PASSWORD, 9_999, random));
        assertThrows(IllegalArgumentException.class,
                () -> AdminCredential.create("admin", PASSWORD, AdminCredential.MAX_ITERATIONS + 1, random));
        assertEquals("admin", AdminCredential.create("admin", PASSWORD, FAST, random).user());
    }
}
