package org.sintraee.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.sintraee.api.AgreementStatus;
import org.sintraee.api.PeerStatus;
import org.sintraee.api.ReplicaStatus;
import org.sintraee.api.ServerSetEntry;

/**
 * What every packaging must show over HTTP once deployed: the admin page, and
 * {@code GET /api/status} answering with the adapter's per-instance configuration
 * (server id and data directory from the build, via the asadmin command files), and the
 * replica's engine running on the container's threads: alone (its three peers are not
 * started), so linked to no one, not ready, and still in round 0 with nothing delivered.
 * The container's MicroProfile Health endpoints agree: {@code /health/ready} is down,
 * {@code /health/live} is up.
 */
abstract class AdminStatusContract {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    private URL deploymentUrl;

    @Test
    void statusReportsTheConfiguredReplica() throws Exception {
        HttpResponse<String> response = get("api/status");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(contentType(response).startsWith("application/json"), contentType(response));
        ReplicaStatus status;
        try (Jsonb jsonb = JsonbBuilder.create()) {
            status = jsonb.fromJson(response.body(), ReplicaStatus.class);
        }
        Path dataDirectory = Path.of(System.getProperty("sintra.it.dataDirectory"));
        assertAll(response.body(),
                () -> assertEquals(Integer.getInteger("sintra.it.serverId"), status.serverId()),
                () -> assertEquals(4, status.servers()),
                () -> assertEquals(1, status.faulty()),
                () -> assertEquals("STARTED", status.state()),
                () -> assertEquals(dataDirectory.toString(), status.dataDirectory()),
                () -> assertTrue(Instant.parse(status.startedAt()).isBefore(Instant.now())),
                () -> assertTrue(Files.isDirectory(dataDirectory), "the adapter creates its data directory"),
                () -> assertTrue(response.body().contains("\"linksUp\":"), "the engine's fields are sent"),
                () -> assertFalse(status.ready(), "its peers are down"),
                () -> assertEquals(0, status.linksUp()),
                () -> assertEquals(0, status.round()),
                () -> assertEquals(0, status.delivered()),
                () -> assertTrue(journalOpened(dataDirectory), "the engine opened its journal"));
        assertServerSetAndAgreement(status, response.body());
    }

    /** The server set from the public file (this server marked), its three peers down, nothing agreed yet. */
    private static void assertServerSetAndAgreement(ReplicaStatus status, String body) {
        int self = Integer.getInteger("sintra.it.serverId");
        List<ServerSetEntry> set = status.serverSet();
        AgreementStatus agreement = status.agreement();
        assertAll(body,
                () -> assertEquals(List.of(1, 2, 3, 4), set.stream().map(ServerSetEntry::id).toList()),
                () -> assertEquals(List.of(self), set.stream().filter(ServerSetEntry::self).map(ServerSetEntry::id).toList()),
                () -> assertTrue(set.stream().allMatch(e -> e.certificateSha256().matches("[0-9a-f]{64}")), "fingerprints"),
                () -> assertTrue(set.stream().allMatch(e -> e.address().contains(":")), "host:port addresses"),
                () -> assertEquals(set.stream().filter(e -> !e.self()).map(ServerSetEntry::id).toList(),
                        status.peers().stream().map(PeerStatus::id).toList(), "one entry per peer"),
                () -> assertTrue(status.peers().stream().noneMatch(PeerStatus::up), "its peers are down"),
                () -> assertTrue(status.peers().stream().allMatch(p -> p.faultCount() == 0), "no faults"),
                () -> assertEquals(0, agreement.round()),
                () -> assertEquals(0, agreement.delivered()),
                () -> assertFalse(agreement.failed()),
                () -> assertFalse(body.contains("PRIVATE KEY"), "no private key is sent"));
    }

