package org.sintraee.runtime.dealer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.runtime.keys.KeyFiles;
import org.sintraee.runtime.keys.PublicKeys;
import org.sintraee.runtime.keys.SecretScan;

class DealerCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        DealerCommand command = new DealerCommand(() -> new SeededRandom(42), TestDealings.CLOCK);
        return command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "--out x",
            "--servers 4",
            "--servers four --out x",
            "--servers 4 --out x --bogus",
            "--servers 4 --out x stray",
            "--servers 4 --out x --faulty 2",
            "--servers 4 --out x --hosts a:1,b:2,c:3",
            "--servers 2 --out x --hosts a:1,b:99999",
            "--servers 4 --out x --modulus-bits 1024",
            "--servers 4 --out x --modulus-bits 511 --insecure-test-modulus",
            "--servers 4 --out x --servers 5",
            "--servers 4 --out",
            "--servers 4 --out x --force=yes"})
    void badArgumentsExitWithStatusTwoAndTheUsage(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        assertEquals(2, run(args));
        assertTrue(err().startsWith("dealer: "), err());
        assertTrue(err().contains("usage: dealer --servers N --out DIR"), err());
        assertEquals("", out());
        assertFalse(Files.exists(Path.of("x")), "nothing written");
    }

    @Test
    void tooSmallModulusWithoutTheSwitchSaysWhichSwitch() {
        assertEquals(2, run("--servers", "4", "--out", dir.toString(), "--modulus-bits", "512"));
        assertTrue(err().contains("--insecure-test-modulus"), err());
    }

    @Test
    void outputThatIsNotADirectoryFailsWithStatusOneBeforeDealing() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        assertEquals(1, run("--servers", "4", "--out", file.toString(), "--insecure-test-modulus",
                "--modulus-bits", "512"));
        assertTrue(err().contains("dealer: failed: " + file + ": is not a directory"), err());
        assertFalse(err().contains("dealing keys"), err());
    }

    @Test
    void helpPrintsTheUsageAndSucceeds() {
        assertEquals(0, run("--help"));
        assertTrue(out().startsWith("usage: dealer"), out());
        assertEquals(0, run("-h"));
    }

    @Test
    void dealsWritesAndVerifiesThenRefusesToOverwriteUnlessForced() throws Exception {
        Path keys = dir.resolve("keys");
        String[] args = {"--servers", "4", "--out", keys.toString(), "--hosts",
                "10.0.0.1:7001,10.0.0.2:7001,replica-3.example.org:7001,[fd00::4]:7001",
                "--insecure-test-modulus", "--modulus-bits=512"};
        assertEquals(0, run(args), err());
        assertTrue(err().contains("WARNING: --insecure-test-modulus"), err());
        assertTrue(out().contains("wrote " + keys.resolve("public.json")), out());
        assertTrue(out().contains("wrote " + keys.resolve("server-4.private.json")), out());
        assertTrue(out().contains("verified"), out());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));

        PublicKeys pub = KeyFiles.loadPublic(keys.resolve("public.json"));
        assertEquals(1, pub.faulty(), "default t = (n-1)/3");
        assertEquals("[fd00::4]:7001", pub.member(4).address().toString());
        for (int id = 1; id <= 4; id++) {
            Path file = keys.resolve("server-" + id + ".private.json");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertEquals(id, KeyFiles.loadPrivate(file, pub, id).id());
        }
        // Nothing secret on either stream: scan with this run's own secrets.
        SecretScan scan = SecretScan.ofFiles(IntStream.rangeClosed(1, 4)
                .mapToObj(id -> keys.resolve("server-" + id + ".private.json")).toList());
        assertEquals(4 * 6, scan.secrets().size());
        scan.assertClean(out());
        scan.assertClean(err());

        byte[] before = Files.readAllBytes(keys.resolve("server-1.private.json"));
        out.reset();
        err.reset();
        assertEquals(1, run(args));
        assertTrue(err().contains("exists; pass --force"), err());
        assertFalse(err().contains("dealing keys"), "refused before dealing: " + err());
        assertArrayEquals(before, Files.readAllBytes(keys.resolve("server-1.private.json")));

        err.reset();
        String[] forced = Arrays.copyOf(args, args.length + 1);
        forced[args.length] = "--force";
        assertEquals(0, new DealerCommand(() -> new SeededRandom(43), TestDealings.CLOCK).run(forced,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertFalse(Arrays.equals(before, Files.readAllBytes(keys.resolve("server-1.private.json"))));
    }
}
