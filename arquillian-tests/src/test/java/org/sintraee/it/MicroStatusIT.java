package org.sintraee.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Payara Micro runs the product's Micro pair: the standalone sintra-rar.rar (deployed by
 * the post-boot command file, so before the WAR) and the Micro WAR deployed here. Beyond
 * the contract: the MicroProfile Metrics gauges, and the admin page in a real browser.
 */
@ExtendWith(ArquillianExtension.class)
class MicroStatusIT extends AdminStatusContract {

    private static final String[] GAUGES = {"sintra_round", "sintra_delivered", "sintra_queued",
        "sintra_links_up", "sintra_faults_total", "sintra_throughput_per_second"};

    @Deployment(testable = false)
    static WebArchive microWar() {
        return BuiltArtifacts.load("sintra-ear-micro.war", WebArchive.class);
    }

    /** The application gauges in Prometheus text at the container's /metrics, open like /health. */
    @Test
    void metricsShowTheReplicaGauges() throws Exception {
        URI metrics = URI.create("http://localhost:" + localBase().getPort() + "/metrics");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics)
                .header("Accept", "text/plain").timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        String body = response.body();
        for (String gauge : GAUGES) {
            assertTrue(value(body, gauge) >= 0, gauge);
        }
        assertAll(body,
                () -> assertEquals(0, value(body, "sintra_round"), "alone: round 0"),
                () -> assertEquals(0, value(body, "sintra_links_up")),
                () -> assertEquals(0, value(body, "sintra_throughput_per_second")));
    }

    /** A gauge's sample line, with or without the registry's prefix and labels. */
    private static double value(String body, String gauge) {
        Matcher m = Pattern.compile("(?m)^(?:application_)?" + gauge + "(?:\\{[^}]*\\})? (\\S+)$").matcher(body);
        if (!m.find()) {
            throw new AssertionError("no gauge " + gauge + " in /metrics:\n" + body);
        }
        return Double.parseDouble(m.group(1));
    }

    /** Headless Chromium logs in through the form and watches the page fill and refresh. */
    @Test
    void aBrowserLogsInAndSeesTheServerSetAndStatusUpdate() throws Exception {
        Path screenshot = Path.of(System.getProperty("sintra.it.screenshots", "target/screenshots"), "admin.png");
        try (AdminBrowser browser = AdminBrowser.start()) {
            try {
                watch(browser, screenshot);
            } catch (RuntimeException | AssertionError e) {
                // what the browser showed when it went wrong
                browser.screenshot(screenshot.resolveSibling("admin-failure.png"));
                throw e;
            }
        }
    }

    private void watch(AdminBrowser browser, Path screenshot) throws Exception {
        browser.open(localBase().resolve(""));
        browser.waitForUrlEnding("/sintra/login.html");
        browser.logIn(AdminLogin.USER, AdminLogin.PASSWORD);
        browser.waitForUrlEnding("/sintra/");

        browser.waitForRows("#servers tbody tr", 4);
        int polls = browser.polls();
        browser.waitForPolls(polls + 2); // it refreshes by itself (every 2 s)
        String serverId = browser.field("#status", "serverId");
        String health = browser.text("#health");
        String links = browser.text("#servers tbody");
        String sparkline = browser.field("#activity", "sparkline");
        browser.screenshot(screenshot);

        assertAll(
                () -> assertEquals(System.getProperty("sintra.it.serverId"), serverId),
                () -> assertTrue(health.contains("NOT ready"), health),
                () -> assertTrue(links.contains("(this server)") && links.contains("down"), links),
                () -> assertEquals(60, sparkline.length(), "one mark per second: " + sparkline),
                () -> assertEquals("0", browser.field("#agreement", "round")),
                () -> assertEquals("none yet", browser.field("#agreement", "checkpoint")),
                () -> assertTrue(browser.text("#deliveries tbody").contains("none yet")),
                () -> assertTrue(Files.size(screenshot) > 10_000, "a screenshot at " + screenshot));
    }
}
