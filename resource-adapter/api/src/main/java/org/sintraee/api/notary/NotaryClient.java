package org.sintraee.api.notary;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Stamps a document digest at the replicated notary and returns the first answer that the
 * service key verifies. It asks t + 1 servers at once, so at least one honest server has
 * the request even if t lie or are down; each server that fails or answers something
 * invalid is replaced by the next one in the list. It never needs the individual servers'
 * keys: an answer counts only if it verifies under the one service key.
 *
 * <p>Servers are base URLs such as {@code http://host:8080}; the notary listens on
 * {@value #PATH}. Needs only the JDK.
 */
public final class NotaryClient {
    /** Where each server takes a stamp request (POST, body: the digest in hex). */
    public static final String PATH = "/sintra/api/notary/stamps";

    private final List<URI> servers;
    private final int faulty;
    private final PublicKey serviceKey;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param servers    the servers' base URLs, at least t + 1
     * @param faulty     t, the number of faulty servers the service tolerates
     * @param serviceKey the service's public key ({@code ServiceKeys.readPem})
     * @param timeout    how long one server may take to answer before the next is asked
     */
    public NotaryClient(List<URI> servers, int faulty, PublicKey serviceKey, Duration timeout) {
        this.servers = List.copyOf(servers);
        this.serviceKey = Objects.requireNonNull(serviceKey, "serviceKey");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (faulty < 0 || this.servers.size() < faulty + 1) {
            throw new IllegalArgumentException("need at least t + 1 = " + (faulty + 1) + " servers, got "
                    + this.servers.size());
        }
        this.faulty = faulty;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * Stamps {@code documentDigest} (SHA-256 of the document).
     *
     * @throws NotaryException if no server gave a valid answer; names each server's failure
     */
    public NotaryReceipt stamp(byte[] documentDigest) throws NotaryException {
        NotaryRequest.encode(documentDigest); // validates the digest before anything is sent
        String body = HexFormat.of().formatHex(documentDigest);
        CompletableFuture<NotaryReceipt> first = new CompletableFuture<>();
        Attempts attempts = new Attempts(first);
        for (int k = 0; k <= faulty; k++) {
            attempts.next(body, documentDigest);
        }
        try {
            return first.get();
        } catch (ExecutionException e) {
            throw new NotaryException(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotaryException("interrupted while waiting for the notary");
        }
    }

    /** Tracks which servers were asked and why each failed; asks the next after a failure. */
    private final class Attempts {
        private final CompletableFuture<NotaryReceipt> first;
        private final List<String> failures = new ArrayList<>();
        private int asked;
        private int finished;

        Attempts(CompletableFuture<NotaryReceipt> first) {
            this.first = first;
        }

        synchronized void next(String body, byte[] digest) {
            if (asked == servers.size()) {
                if (finished == asked && !first.isDone()) {
                    first.completeExceptionally(new NotaryException("no valid answer from any of " + asked
                            + " servers: " + String.join("; ", failures)));
                }
                return;
            }
            URI server = servers.get(asked++);
            HttpRequest request = HttpRequest.newBuilder(server.resolve(PATH)).timeout(timeout)
                    .header("Content-Type", "text/plain").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                String failure = error != null ? error.toString() : check(response, digest);
                if (failure == null) {
                    first.complete(NotaryReceipt.fromJson(response.body()));
                    return;
                }
                synchronized (this) {
                    failures.add(server + ": " + failure);
                    finished++;
                }
                next(body, digest);
            });
        }

        /** Null if the answer is a receipt for this digest that the service key verifies. */
        private String check(HttpResponse<String> response, byte[] digest) {
            if (response.statusCode() != 200) {
                return "HTTP " + response.statusCode() + " " + abbreviate(response.body());
            }
            try {
                NotaryReceipt receipt = NotaryReceipt.fromJson(response.body());
                if (!java.util.Arrays.equals(receipt.documentDigest(), digest)) {
                    return "the answer is for another digest";
                }
                return receipt.verify(serviceKey) ? null : "the answer does not verify under the service key";
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
