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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.sintraee.api.ActivityStatus;
import org.sintraee.api.AgreementStatus;
import org.sintraee.api.InboundStatus;
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
 * {@code /health/live} is up. The page and the API need the admin login (the test fixture
 * credential, {@link AdminLogin}); health stays open.
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
                () -> assertEquals(-1, agreement.checkpointRound(), "no checkpoint before any round"),
                () -> assertFalse(agreement.failed()),
                () -> assertFalse(body.contains("PRIVATE KEY"), "no private key is sent"));
    }

    /** Alone, the replica delivers nothing: a minute of zeros, no latency, no deliveries, all in the JSON. */
    @Test
    void statusCarriesAnEmptyLastMinute() throws Exception {
        HttpResponse<String> response = get("api/status");

        assertEquals(200, response.statusCode(), response.body());
        ActivityStatus activity;
        try (Jsonb jsonb = JsonbBuilder.create()) {
            activity = jsonb.fromJson(response.body(), ReplicaStatus.class).activity();
        }
        assertAll(response.body(),
                () -> assertEquals(60, activity.windowSeconds()),
                () -> assertEquals(60, activity.deliveredPerSecond().size()),
                () -> assertEquals(0, activity.deliveredInWindow()),
                () -> assertEquals(0, activity.latencySamples()),
                () -> assertEquals(-1, activity.latencyP50Millis()),
                () -> assertEquals(List.of(), activity.lastDeliveries()));
    }

    /** Without the login: the API answers 401 with a Basic challenge, the page sends the browser to the login form. */
    @Test
    void anonymousAndWrongLoginsAreRefusedButTheLoginFormIsOpen() throws Exception {
        HttpResponse<String> api = getAnonymous("api/status");
        HttpResponse<String> page = getAnonymous("");
        HttpResponse<String> form = getAnonymous("login.html");
        HttpResponse<String> wrong = HTTP.send(request("api/servers")
                .header("Authorization", AdminLogin.basic(AdminLogin.USER, "not-the-password")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> script = HTTP.send(request("api/status").header("X-Requested-With", "status.js").GET()
                .build(), HttpResponse.BodyHandlers.ofString());

        assertAll(
                () -> assertEquals(401, api.statusCode(), api.body()),
                () -> assertTrue(api.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"),
                        api.headers().map().toString()),
                () -> assertFalse(api.body().contains("\"serverSet\""), "no status without the login"),
                () -> assertEquals(302, page.statusCode(), page.body()),
                () -> assertTrue(page.headers().firstValue("Location").orElse("").endsWith("/sintra/login.html"),
                        page.headers().map().toString()),
                () -> assertEquals(200, form.statusCode()),
                () -> assertTrue(form.body().contains("action=\"login\""), form.body()),
                () -> assertEquals(401, wrong.statusCode()),
                () -> assertEquals(401, script.statusCode()),
                () -> assertTrue(script.headers().firstValue("WWW-Authenticate").isEmpty(),
                        "no Basic challenge to the page's script: the browser would show its own dialog"));
    }

    /** The login form's POST starts a session (with a new id) that the API then accepts; a wrong password does not. */
    @Test
    void formLoginStartsASessionForThePageAndTheApi() throws Exception {
        HttpResponse<String> failed = postLogin(AdminLogin.USER, "not-the-password");
        HttpResponse<String> login = postLogin(AdminLogin.USER, AdminLogin.PASSWORD);
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.split(";", 2)[0]).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + login.headers().map()));
        HttpResponse<String> status = HTTP.send(request("api/status").header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertAll(
                () -> assertEquals(302, failed.statusCode()),
                () -> assertTrue(failed.headers().firstValue("Location").orElse("").contains("login.html?failed"),
                        failed.headers().map().toString()),
                () -> assertEquals(302, login.statusCode(), login.body()),
                () -> assertTrue(login.headers().firstValue("Location").orElse("").endsWith("/sintra/"),
                        login.headers().map().toString()),
                () -> assertEquals(200, status.statusCode(), status.body()),
                () -> assertTrue(status.body().contains("\"serverSet\""), status.body()));
    }

    private HttpResponse<String> postLogin(String user, String password) throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return HTTP.send(request("login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The packaging's message-driven bean is activated on the adapter (its resourceAdapter name
     * resolves) and its delivery work waits at seq 0: alone, the replica delivers nothing.
     */
    @Test
    void orderedDeliveryBeanIsActivatedAndWaitsAtSeqZero() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        ReplicaStatus status;
        do {
            HttpResponse<String> response = get("api/status");
            assertEquals(200, response.statusCode(), response.body());
            try (Jsonb jsonb = JsonbBuilder.create()) {
                status = jsonb.fromJson(response.body(), ReplicaStatus.class);
            }
            if (status.inbound().stream().anyMatch(i -> i.state().equals("WAITING"))) {
                break;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        List<InboundStatus> inbound = status.inbound();
        assertAll(String.valueOf(inbound),
                () -> assertEquals(1, inbound.size()),
                () -> assertEquals("org.sintraee.ejb.OrderedDeliveryBean", inbound.get(0).endpoint()),
                () -> assertEquals("WAITING", inbound.get(0).state()),
                () -> assertEquals(0, inbound.get(0).nextSeq()),
                () -> assertEquals(0, inbound.get(0).failures()),
                () -> assertEquals("", inbound.get(0).lastError()));
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

    /** The checkpoint is public (the service signs it), and a lone replica has none yet. */
    @Test
    void checkpointIsPublicAndAbsentBeforeTheFirstRound() throws Exception {
        HttpResponse<String> response = getAnonymous("api/checkpoint");
        assertAll(
                () -> assertEquals(404, response.statusCode(), response.body()),
                () -> assertEquals("no certified checkpoint yet", response.body()));
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
                () -> assertTrue(page.body().contains("id=\"agreement\""), "the agreement table"),
                () -> assertTrue(page.body().contains("id=\"activity\""), "the last minute"),
                () -> assertTrue(page.body().contains("id=\"deliveries\""), "the last deliveries"));
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

    /** A GET as the admin, with HTTP Basic. */
    private HttpResponse<String> get(String relative) throws IOException, InterruptedException {
        return HTTP.send(request(relative).header("Authorization", AdminLogin.basic()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getAnonymous(String relative) throws IOException, InterruptedException {
        return HTTP.send(request(relative).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String relative) {
        return HttpRequest.newBuilder(localBase().resolve(relative)).timeout(Duration.ofSeconds(60));
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
    URI localBase() {
        String path = deploymentUrl.getPath().endsWith("/") ? deploymentUrl.getPath() : deploymentUrl.getPath() + "/";
        return URI.create("http://localhost:" + deploymentUrl.getPort() + path);
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }
}
