package io.sluice.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sluice.server.alerts.AlertNotifications;
import io.sluice.server.alerts.NotifierSettings;
import io.sluice.server.support.TestServers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code promtool check metrics} (Prometheus' own linter, Debian package {@code prometheus}) accepts /metrics. */
class PromtoolIT {
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @TempDir
    Path dataDir;

    @BeforeEach
    void requirePromtool() {
        assumeTrue(Files.isExecutable(PROMTOOL), PROMTOOL + " missing (apt install prometheus)");
    }

    @Test
    void shouldPassPromtoolWithTheServersMetricsAfterIngest() throws Exception {
        try (SluiceServer server = SluiceServer.start(TestServers.loopback(dataDir))) {
            HttpClient client = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + server.port("http"));
            HttpResponse<String> ingest = client.send(HttpRequest.newBuilder(base.resolve("/api/ingest"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString("{\"level\":\"error\",\"service\":\"checkout\",\"msg\":\"a\"}\n"
                    + "{\"level\":\"info\",\"service\":\"checkout\",\"msg\":\"b\",\"duration_ms\":87}\n"
                    + "{\"level\":\"warn\",\"service\":\"web\",\"msg\":\"c\"}\n"))
                .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ingest.statusCode(), ingest.body());
            HttpResponse<String> scrape = client.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, scrape.statusCode());
            assertTrue(scrape.body().contains("sluice_"), scrape.body());
            assertTrue(scrape.body().contains("sluice_journal_pages_released_total "), "drop-behind's counter");
            assertPromtoolAccepts(scrape.body());
        }
    }

    @Test
    void shouldPassPromtoolWithTheAlertNotificationMetrics() throws Exception {
        NotifierSettings settings = NotifierSettings.defaults()
            .withAlertmanager(URI.create("http://127.0.0.1:9/"))
            .withWebhooks(List.of(URI.create("http://127.0.0.1:9/hook")));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (AlertNotifications notifications = AlertNotifications.open(dataDir, settings)) {
            notifications.metrics().bindTo(registry);
            String scrape = registry.scrape();
            assertTrue(scrape.contains("sluice_alert_notifications_attempts_total{destination=\"webhook-1\"}"),
                scrape);
            assertPromtoolAccepts(scrape);
        } finally {
            registry.close();
        }
    }

    private static void assertPromtoolAccepts(String exposition) throws IOException, InterruptedException {
        Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true)
            .start();
        try {
            try (OutputStream stdin = promtool.getOutputStream()) {
                stdin.write(exposition.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(promtool.waitFor(30, TimeUnit.SECONDS), "promtool did not finish");
            assertEquals(0, promtool.exitValue(), "promtool check metrics:\n" + output);
        } finally {
            promtool.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