    @Test
    void serversListsThePublicServerSet() throws Exception {
        HttpResponse<String> response = get("api/servers");

        assertEquals(200, response.statusCode(), response.body());
        ServerSetEntry[] set;
        try (Jsonb jsonb = JsonbBuilder.create()) {
            set = jsonb.fromJson(response.body(), ServerSetEntry[].class);
        }
        assertEquals(4, set.length, response.body());
        assertTrue(List.of(set).stream().allMatch(e -> e.certificateSha256().matches("[0-9a-f]{64}")), response.body());
    }

    private static boolean journalOpened(Path dataDirectory) throws IOException {
        try (var entries = Files.list(dataDirectory)) {
            return entries.findAny().isPresent();
        }
    }

    @Test
    void adminPageLoadsTheStatusScript() throws Exception {
        HttpResponse<String> page = get("");
        HttpResponse<String> script = get("status.js");

        assertAll(
                () -> assertEquals(200, page.statusCode()),
                () -> assertTrue(contentType(page).startsWith("text/html"), contentType(page)),
                () -> assertTrue(page.body().contains("<script src=\"status.js\">"), page.body()),
                () -> assertEquals(200, script.statusCode()),
                () -> assertTrue(script.body().contains("fetch('api/status'"), script.body()),
                () -> assertTrue(script.body().contains("setInterval(refresh, 2000)"), "polls every 2 s"),
                () -> assertTrue(page.body().contains("id=\"servers\""), "the server table"),
                () -> assertTrue(page.body().contains("id=\"agreement\""), "the agreement table"));
    }

    /** MicroProfile Health at the server's root: alone, the replica has no quorum of links, so not ready. */
    @Test
    void readinessIsDownWhileThePeersAreDown() throws Exception {
        HttpResponse<String> response = getFromRoot("health/ready");

        assertEquals(503, response.statusCode(), response.body());
        JsonObject health = parse(response.body());
        JsonObject check = check(health, "sintra-replica", response.body());
        JsonObject data = check.getJsonObject("data");
        assertAll(response.body(),
                () -> assertEquals("DOWN", health.getString("status")),
                () -> assertEquals("DOWN", check.getString("status")),
                () -> assertEquals(0, count(data, "linksUp")),
                () -> assertEquals(0, count(data, "round")),
                () -> assertEquals(0, count(data, "delivered")));
    }

    /** Peers being down is no liveness matter: the node has not failed. */
    @Test
    void livenessIsUpWhileTheNodeRuns() throws Exception {
        HttpResponse<String> response = getFromRoot("health/live");

        assertEquals(200, response.statusCode(), response.body());
        JsonObject health = parse(response.body());
        JsonObject check = check(health, "sintra-node", response.body());
        assertAll(response.body(),
                () -> assertEquals("UP", health.getString("status")),
                () -> assertEquals("UP", check.getString("status")));
    }

    /** A number in a check's data: Payara sends the values as JSON strings, the specification allows numbers. */
    private static long count(JsonObject data, String key) {
        JsonValue value = data.get(key);
        if (value == null) {
            throw new AssertionError("no " + key + " in " + data);
        }
        return value instanceof JsonString text ? Long.parseLong(text.getString()) : ((JsonNumber) value).longValueExact();
    }

    private static JsonObject parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static JsonObject check(JsonObject health, String name, String body) {
        return health.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(c -> name.equals(c.getString("name", "")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check named " + name + ": " + body));
    }

    @Test
    void contextRootIsTheSameInEveryPackaging() {
        assertEquals("/sintra/", deploymentUrl.getPath());
    }

    private HttpResponse<String> get(String relative) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(localBase().resolve(relative))
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A path from the server's root (not the context root), where the container serves /health. */
    private HttpResponse<String> getFromRoot(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + deploymentUrl.getPort() + "/" + path))
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The deployment's URL on the loopback address: the servers report an address of their own choosing. */
    private URI localBase() {
        String path = deploymentUrl.getPath().endsWith("/") ? deploymentUrl.getPath() : deploymentUrl.getPath() + "/";
        return URI.create("http://localhost:" + deploymentUrl.getPort() + path);
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }
}
