package org.sintraee.runtime.dealer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.sintraee.protocol.crypto.shoup.ShoupDealer;
import org.sintraee.runtime.keys.KeyFileException;
import org.sintraee.runtime.keys.KeyFileWriter;
import org.sintraee.runtime.keys.KeyFiles;
import org.sintraee.runtime.keys.PublicKeys;

/**
 * {@code dealer --servers N --out DIR [...]}: deals, writes and re-reads every key file
 * (see {@link DealerOptions#USAGE}). Prints file names and public facts only.
 * Exit status 0 when written and verified, 2 for a usage error, 1 for any other failure.
 */
public final class DealerCommand {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int USAGE_ERROR = 2;

    private final Supplier<SecureRandom> randomness;
    private final Clock clock;

    /**
     * Real randomness: {@code new SecureRandom()}, the platform default (NativePRNG reading
     * /dev/urandom on Linux, a DRBG elsewhere), seeded by the OS and never blocking once
     * the OS pool is initialised. Not {@code getInstanceStrong()}: on Linux that is
     * NativePRNGBlocking (/dev/random), which can stall for minutes on entropy-poor VMs
     * and containers without being any stronger on a modern kernel.
     */
    public DealerCommand() {
        this(SecureRandom::new, Clock.systemUTC());
    }

    /** Tests pass a seeded generator and a fixed clock. */
    DealerCommand(Supplier<SecureRandom> randomness, Clock clock) {
        this.randomness = Objects.requireNonNull(randomness);
        this.clock = Objects.requireNonNull(clock);
    }

    public static void main(String[] args) {
        int status = new DealerCommand().run(args, System.out, System.err);
        // Only a failure exits explicitly, so that exec:java inside Maven ends normally on success.
        if (status != OK) {
            System.exit(status);
        }
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        DealerOptions options;
        try {
            options = DealerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("dealer: " + e.getMessage());
            err.println(DealerOptions.USAGE);
            return USAGE_ERROR;
        }
        if (options.help()) {
            out.println(DealerOptions.USAGE);
            return OK;
        }
        DealerParameters p = options.parameters();
        if (p.modulusBits() < ShoupDealer.MIN_PRODUCTION_MODULUS_BITS) {
            err.println("dealer: ******************************************************************");
            err.println("dealer: WARNING: --insecure-test-modulus: the service RSA modulus has only "
                    + p.modulusBits() + " bits.");
            err.println("dealer: WARNING: anyone can factor it and forge service signatures.");
            err.println("dealer: WARNING: these keys are for tests and demos only; never deploy them.");
            err.println("dealer: ******************************************************************");
        }
        try {
            return deal(options, out, err);
        } catch (IOException | GeneralSecurityException | KeyFileException | RuntimeException e) {
            // None of these messages holds a secret: paths, algorithm names, field names.
            err.println("dealer: failed: " + describe(e));
            return FAILURE;
        }
    }

    private int deal(DealerOptions options, PrintStream out, PrintStream err)
            throws IOException, GeneralSecurityException, KeyFileException {
        DealerParameters p = options.parameters();
        KeyFileWriter writer = new KeyFileWriter(options.force(), options.allowNonPosix());
        DealingFiles.checkTargets(options.out(), p.servers(), writer);
        err.println("dealer: dealing keys for n = " + p.servers() + " servers, t = " + p.faulty()
                + " faulty, " + p.modulusBits() + "-bit service modulus");
        long start = System.nanoTime();
        Dealing dealing = new Dealer(randomness.get(), clock).deal(p, new ProgressPrinter(err, System::nanoTime));
        err.printf("dealer: dealt in %.1f s%n", (System.nanoTime() - start) / 1e9);
        List<Path> written = DealingFiles.write(dealing, options.out(), writer);
        verify(written);
        out.println("Dealt n = " + p.servers() + ", t = " + p.faulty() + "; thresholds: coin " + p.threshold()
                + ", encryption " + p.threshold() + ", service signature " + p.threshold() + " of " + p.servers()
                + " (" + p.modulusBits() + "-bit modulus).");
        out.println("wrote " + written.get(0) + "  (public: for every server and client)");
        for (int id = 1; id < written.size(); id++) {
            out.println("wrote " + written.get(id) + "  (secret, mode 0600: for server " + id + " only)");
        }
        out.println("verified: every file loads, and each private file matches the public file.");
        return OK;
    }

    /** NIO exceptions often carry only a path ("/x/keys"); their type says what went wrong. */
    private static String describe(Exception e) {
        if (e instanceof FileSystemException fs && fs.getReason() == null) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Reads back what was written, so a dealing that does not load is a failure here, not at a server. */
    private static void verify(List<Path> written) throws KeyFileException {
        PublicKeys pub = KeyFiles.loadPublic(written.get(0));
        for (int id = 1; id < written.size(); id++) {
            KeyFiles.loadPrivate(written.get(id), pub, id);
        }
    }
}
