package io.sluice.server.alerts;

import static io.sluice.server.alerts.TestAlerts.await;
import static io.sluice.server.alerts.TestAlerts.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.RollCycles;
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

    @Test
    void shouldNotCountEntriesADestinationSkipsAgainstItsCapacity() throws Exception {
        NotifierSettings settings = TestAlerts.fastSettings().withOutboxCapacity(2)
            .withWebhooks(List.of(URI.create("http://127.0.0.1:" + freePort() + "/hook")));
        try (AlertNotifications notifications = AlertNotifications.open(dataDir, settings)) {
            notifications.onAlert(TestAlerts.firing("HighErrorRate", "checkout"), true);
            for (int i = 0; i < 5; i++) {
                notifications.onAlert(TestAlerts.firing("HighErrorRate", "checkout"), false); // re-sends: skipped
            }
            notifications.onAlert(TestAlerts.firing("HighLatency", "checkout"), true);
            DestinationMetrics metrics = notifications.metrics().destinations().get(0);
            await(() -> metrics.queued() == 2 && metrics.failures() >= 1, Duration.ofSeconds(10),
                () -> "2 queued, got " + metrics.queued());
            assertEquals(0, metrics.dropped());
        }
    }

    @Test
    void shouldKeepDeliveringToOneDestinationWhileAnotherIsDown() throws Exception {
        URI dead = URI.create("http://127.0.0.1:" + freePort() + "/hook");
        try (WebhookReceiver receiver = WebhookReceiver.start(0, 0);
             AlertNotifications notifications = AlertNotifications.open(dataDir,
                 TestAlerts.fastSettings().withWebhooks(List.of(dead, receiver.url())))) {
            notifications.onAlert(TestAlerts.firing("HighErrorRate", "checkout"), true);
            notifications.onAlert(TestAlerts.resolved("HighErrorRate", "checkout"), true);
            DestinationMetrics down = notifications.metrics().destinations().get(0);
            DestinationMetrics up = notifications.metrics().destinations().get(1);
            await(() -> up.delivered() == 2 && down.failures() >= 2, Duration.ofSeconds(10),
                () -> "webhook-2 served while webhook-1 fails");
            assertEquals(2, down.queued());
            assertEquals(0, down.delivered());
            assertEquals(2, receiver.accepted().size());
        }
    }

    @Test
    void shouldNotSendANewDestinationTheBacklogOfTheOthers() throws Exception {
        int port = freePort();
        URI first = URI.create("http://127.0.0.1:" + port + "/hook");
        try (AlertNotifications notifications = AlertNotifications.open(dataDir,
                 TestAlerts.fastSettings().withWebhooks(List.of(first)))) {
            notifications.onAlert(TestAlerts.firing("HighErrorRate", "checkout"), true);
            DestinationMetrics metrics = notifications.metrics().destinations().get(0);
            await(() -> metrics.failures() >= 1, Duration.ofSeconds(10), () -> "a failed attempt");
        }
        try (WebhookReceiver old = WebhookReceiver.start(port, 0);
             WebhookReceiver added = WebhookReceiver.start(0, 0);
             AlertNotifications notifications = AlertNotifications.open(dataDir,
                 TestAlerts.fastSettings().withWebhooks(List.of(first, added.url())))) {
            DestinationMetrics oldMetrics = notifications.metrics().destinations().get(0);
            DestinationMetrics addedMetrics = notifications.metrics().destinations().get(1);
            assertEquals(0, addedMetrics.queued(), "the backlog is not the new webhook's");
            await(() -> oldMetrics.delivered() == 1, Duration.ofSeconds(10), () -> "backlog delivered");
            notifications.onAlert(TestAlerts.resolved("HighErrorRate", "checkout"), true);
            await(() -> oldMetrics.delivered() == 2 && addedMetrics.delivered() == 1, Duration.ofSeconds(10),
                () -> "the next change delivered to both");
            assertEquals(List.of("firing", "resolved"), old.accepted().stream().map(b -> b.path("status").asText())
                .toList());
            assertEquals(List.of("resolved"), added.accepted().stream().map(b -> b.path("status").asText())
                .toList());
        }
    }

    @Test
    void shouldDeleteOutboxFilesThatEveryDestinationHasPassed() throws Exception {
        SetTimeProvider clock = new SetTimeProvider(Instant.parse("2026-11-23T10:00:00Z"));
        AlertOutbox.Cycles cycles = new AlertOutbox.Cycles(RollCycles.FIVE_MINUTELY, clock);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (WebhookReceiver receiver = WebhookReceiver.start(0, 0)) {
            NotifierSettings settings = TestAlerts.fastSettings().withWebhooks(List.of(receiver.url()));
            for (String service : List.of("a", "b")) {
                try (AlertNotifications notifications = AlertNotifications.open(dataDir, settings, client, cycles)) {
                    notifications.onAlert(TestAlerts.firing("HighErrorRate", service), true);
                    DestinationMetrics metrics = notifications.metrics().destinations().get(0);
                    await(() -> metrics.delivered() == 1 && metrics.queued() == 0, Duration.ofSeconds(10),
                        () -> "delivered");
                }
                clock.advanceMillis(TimeUnit.MINUTES.toMillis(10));
            }
            assertEquals(2, cycleFiles(), "one file per 5-minute cycle used");
            try (AlertNotifications notifications = AlertNotifications.open(dataDir, settings, client, cycles)) {
                assertEquals(0, notifications.metrics().destinations().get(0).attempts());
            }
            assertEquals(1, cycleFiles(), "the file every destination passed is gone");
            assertEquals(2, receiver.accepted().size());
        }
    }

    private long cycleFiles() throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve(AlertOutbox.QUEUE_NAME))) {
            return files.filter(f -> f.toString().endsWith(".cq4")).count();
        }
    }
}
