package org.sintraee.runtime.keys;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.util.ArrayList;
import java.util.List;
import org.sintraee.runtime.dealer.Dealing;

/**
 * Test helper: every secret of the given dealings as text, and an assertion that a piece
 * of output contains no 12-character stretch of any of them (so a message quoting part of
 * a secret fails too, not just one quoting all of it).
 */
public final class SecretScan {
    private static final int WINDOW = 12;

    private final List<String> secrets = new ArrayList<>();

    public SecretScan(Dealing... dealings) {
        for (Dealing d : dealings) {
            for (int id = 1; id <= d.parameters().servers(); id++) {
                add(d.privateFile(id));
            }
        }
    }

    /** The secrets of private files as written, e.g. by the command under test. */
    public static SecretScan ofFiles(List<Path> privateFiles) throws KeyFileException {
        SecretScan scan = new SecretScan();
        for (Path file : privateFiles) {
            scan.add(KeyFiles.bind(file, PrivateKeyFile.class));
        }
        return scan;
    }

    private void add(PrivateKeyFile f) {
        secrets.add(f.signingSecretKey);
        secrets.add(f.coinShare);
        secrets.add(f.encryptionShare);
        secrets.add(f.serviceSignatureShare);
        String body = f.tlsPrivateKey.replaceAll("-----[A-Z ]+-----", "").replace("\n", "");
        // The first 48 base64 characters encode the fixed PKCS#8 header for P-256, not the key.
        secrets.add(body.substring(48));
        secrets.add(tlsScalarHex(f.tlsPrivateKey));
    }

    public List<String> secrets() {
        return secrets;
    }

    public void assertClean(String text) {
        for (String secret : secrets) {
            for (int i = 0; i + WINDOW <= secret.length(); i++) {
                String window = secret.substring(i, i + WINDOW);
                if (text.contains(window)) {
                    fail("output contains part of a secret: " + text.replace(window, "<SECRET>"));
                }
            }
        }
    }

    /** The exception's message, its toString and every cause's message must be clean. */
    public void assertClean(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            assertClean(String.valueOf(c.getMessage()));
            assertClean(c.toString());
        }
    }

    private static String tlsScalarHex(String pem) {
        try {
            ECPrivateKey key = (ECPrivateKey) new FieldDecoder("test").pkcs8(pem, "tlsPrivateKey");
            return key.getS().toString(16);
        } catch (KeyFileException e) {
            throw new IllegalStateException(e);
        }
    }
}
