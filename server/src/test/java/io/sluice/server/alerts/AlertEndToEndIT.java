package io.sluice.server.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.alerts.AlertFunctions;
import io.sluice.alerts.AlertsYaml;
import io.sluice.server.SluiceServer;
import io.sluice.server.support.SyslogSender;
import io.sluice.server.support.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerting promise end to end, over real sockets: a synthetic service logs 1 000 events/s over TCP syslog with
 * 0.1 % errors, then 3 %, then 0.1 % again. The fast-burn rule goes pending, fires within {@code for} + 1 s of the
 * step, resolves after the recovery; a real Alertmanager shows it with its labels while it fires and drops it from
 * its active alerts after; a webhook receiver gets exactly one firing and one resolved notification.
 */
class AlertEndToEndIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EVENTS_PER_SECOND = 1_000;
    private static final long FOR_MILLIS = 1_000;

    @TempDir
    Path dir;

    private final AtomicInteger errorEvery = new AtomicInteger(1_000); // one error per N events: 0.1 %
    private final AtomicBoolean sending = new AtomicBoolean(true);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldGoPendingFireAndResolveAndReachAlertmanagerAndAWebhook() throws Exception {
        assumeTrue(AlertmanagerProcess.installed(), "prometheus-alertmanager is not installed");
        try (AlertmanagerProcess alertmanager = AlertmanagerProcess.start(Files.createDirectories(dir.resolve("am")));
             WebhookReceiver webhook = WebhookReceiver.start(0, 0)) {
            String yaml = """
                alerts:
                  alertmanager: {url: %s}
                  webhooks: [{url: %s}]
                  rules:
                    - name: CheckoutErrorBurst
                      expr: error_rate(service=checkout, window=10s) > 0.0015
                      for: 1s
                      severity: P1
                      labels: {team: payments}
                      annotations: {summary: "checkout errors at {{ $value }}", runbook_url: deploy/runbooks/critical-error-rate.md}
                """.formatted(alertmanager.url(), webhook.url());
            try (SluiceServer server = SluiceServer.start(TestServers.loopback(dir.resolve("data"))
                .withAlerts(AlertsYaml.parseConfig(yaml, "test", AlertFunctions.builtins())))) {
                int api = server.port("http");
                Thread service = new Thread(() -> runService(server.port("syslog-tcp")), "synthetic-checkout");
                service.start();
                try {
                    Thread.sleep(11_000); // a full 10 s window of 0.1 % first
                    assertEquals(List.of(), alerts(api, "active"), "no alert at the 0.1 % baseline");

                    long step = System.nanoTime();
                    errorEvery.set(33); // 3 %
                    long pendingAt = waitFor(api, a -> "pending".equals(a.path("state").asText()), 5_000) - step;
                    long firingAt = waitFor(api, a -> "firing".equals(a.path("state").asText()), 5_000) - step;
                    System.out.printf("alert e2e: step -> pending %.0f ms, step -> firing %.0f ms (for %d ms)%n",
                        pendingAt / 1e6, firingAt / 1e6, FOR_MILLIS);
                    assertTrue(firingAt <= (FOR_MILLIS + 1_000) * 1_000_000L, "fired " + firingAt / 1e6 + " ms after");
                    JsonNode inAlertmanager = waitForAlertmanager(alertmanager.url(), true);
                    assertEquals("P1", inAlertmanager.path("labels").path("severity").asText());
                    assertEquals("checkout", inAlertmanager.path("labels").path("service").asText());
                    assertEquals("payments", inAlertmanager.path("labels").path("team").asText());

                    errorEvery.set(1_000); // recovery
                    waitFor(api, a -> "resolved".equals(a.path("state").asText()), 25_000, "recent");
                    assertTrue(waitForAlertmanager(alertmanager.url(), false).isMissingNode(),
                        "resolved alert still active in Alertmanager");
                    List<String> states = waitForWebhook(webhook, 2);
                    assertEquals(List.of("firing", "resolved"), states, "one notification per state change");
                } finally {
                    sending.set(false);
                    service.join();
                }
            }
        }
    }

    /** 1 000 events/s in 100 ms batches, every {@link #errorEvery}-th an error (severity err), the rest info. */
    private void runService(int port) {
        try (SyslogSender sender = new SyslogSender(port, false)) {
            long n = 0;
            long next = System.nanoTime();
            while (sending.get()) {
                for (int i = 0; i < EVENTS_PER_SECOND / 10; i++, n++) {
                    boolean error = n % errorEvery.get() == 0;
                    sender.send((error ? "<11>" : "<14>") + "1 2026-11-23T10:00:00Z web01 checkout 7 - - "
                        + (error ? "payment failed" : "order placed") + " #" + n);
                }
                sender.flush();
                next += 100_000_000L;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<JsonNode> alerts(int port, String list) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/alerts")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        List<JsonNode> result = new ArrayList<>();
        JSON.readTree(body).path(list).forEach(result::add);
        return result;
    }

    private long waitFor(int port, Predicate<JsonNode> match, long timeoutMs) throws Exception {
        return waitFor(port, match, timeoutMs, "active");
    }

    /** Polls /api/alerts every 20 ms; returns System.nanoTime() when an alert in {@code list} matched. */
    private long waitFor(int port, Predicate<JsonNode> match, long timeoutMs, String list) throws Exception {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (System.nanoTime() < deadline) {
            if (alerts(port, list).stream().anyMatch(match)) {
                return System.nanoTime();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no matching alert in " + list + " within " + timeoutMs + " ms: " + alerts(port,
            "active") + " / " + alerts(port, "recent"));
    }

    /** The CheckoutErrorBurst alert among Alertmanager's active alerts (wanted) or its absence (not wanted). */
    private JsonNode waitForAlertmanager(URI alertmanager, boolean wanted) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        JsonNode found = JSON.missingNode();
        while (System.nanoTime() < deadline) {
            String body = http.send(HttpRequest.newBuilder(alertmanager.resolve("/api/v2/alerts?active=true"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
            found = JSON.missingNode();
            for (JsonNode alert : JSON.readTree(body)) {
                if ("CheckoutErrorBurst".equals(alert.path("labels").path("alertname").asText())) {
                    found = alert;
                }
            }
            if (wanted != found.isMissingNode()) {
                return found;
            }
            Thread.sleep(100);
        }
        return found;
    }

    private static List<String> waitForWebhook(WebhookReceiver webhook, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (webhook.accepted().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500); // anything extra (a duplicate) would arrive now
        List<String> states = new ArrayList<>();
        for (JsonNode body : webhook.accepted()) {
            states.add(body.path("status").asText());
        }
        return states;
    }
}
