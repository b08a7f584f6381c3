package org.sintraee.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The test's side of the probe servlet on each server of a test cluster. */
final class ProbeClient {

    /** Where server {@code id} answers {@code path} (relative to its root). */
    @FunctionalInterface
    interface Urls {
        URI url(int id, String path);
    }

    /** One delivery as a server's observer recorded it. */
    record Recorded(long seq, long round, String sha256, String boot) {
    }

    /** A server's recorded deliveries, in the order recorded, and its observer's calls since its start. */
    record Deliveries(String boot, long calls, List<Recorded> recorded) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Urls cluster;

    ProbeClient(Urls cluster) {
        this.cluster = cluster;
    }

    /**
     * Submits at server {@code id} with {@code tx} (commit, rollback-only, exception, none) and
     * returns the probe's answer: {@code seq <n>} or {@code failed <class> <message>}.
     */
    String submit(int id, String tx, byte[] request) throws IOException, InterruptedException {
        HttpRequest post = HttpRequest.newBuilder(cluster.url(id, "sintra/probe/submit?tx=" + tx))
                .timeout(Duration.ofSeconds(90))
                .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                .build();
        HttpResponse<String> response = HTTP.send(post, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("server " + id + ": probe submit answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body().strip();
    }

    /** Submits in a committed transaction and returns the seq the server delivered it at. */
    long submitCommitted(int id, byte[] request) throws IOException, InterruptedException {
        String answer = submit(id, "commit", request);
        if (!answer.startsWith("seq ")) {
            throw new IOException("server " + id + ": committed submit failed: " + answer);
        }
        return Long.parseLong(answer.substring(4));
    }

    /** Asks server {@code id} for the certificate of {@code seq}: {@code certificate <Base64>} or {@code failed ...}. */
    String certify(int id, long seq) throws IOException, InterruptedException {
        HttpRequest post = HttpRequest.newBuilder(cluster.url(id, "sintra/probe/certify?seq=" + seq))
                .timeout(Duration.ofSeconds(90))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = HTTP.send(post, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("server " + id + ": probe certify answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body().strip();
    }

    Deliveries deliveries(int id) throws IOException, InterruptedException {
        HttpRequest get = HttpRequest.newBuilder(cluster.url(id, "sintra/probe/deliveries"))
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> response = HTTP.send(get, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("server " + id + ": probe deliveries answered " + response.statusCode() + ": "
                    + response.body());
        }
        String[] lines = response.body().split("\n");
        String[] head = lines[0].split(" ");
        List<Recorded> recorded = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(" ");
            recorded.add(new Recorded(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2], f[3]));
        }
        return new Deliveries(head[1], Long.parseLong(head[3]), recorded);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
