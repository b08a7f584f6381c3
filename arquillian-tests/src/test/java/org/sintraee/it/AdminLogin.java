package org.sintraee.it;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The tests' admin login: TEST FIXTURE ONLY. It matches src/test/payara/admin-credentials.test-fixture,
 * which the pre-boot command files name in the servers' property sintra.admin.credentials.
 */
final class AdminLogin {

    static final String USER = "admin";
    static final String PASSWORD = "it-admin-password";

    private AdminLogin() {
    }

    /** The HTTP Basic {@code Authorization} header's value for {@code user} and {@code password}. */
    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String basic() {
        return basic(USER, PASSWORD);
    }
}
