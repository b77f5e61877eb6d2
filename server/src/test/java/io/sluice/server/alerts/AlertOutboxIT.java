package io.sluice.server.alerts;

import static io.sluice.server.alerts.TestAlerts.await;
import static io.sluice.server.alerts.TestAlerts.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox on disk: pending notifications survive a restart, and a full outbox gives up its oldest. */
class AlertOutboxIT {
    @TempDir
    Path dataDir;

    @Test
    void shouldDeliverOnceAfterRestartWhatWasQueuedWhileTheReceiverWasDown() throws Exception {
        int port = freePort();
        URI url = URI.create("http://127.0.0.1:" + port + "/hook");
        NotifierSettings settings = TestAlerts.fastSettings().withWebhooks(List.of(url));
        try (AlertNotifications notifications = AlertNotifications.open(dataDir, settings)) {
            notifications.onAlert(TestAlerts.firing("HighErrorRate", "checkout"), true);
            DestinationMetrics metrics = notifications.metrics().destinations().get(0);
            await(() -> metrics.failures() >= 2, Duration.ofSeconds(10), () -> "failed attempts to a closed port");
            assertEquals(1, metrics.queued());
        }

        try (WebhookReceiver receiver = WebhookReceiver.start(port, 0);
             AlertNotifications notifications = AlertNotifications.open(dataDir, settings)) {
            DestinationMetrics metrics = notifications.metrics().destinations().get(0);
            await(() -> metrics.delivered() == 1 && metrics.queued() == 0, Duration.ofSeconds(10),
                () -> "the queued alert delivered after restart");
            assertEquals(1, receiver.accepted().size());
            assertEquals("HighErrorRate-checkout",
                receiver.accepted().get(0).path("alerts").get(0).path("fingerprint").asText());
        }

        try (AlertNotifications notifications = AlertNotifications.open(dataDir, settings)) {
            DestinationMetrics metrics = notifications.metrics().destinations().get(0);
            assertEquals(0, metrics.queued(), "the delivered alert is not pending again");
            assertEquals(0, metrics.attempts());
        }
    }

    @Test
    void shouldDropTheOldestUndeliveredWhenTheOutboxIsFull() throws Exception {
        int port = freePort();
        NotifierSettings settings = TestAlerts.fastSettings().withOutboxCapacity(3)
            .withWebhooks(List.of(URI.create("http://127.0.0.1:" + port + "/hook")));
        try (AlertNotifications notifications = AlertNotifications.open(dataDir, settings)) {
            for (int i = 1; i <= 5; i++) {
                notifications.onAlert(TestAlerts.firing("HighErrorRate", "service-" + i), true);
            }
            DestinationMetrics metrics = notifications.metrics().destinations().get(0);
            await(() -> metrics.dropped() == 2 && metrics.failures() >= 1, Duration.ofSeconds(10),
                () -> "2 dropped, got " + metrics.dropped() + " queued " + metrics.queued() + " failures "
                + metrics.failures() + " attempts " + metrics.attempts());
            assertEquals(3, metrics.queued());
        }
        try (WebhookReceiver receiver = WebhookReceiver.start(port, 0);
             AlertNotifications notifications = AlertNotifications.open(dataDir, settings)) {
            DestinationMetrics metrics = notifications.metrics().destinations().get(0);
            await(() -> metrics.delivered() == 3 && metrics.queued() == 0, Duration.ofSeconds(10),
                () -> "the 3 newest delivered");
            List<String> services = receiver.accepted().stream()
                .map(b -> b.path("alerts").get(0).path("labels").path("service").asText()).toList();
            assertEquals(List.of("service-3", "service-4", "service-5"), services);
        }
    }
}
