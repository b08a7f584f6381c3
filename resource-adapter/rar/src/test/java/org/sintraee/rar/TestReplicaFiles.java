package org.sintraee.rar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sintraee.runtime.dealer.DealerCommand;

/**
 * Key files made by the real dealer (with an insecure small test modulus, dealt once
 * per JVM) and copied into a test's temporary directory, plus a data directory path.
 */
final class TestReplicaFiles {

    static final int SERVERS = 4;
    private static Path dealt;

    final Path dir;
    final Path publicKeyFile;
    final Path dataDirectory;

    TestReplicaFiles(Path dir) throws IOException {
        this.dir = dir;
        Path source = dealing();
        publicKeyFile = Files.copy(source.resolve("public.json"), dir.resolve("public.json"));
        for (int id = 1; id <= SERVERS; id++) {
            Files.copy(source.resolve(privateName(id)), dir.resolve(privateName(id)));
        }
        dataDirectory = dir.resolve("data").resolve("server-1");
    }

    Path privateKeyFile(int id) {
        return dir.resolve(privateName(id));
    }

    /** The secret Ed25519 key of a private file as written, to check it never leaks. */
    String signingSecretOf(int id) throws IOException {
        String json = Files.readString(privateKeyFile(id));
        int at = json.indexOf("\"signingSecretKey\"");
        int start = json.indexOf('"', json.indexOf(':', at)) + 1;
        return json.substring(start, json.indexOf('"', start));
    }

    ReplicaConfig.RawProperties properties(Integer serverId) {
        return properties(serverId, privateKeyFile(serverId == null || serverId < 1 || serverId > SERVERS ? 1 : serverId));
    }

    ReplicaConfig.RawProperties properties(Integer serverId, Path privateKeyFile) {
        return new ReplicaConfig.RawProperties(serverId, publicKeyFile.toString(), privateKeyFile.toString(),
                dataDirectory.toString(), null);
    }

    /** An adapter configured as server {@code id} on these files, its peer port on loopback {@code port}; not started. */
    SintraResourceAdapter adapter(int id, int port) {
        SintraResourceAdapter adapter = new SintraResourceAdapter();
        adapter.setServerId(id);
        adapter.setPublicKeyFile(publicKeyFile.toString());
        adapter.setPrivateKeyFile(privateKeyFile(id).toString());
        adapter.setDataDirectory(dataDirectory.toString());
        adapter.setListenAddress("127.0.0.1:" + port);
        return adapter;
    }

    /** A loopback port that is free now, for an adapter's listenAddress (the dealt addresses may be taken). */
    static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String privateName(int id) {
        return "server-" + id + ".private.json";
    }

    private static synchronized Path dealing() throws IOException {
        if (dealt == null) {
            Path out = Files.createTempDirectory("sintra-rar-test-keys");
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(log, true, StandardCharsets.UTF_8);
            int status = new DealerCommand().run(new String[] {"--servers", String.valueOf(SERVERS), "--out",
                    out.toString(), "--insecure-test-modulus", "--modulus-bits", "512", "--force"}, print, print);
            if (status != 0) {
                throw new IOException("test dealing failed: " + log.toString(StandardCharsets.UTF_8));
            }
            dealt = out;
        }
        return dealt;
    }
}
