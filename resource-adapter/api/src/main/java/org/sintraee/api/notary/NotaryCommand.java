package org.sintraee.api.notary;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.sintraee.api.ServiceKeys;

/**
 * Command line for the notary client:
 * <pre>
 * notary --servers http://localhost:8080,http://localhost:8081 --faulty 1 \
 *        --service-key keys/service-key.pem FILE...
 * </pre>
 * stamps each file's SHA-256 and prints where the service ordered it, after verifying the
 * answer with the JDK's SHA256withRSA under the service key. Exit status 1 if any failed.
 */
public final class NotaryCommand {
    private static final String USAGE = "usage: notary --servers URL,URL,... --faulty T --service-key PEM"
            + " [--timeout-seconds S] FILE...";

    private NotaryCommand() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (IllegalArgumentException e) {
            System.err.println("notary: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
    }

    static int run(String[] args) {
        List<URI> servers = new ArrayList<>();
        Integer faulty = null;
        Path keyFile = null;
        long timeoutSeconds = 120;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--servers" -> {
                    for (String s : value(args, ++i, "--servers").split(",")) {
                        servers.add(URI.create(s.trim()));
                    }
                }
                case "--faulty" -> faulty = Integer.valueOf(value(args, ++i, "--faulty"));
                case "--service-key" -> keyFile = Path.of(value(args, ++i, "--service-key"));
                case "--timeout-seconds" -> timeoutSeconds = Long.parseLong(value(args, ++i, "--timeout-seconds"));
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + args[i]);
                    }
                    files.add(Path.of(args[i]));
                }
            }
        }
        if (servers.isEmpty() || faulty == null || keyFile == null || files.isEmpty()) {
            throw new IllegalArgumentException("--servers, --faulty, --service-key and at least one FILE are needed");
        }
        PublicKey key;
        try {
            key = ServiceKeys.readPem(keyFile);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the service key " + keyFile + ": " + e.getMessage());
        }
        NotaryClient client = new NotaryClient(servers, faulty, key, Duration.ofSeconds(timeoutSeconds));
        int failed = 0;
        for (Path file : files) {
            try {
                NotaryReceipt r = client.stamp(sha256(file));
                System.out.println(file + ": sha256 " + HexFormat.of().formatHex(r.documentDigest()) + " ordered at seq "
                        + r.seq() + " in round " + r.round() + "; signature verified with the service key");
                System.out.println("  receipt: " + r.toJson());
            } catch (IOException | NotaryException e) {
                System.err.println(file + ": " + e.getMessage());
                failed++;
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static byte[] sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                d.update(buffer, 0, n);
            }
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
