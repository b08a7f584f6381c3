package org.sintraee.runtime.dealer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.shoup.DealProgress;
import org.sintraee.runtime.keys.KeyFileWriter;

/**
 * Test fixture: two independent n = 4, t = 1 dealings from fixed seeds, with an insecure
 * 512-bit modulus, each made once per test run (safe primes take a while even at 512 bits).
 * Keys from {@link SeededRandom} are predictable by design: never use them anywhere real.
 */
public final class TestDealings {
    public static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private TestDealings() {
    }

    public static DealerParameters parameters() {
        return new DealerParameters(4, 1, DealerParameters.defaultHosts(4), 512, true);
    }

    /** The dealing most tests load. */
    public static Dealing first() {
        return Holder.FIRST;
    }

    /** An unrelated dealing with the same parameters, for "file from another dealing" tests. */
    public static Dealing second() {
        return Holder.SECOND;
    }

    public static Dealing deal(long seed, DealerParameters p) {
        try {
            return new Dealer(new SeededRandom(seed), CLOCK).deal(p, DealProgress.NONE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a dealing's files into {@code dir}; returns public.json, then server-1..n. */
    public static List<Path> write(Dealing dealing, Path dir) {
        try {
            return DealingFiles.write(dealing, dir, new KeyFileWriter(false, false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lazily initialised, once per JVM, shared by all test classes. */
    private static final class Holder {
        static final Dealing FIRST = deal(1, parameters());
        static final Dealing SECOND = deal(2, parameters());
    }
}
