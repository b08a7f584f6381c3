package org.sintraee.api.notary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against fake notary servers on loopback: honest, lying, failing and down. */
class NotaryClientTest {
    private final List<HttpServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    /** A server answering each stamp request's body (the digest in hex) with (status, body). */
    private URI server(Function<byte[], Object[]> answer) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext(NotaryClient.PATH, exchange -> {
            byte[] digest = HexFormat.of().parseHex(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.US_ASCII));
            Object[] a = answer.apply(digest);
            byte[] body = ((String) a[1]).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders((Integer) a[0], body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        s.start();
        servers.add(s);
        return URI.create("http://127.0.0.1:" + s.getAddress().getPort());
    }

    private static URI down() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort()); // closed: connection refused
        }
    }

    @Test
    void firstValidAnswerWinsOverLiarsAndDeadServers() throws Exception {
        var liarKey = NotaryFixtures.generate();
        URI liar = server(d -> new Object[] {200, NotaryFixtures.receipt(d, 0, 3, liarKey).toJson()});
        URI wrongDigest = server(d -> new Object[] {200,
                NotaryFixtures.receipt(NotaryFixtures.digest(77), 0, 3, NotaryFixtures.SERVICE).toJson()});
        URI honest = server(d -> new Object[] {200, NotaryFixtures.receipt(d, 1, 3, NotaryFixtures.SERVICE).toJson()});
        NotaryClient client = new NotaryClient(List.of(liar, down(), wrongDigest, honest), 1,
                NotaryFixtures.SERVICE.getPublic(), Duration.ofSeconds(30));
        byte[] digest = NotaryFixtures.digest(5);
        NotaryReceipt r = client.stamp(digest);
        assertTrue(r.verify(NotaryFixtures.SERVICE.getPublic()));
        assertEquals(41, r.seq());
    }

    @Test
    void noValidAnswerNamesEveryServersFailure() throws Exception {
        URI refusing = server(d -> new Object[] {503, "the replica is not running"});
        URI garbage = server(d -> new Object[] {200, "{not json"});
        NotaryClient client = new NotaryClient(List.of(refusing, garbage), 1, NotaryFixtures.SERVICE.getPublic(),
                Duration.ofSeconds(30));
        NotaryException e = assertThrows(NotaryException.class, () -> client.stamp(NotaryFixtures.digest(1)));
        assertTrue(e.getMessage().contains("HTTP 503 the replica is not running"), e.getMessage());
        assertTrue(e.getMessage().contains(garbage.toString()), e.getMessage());
    }

    @Test
    void needsAtLeastTPlusOneServers() {
        assertThrows(IllegalArgumentException.class, () -> new NotaryClient(List.of(URI.create("http://a")), 1,
                NotaryFixtures.SERVICE.getPublic(), Duration.ofSeconds(1)));
    }
}
