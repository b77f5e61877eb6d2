package io.sluice.server.alerts;

import static io.sluice.server.alerts.TestAlerts.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Alertmanager receives Sluice's alerts through its v2 API, and ends them when they resolve. */
class AlertmanagerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    @TempDir
    Path tempDir;
    private AlertmanagerProcess alertmanager;

    @BeforeEach
    void startAlertmanager() throws Exception {
        assumeTrue(AlertmanagerProcess.installed(), AlertmanagerProcess.BINARY + " missing (apt install "
            + "prometheus-alertmanager)");
        alertmanager = AlertmanagerProcess.start(Files.createDirectories(tempDir.resolve("am")));
    }

    @AfterEach
    void stopAlertmanager() throws Exception {
        if (alertmanager != null) {
            alertmanager.close();
        }
    }

    @Test
    void shouldShowFiringAlertWithItsLabelsAndEndItOnResolve() throws Exception {
        NotifierSettings settings = TestAlerts.fastSettings().withAlertmanager(alertmanager.url());
        try (AlertNotifications notifications = AlertNotifications.open(tempDir.resolve("data"), settings)) {
            notifications.onAlert(TestAlerts.firing("HighErrorRate", "checkout"), true);
            await(() -> active("HighErrorRate").size() == 1, Duration.ofSeconds(15), this::diagnostics);
            JsonNode alert = active("HighErrorRate").get(0);
            JsonNode labels = alert.path("labels");
            assertEquals("HighErrorRate", labels.path("alertname").asText());
            assertEquals("checkout", labels.path("service").asText());
            assertEquals("payments", labels.path("team").asText());
            assertEquals("P1", labels.path("severity").asText());
            assertEquals("Error rate above 5%", alert.path("annotations").path("summary").asText());
            assertEquals("active", alert.path("status").path("state").asText());
            assertEquals("http://localhost:8080/api/alerts?rule=HighErrorRate", alert.path("generatorURL").asText());

            notifications.onAlert(TestAlerts.firing("HighErrorRate", "checkout"), false); // a periodic re-send
            notifications.onAlert(TestAlerts.resolved("HighErrorRate", "checkout"), true);
            await(() -> active("HighErrorRate").isEmpty(), Duration.ofSeconds(15), this::diagnostics);
            DestinationMetrics metrics = notifications.metrics().destinations().get(0);
            await(() -> metrics.queued() == 0, Duration.ofSeconds(5), () -> "outbox drained");
            assertEquals(0, metrics.failures());
            assertEquals(3, metrics.delivered());
        }
    }

    /** Alertmanager's own view: {@code GET /api/v2/alerts?active=true} filtered by alertname. */
    private JsonNode active(String alertname) {
        String filter = URLEncoder.encode("alertname=\"" + alertname + "\"", StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(alertmanager.url()
                    .resolve("/api/v2/alerts?active=true&silenced=false&inhibited=false&filter=" + filter))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("alertmanager API failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private String diagnostics() {
        try {
            return "alert in alertmanager; its log:\n" + alertmanager.log();
        } catch (IOException e) {
            return e.toString();
        }
    }
}
