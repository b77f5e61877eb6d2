package io.sluice.server.alerts;

import static io.sluice.server.alerts.TestAlerts.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook delivery over real sockets: retries through failures, once per state change, Alertmanager's payload. */
class WebhookNotifierIT {
    @TempDir
    Path dataDir;

    @Test
    void shouldDeliverEachStateChangeOnceWhenTheFirstThreeDeliveriesFail() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(0, 3);
             AlertNotifications notifications = AlertNotifications.open(dataDir,
                 TestAlerts.fastSettings().withWebhooks(List.of(receiver.url())))) {
            notifications.onAlert(TestAlerts.firing("HighErrorRate", "checkout"), true);
            notifications.onAlert(TestAlerts.firing("HighErrorRate", "checkout"), false); // a re-send: not a change
            notifications.onAlert(TestAlerts.resolved("HighErrorRate", "checkout"), true);
            DestinationMetrics metrics = notifications.metrics().destinations().get(0);
            await(() -> metrics.delivered() == 2 && metrics.queued() == 0, Duration.ofSeconds(20),
                () -> "2 deliveries, got " + receiver.accepted().size() + " after " + receiver.requests() + " requests");

            List<JsonNode> bodies = receiver.accepted();
            assertEquals(2, bodies.size(), "one body per state change: " + bodies);
            assertEquals("firing", bodies.get(0).path("status").asText());
            assertEquals("resolved", bodies.get(1).path("status").asText());
            assertEquals(5, receiver.requests(), "3 failed + 2 delivered");
            assertEquals(5, metrics.attempts());
            assertEquals(3, metrics.failures());
            assertEquals(0, metrics.dropped());
        }
    }

    @Test
    void shouldGiveUpANotificationRefusedWith4xxAndGoOn() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(0, 1, 400);
             AlertNotifications notifications = AlertNotifications.open(dataDir,
                 TestAlerts.fastSettings().withWebhooks(List.of(receiver.url())))) {
            notifications.onAlert(TestAlerts.firing("HighErrorRate", "checkout"), true);
            notifications.onAlert(TestAlerts.resolved("HighErrorRate", "checkout"), true);
            DestinationMetrics metrics = notifications.metrics().destinations().get(0);
            await(() -> metrics.delivered() == 1 && metrics.queued() == 0, Duration.ofSeconds(10),
                () -> "the second notification delivered");
            assertEquals(2, receiver.requests(), "a 400 is not retried");
            assertEquals(1, metrics.dropped());
            assertEquals(1, metrics.failures());
            assertEquals("resolved", receiver.accepted().get(0).path("status").asText());
        }
    }

    @Test
    void shouldSendAlertmanagerWebhookPayload() throws Exception {
        JsonNode body;
        try (WebhookReceiver receiver = WebhookReceiver.start(0, 0);
             AlertNotifications notifications = AlertNotifications.open(dataDir,
                 TestAlerts.fastSettings().withWebhooks(List.of(receiver.url())))) {
            notifications.onAlert(TestAlerts.firing("HighErrorRate", "checkout"), true);
            await(() -> receiver.accepted().size() == 1, Duration.ofSeconds(10), () -> "one delivery");
            body = receiver.accepted().get(0);
        }
        assertEquals("4", body.path("version").asText());
        assertEquals("firing", body.path("status").asText());
        assertEquals("sluice", body.path("receiver").asText());
        assertEquals("{}:{alertname=\"HighErrorRate\"}", body.path("groupKey").asText());
        assertEquals("HighErrorRate", body.path("groupLabels").path("alertname").asText());
        assertEquals("checkout", body.path("commonLabels").path("service").asText());
        assertEquals("Error rate above 5%", body.path("commonAnnotations").path("summary").asText());
        assertEquals("http://localhost:8080", body.path("externalURL").asText());
        JsonNode alert = body.path("alerts").get(0);
        assertEquals("firing", alert.path("status").asText());
        assertEquals("payments", alert.path("labels").path("team").asText());
        assertEquals("P1", alert.path("labels").path("severity").asText());
        assertEquals(TestAlerts.FIRED_AT.toString(), alert.path("startsAt").asText());
        assertEquals("0001-01-01T00:00:00Z", alert.path("endsAt").asText());
        assertEquals("http://localhost:8080/api/alerts?rule=HighErrorRate", alert.path("generatorURL").asText());
        assertEquals("HighErrorRate-checkout", alert.path("fingerprint").asText());
    }
}
