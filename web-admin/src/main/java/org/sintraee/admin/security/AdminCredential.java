package org.sintraee.admin.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The admin's credential as the credentials file holds it, one line
 * {@code <user>:<iterations>:<salt>:<hash>} (blank lines and lines starting with {@code #} aside):
 * a PBKDF2-HMAC-SHA256 hash of the password with a
 * random salt (both Base64). The password itself is never stored, and neither it nor the hash
 * appears in any message of this class.
 */
public final class AdminCredential {

    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; the file records its own count. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** Below this a hash is too cheap to guess against; above the maximum a login costs too much CPU. */
    public static final int MIN_ITERATIONS = 10_000;
    public static final int MAX_ITERATIONS = 10_000_000;
    public static final int MIN_PASSWORD_LENGTH = 8;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final String user;
    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private AdminCredential(String user, int iterations, byte[] salt, byte[] hash) {
        this.user = user;
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** A new credential for {@code user} with a fresh random salt. */
    public static AdminCredential create(String user, char[] password, int iterations, SecureRandom random) {
        checkUser(user);
        checkIterations(iterations);
        if (password.length < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("the password must have at least " + MIN_PASSWORD_LENGTH
                    + " characters (it has " + password.length + ")");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new AdminCredential(user, iterations, salt, pbkdf2(password, salt, iterations));
    }

    /**
     * Parses the file's text. {@code source} names the file in error messages, which name the bad
     * field and never its value (except the iteration count, which is not secret).
     */
    public static AdminCredential parse(String text, String source) {
        List<String> lines = text.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (lines.size() != 1) {
            throw new IllegalArgumentException(source + ": expected one credential line, found " + lines.size());
        }
        String[] fields = lines.get(0).split(":", -1);
        if (fields.length != 4) {
            throw new IllegalArgumentException(source + ": expected one line user:iterations:salt:hash, found "
                    + fields.length + " field(s)");
        }
        checkUser(fields[0]);
        int iterations;
        try {
            iterations = Integer.parseInt(fields[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": iterations is not a number: " + fields[1]);
        }
        checkIterations(iterations);
        byte[] salt = base64(fields[2], "salt", source);
        byte[] hash = base64(fields[3], "hash", source);
        if (salt.length < SALT_BYTES || hash.length != HASH_BYTES) {
            throw new IllegalArgumentException(source + ": the salt needs at least " + SALT_BYTES
                    + " bytes and the hash exactly " + HASH_BYTES + " (found " + salt.length + " and "
                    + hash.length + ")");
        }
        return new AdminCredential(fields[0], iterations, salt, hash);
    }

    /** The file's line (without a line end). */
    public String format() {
        Base64.Encoder b64 = Base64.getEncoder();
        return user + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
    }

    public String user() {
        return user;
    }

    /** Whether {@code user} and {@code password} match; the hash is computed even for a wrong user, so timing tells nothing. */
    public boolean matches(String candidateUser, char[] password) {
        byte[] candidate = pbkdf2(password, salt, iterations);
        boolean hashMatches = MessageDigest.isEqual(hash, candidate);
        Arrays.fill(candidate, (byte) 0);
        return hashMatches & user.equals(candidateUser);
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // every Java 17 platform has PBKDF2WithHmacSHA256; the message holds no input
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available: " + e.getClass().getName(), e);
        } finally {
            spec.clearPassword();
        }
    }

    private static void checkUser(String user) {
        if (!USER.matcher(user).matches()) {
            throw new IllegalArgumentException("user must be 1-64 letters, digits, '.', '_' or '-'");
        }
    }

    private static void checkIterations(int iterations) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be " + MIN_ITERATIONS + ".." + MAX_ITERATIONS
                    + ", not " + iterations);
        }
    }

    private static byte[] base64(String value, String field, String source) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": the " + field + " is not Base64");
        }
    }

    @Override
    public String toString() {
        return "AdminCredential[user=" + user + ", iterations=" + iterations + "]"; // never the hash
    }
}
